import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binFlags } from './bin-flags.ts';
import type { FeatureBinning } from './binning.ts';

const numeric = (uppers: readonly number[]): FeatureBinning => ({
  name: 'x',
  type: 'numeric',
  specialValues: [],
  bins: uppers.map((upper, i) => {
    const lower = i === 0 ? Number.NEGATIVE_INFINITY : (uppers[i - 1] ?? 0);
    return { label: `(${lower}, ${upper}]`, rule: { kind: 'interval', lower, upper } };
  }),
});

describe('binFlags', () => {
  it('flags a bin under the minimum share, and one with a single class (whose WOE is smoothed)', () => {
    // 200 rows; 5 % of 200 = 10 rows. Bin 2 holds 6 rows (3 %): small; it also has no events. Bin 4 holds only events.
    const binning = numeric([1, 2, 3, Number.POSITIVE_INFINITY]);
    const counts = [
      { count: 100, events: 10 },
      { count: 6, events: 0 },
      { count: 80, events: 20 },
      { count: 14, events: 14 },
    ];
    const flags = binFlags(binning, counts, { minBinShare: 0.05, monotonic: false });
    assert.deepEqual(flags, [[], ['small', 'no_events'], [], ['no_non_events']]);
  });

  it('flags the intervals whose event rate turns against the trend of a monotonic feature, and only then', () => {
    // Event rates 10 %, 20 %, 15 %, 40 %: rising from first to last, so the third (15 % after 20 %) breaks it.
    const binning = numeric([1, 2, 3, Number.POSITIVE_INFINITY]);
    const counts = [
      { count: 100, events: 10 },
      { count: 100, events: 20 },
      { count: 100, events: 15 },
      { count: 100, events: 40 },
    ];
    assert.deepEqual(binFlags(binning, counts, { minBinShare: 0.05, monotonic: true }), [[], [], ['not_monotonic'], []]);
    assert.deepEqual(binFlags(binning, counts, { minBinShare: 0.05, monotonic: false }), [[], [], [], []]);
    // Falling from first to last (40 % … 10 %), an equal neighbour breaks it too: strict, like the binning's own merges.
    const falling = [
      { count: 100, events: 40 },
      { count: 100, events: 25 },
      { count: 100, events: 25 },
      { count: 100, events: 10 },
    ];
    assert.deepEqual(binFlags(binning, falling, { minBinShare: 0.05, monotonic: true }), [[], [], ['not_monotonic'], []]);
  });

  it('flags an empty bin as empty only, and leaves a categorical feature out of the trend check', () => {
    const binning = numeric([1, 2, Number.POSITIVE_INFINITY]);
    assert.deepEqual(
      binFlags(binning, [{ count: 50, events: 5 }, { count: 0, events: 0 }, { count: 50, events: 9 }], { minBinShare: 0.05, monotonic: true }),
      [[], ['empty'], []],
    );
    const categorical: FeatureBinning = {
      name: 'c',
      type: 'categorical',
      specialValues: [],
      bins: ['a', 'b', 'c'].map((level) => ({ label: level, rule: { kind: 'levels', levels: [level] } })),
    };
    const counts = [
      { count: 100, events: 10 },
      { count: 100, events: 30 },
      { count: 100, events: 20 },
    ];
    assert.deepEqual(binFlags(categorical, counts, { minBinShare: 0.05, monotonic: true }), [[], [], []]);
  });
});
