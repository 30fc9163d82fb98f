import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { applyBinning, binCounts, binFeature, NO_BIN, type FeatureColumn } from './binning.ts';

const numeric = (values: number[]): FeatureColumn => ({ name: 'x', type: 'numeric', values: Float64Array.from(values) });
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('numeric binning', () => {
  it('merges quantile fine classes to a monotonic event rate (hand-worked)', () => {
    // x = 1..20, 4 fine classes: cuts at the 5th, 10th and 15th sorted values → (-inf,5], (5,10], (10,15], (15,+inf).
    // Events at 1,2,3 | 6,7 | 11,12,13 | 16: rates .6, .4, .6, .2 — not monotonic.
    // Pool adjacent violators, decreasing: .6 | .4 then .6 violates → (5,15] 5/10 = .5 | .2 → .6, .5, .2.
    // Increasing would pool everything into one bin (IV 0), so the decreasing trend wins.
    const events = Uint8Array.from(range(1, 20), (x) => ([1, 2, 3, 6, 7, 11, 12, 13, 16].includes(x) ? 1 : 0));
    const binning = binFeature(numeric(range(1, 20)), events, { fineClasses: 4, minBinShare: 0.05 });
    assert.deepEqual(
      binning.bins.map((b) => b.label),
      ['(-inf, 5]', '(5, 15]', '(15, +inf)'],
    );
    const counts = binCounts(binning, applyBinning(binning, numeric(range(1, 20))), events);
    assert.deepEqual(counts, [
      { count: 5, events: 3 },
      { count: 10, events: 5 },
      { count: 5, events: 1 },
    ]);
    // Right-closed boundaries, re-applied exactly; a missing value with no missing bin in development falls in no bin.
    assert.deepEqual([...applyBinning(binning, numeric([5, 5.000001, 15, 15.5, -1e9, Number.NaN]))], [0, 1, 1, 2, 0, NO_BIN]);
  });

  it('merges bins holding a single class rather than giving them infinite WOE', () => {
    // x = 1..10, events exactly at x ≤ 5: two fine classes, each of one class → merged into one bin.
    const events = Uint8Array.from(range(1, 10), (x) => (x <= 5 ? 1 : 0));
    const binning = binFeature(numeric(range(1, 10)), events, { fineClasses: 2 });
    assert.deepEqual(binning.bins.map((b) => b.label), ['(-inf, +inf)']);
  });

  it('gives missing values and special values bins of their own', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, Number.NaN, Number.NaN, -99, -99];
    const events = Uint8Array.of(1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1);
    const binning = binFeature(numeric(values), events, { fineClasses: 2, specialValues: [-99, 999] });
    assert.deepEqual(binning.bins.map((b) => b.label), ['(-inf, 4]', '(4, +inf)', 'special -99', 'missing']);
    // 999 is configured but absent in development: on new data it takes no bin (WOE 0) rather than an interval.
    assert.deepEqual([...applyBinning(binning, numeric([-99, Number.NaN, 999, 4, 4.5]))], [2, 3, NO_BIN, 0, 1]);
  });

  it('keeps the event rate monotonic and every bin above the minimum share (property, seeded)', () => {
    const rng = xoroshiro128plus(20261128);
    for (let trial = 0; trial < 40; trial++) {
      const n = 500 + trial * 37;
      const share = 0.02 + (trial % 5) * 0.03;
      const x = Float64Array.from({ length: n }, () => Math.round(uniformFloat64(rng) * 200) / 2);
      // A bumpy, non-monotonic true event rate.
      const events = Uint8Array.from(x, (v) => (uniformFloat64(rng) < 0.15 + 0.25 * Math.abs(Math.sin(v / (7 + trial))) ? 1 : 0));
      const column: FeatureColumn = { name: 'x', type: 'numeric', values: x };
      const binning = binFeature(column, events, { minBinShare: share });
      const counts = binCounts(binning, applyBinning(binning, column), events);
      const rates = counts.map((c) => c.events / c.count);
      const increasing = rates.every((r, i) => i === 0 || r > (rates[i - 1] ?? 0));
      const decreasing = rates.every((r, i) => i === 0 || r < (rates[i - 1] ?? 0));
      assert.ok(increasing || decreasing, `trial ${trial}: rates ${rates.join(', ')}`);
      if (counts.length > 1) {
        for (const c of counts) {
          assert.ok(c.count >= share * n, `trial ${trial}: a bin of ${c.count} rows below ${share * n}`);
          assert.ok(c.events > 0 && c.events < c.count, `trial ${trial}: a single-class bin`);
        }
      }
      assert.equal(counts.reduce((s, c) => s + c.count, 0), n);
    }
  });

  it('keeps finer, non-monotonic bins when the analyst allows it', () => {
    const x = range(1, 20);
    const events = Uint8Array.from(x, (v) => ([1, 2, 3, 6, 7, 11, 12, 13, 16].includes(v) ? 1 : 0));
    const binning = binFeature(numeric(x), events, { fineClasses: 4, monotonic: false });
    assert.deepEqual(binning.bins.map((b) => b.label), ['(-inf, 5]', '(5, 10]', '(10, 15]', '(15, +inf)']);
  });
});

describe('categorical binning', () => {
  it('gives each level a bin, groups rare levels, and sends unseen levels to the group', () => {
    const values: (string | null)[] = [...Array<string>(10).fill('a'), ...Array<string>(10).fill('b'), 'c', 'd', null, null];
    const events = Uint8Array.from(values, (_, i) => (i % 3 === 0 ? 1 : 0));
    const column: FeatureColumn = { name: 'home', type: 'categorical', values };
    const binning = binFeature(column, events, { minBinShare: 0.1 });
    assert.deepEqual(binning.bins.map((b) => b.label), ['a', 'b', '(other: c, d)', 'missing']);
    const fresh: FeatureColumn = { name: 'home', type: 'categorical', values: ['b', 'd', 'zzz', null, 'a'] };
    assert.deepEqual([...applyBinning(binning, fresh)], [1, 2, 2, 3, 0]);
  });

  it('merges a rare-level group that holds one class only into the level whose event rate is closest', () => {
    // a: 2 of 10 events (0.2), b: 6 of 10 (0.6), rare c and d (1 row each, share 1/22 < 0.1): 0 of 2, pure → joins a.
    const values = [...Array<string>(10).fill('a'), ...Array<string>(10).fill('b'), 'c', 'd'];
    const events = Uint8Array.from(values, (v, i) => ((v === 'a' && i < 2) || (v === 'b' && i < 16) ? 1 : 0));
    const column: FeatureColumn = { name: 'kind', type: 'categorical', values };
    const binning = binFeature(column, events, { minBinShare: 0.1 });
    assert.deepEqual(binning.bins.map((b) => b.label), ['(other: a, c, d)', 'b']);
    assert.deepEqual(
      binCounts(binning, applyBinning(binning, column), events).map((c) => [c.count, c.events]),
      [
        [12, 2],
        [10, 6],
      ],
    );
    assert.deepEqual([...applyBinning(binning, { name: 'kind', type: 'categorical', values: ['zzz'] })], [0], 'unseen levels still go to the group');
    const common = binFeature({ name: 'kind', type: 'categorical', values: ['x', 'x', 'y', 'y'] }, Uint8Array.of(1, 1, 0, 0), { minBinShare: 0.1 });
    assert.deepEqual(common.bins.map((b) => b.label), ['x', 'y'], 'common one-class levels stay: the fit reports the separation');
  });
});
