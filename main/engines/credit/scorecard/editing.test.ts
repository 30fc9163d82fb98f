import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binFeature, type FeatureBinning, type FeatureColumn } from './binning.ts';
import { evaluateBinning, mergeWithNext, moveBoundary, splitInterval } from './editing.ts';
import { developScorecard } from './fit.ts';

const x: FeatureColumn = { name: 'x', type: 'numeric', values: Float64Array.from({ length: 20 }, (_, i) => i + 1) };
const events = Uint8Array.from({ length: 20 }, (_, i) => ([1, 2, 3, 6, 7, 11, 12, 13, 16].includes(i + 1) ? 1 : 0));

function edited(result: ReturnType<typeof splitInterval>): FeatureBinning {
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.binning;
}

describe('editing bins by hand', () => {
  it('splits, merges and moves boundaries, and shows the new WOE and IV at once', () => {
    const auto = binFeature(x, events, { fineClasses: 4 });
    assert.deepEqual(auto.bins.map((b) => b.label), ['(-inf, 5]', '(5, 15]', '(15, +inf)']);
    const split = edited(splitInterval(auto, 1, 10));
    assert.deepEqual(split.bins.map((b) => b.label), ['(-inf, 5]', '(5, 10]', '(10, 15]', '(15, +inf)']);
    const moved = edited(moveBoundary(split, 1, 12));
    assert.deepEqual(moved.bins.map((b) => b.label), ['(-inf, 5]', '(5, 12]', '(12, 15]', '(15, +inf)']);
    const merged = edited(mergeWithNext(moved, 2));
    assert.deepEqual(merged.bins.map((b) => b.label), ['(-inf, 5]', '(5, 12]', '(12, +inf)']);
    // (5, 12]: 6,7,11,12 events of 7 rows; (12, +inf): 13, 16 of 8 rows. Totals 9 events, 11 non-events.
    const { counts, woe, iv } = evaluateBinning(merged, x, events);
    assert.deepEqual(counts, [
      { count: 5, events: 3 },
      { count: 7, events: 4 },
      { count: 8, events: 2 },
    ]);
    assert.ok(Math.abs((woe[2] ?? 0) - Math.log((6 / 11) / (2 / 9))) < 1e-12);
    assert.ok(iv > 0);
  });

  it('refuses edits that make no sense, saying why', () => {
    const auto = binFeature(x, events, { fineClasses: 4 });
    assert.equal(splitInterval(auto, 0, 7).ok, false);
    assert.equal(moveBoundary(auto, 0, 20).ok, false);
    assert.equal(mergeWithNext(auto, 2).ok, false);
    const withMissing = binFeature({ name: 'y', type: 'numeric', values: Float64Array.of(1, 2, Number.NaN, 4) }, Uint8Array.of(1, 0, 1, 0), { fineClasses: 1 });
    const refused = mergeWithNext(withMissing, 0);
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.message, /missing/);
  });

  it('merges category bins into one group', () => {
    const home: FeatureColumn = { name: 'home', type: 'categorical', values: ['a', 'a', 'b', 'b', 'c', 'c'] };
    const binning = binFeature(home, Uint8Array.of(1, 0, 0, 1, 1, 0), { minBinShare: 0.1 });
    const merged = edited(mergeWithNext(binning, 1));
    assert.deepEqual(merged.bins.map((b) => b.label), ['a', 'b, c']);
  });

  it('develops a scorecard with hand-edited bins in place of the automatic ones', () => {
    const auto = binFeature(x, events, { fineClasses: 4 });
    const split = edited(splitInterval(auto, 1, 10));
    const dev = developScorecard([x], events, { binnings: [split], minIv: 0 });
    assert.deepEqual(dev.features[0]?.bins.map((b) => b.label), ['(-inf, 5]', '(5, 10]', '(10, 15]', '(15, +inf)']);
  });
});
