import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectFeatures } from './selection.ts';

// Why selection leaves a feature out, as figures for the screens and as the command line's English sentence.

describe('selectFeatures exclusions', () => {
  it('says which floor or which higher-IV feature kept each one out', () => {
    const woe = (values: number[]) => Float64Array.from(values);
    const { decisions, order } = selectFeatures([
      { name: 'a', iv: 0.5, woe: woe([1, 2, 3, 4]) },
      // b = 2a: correlation exactly 1 with a, which has the higher IV.
      { name: 'b', iv: 0.3, woe: woe([2, 4, 6, 8]) },
      { name: 'c', iv: 0.01, woe: woe([4, 3, 2, 1]) },
      // d against a: deviations (1, −1, 1, −1) and (−1.5, −0.5, 0.5, 1.5), Σ = −2, r = −2 / √(4 · 5) = −0.447: kept.
      { name: 'd', iv: 0.2, woe: woe([1, -1, 1, -1]) },
    ]);
    assert.deepEqual(order, ['a', 'd']);
    assert.deepEqual(
      decisions.map((d) => [d.name, d.selected, d.exclusion]),
      [
        ['a', true, null],
        ['b', false, { code: 'correlated', correlation: 1, with: 'a', maxCorrelation: 0.7 }],
        ['c', false, { code: 'low_iv', iv: 0.01, minIv: 0.02 }],
        ['d', true, null],
      ],
    );
    assert.deepEqual(
      decisions.map((d) => d.reason),
      [null, 'WOE correlation 1.000 with a (higher IV) beyond 0.7', 'IV 0.0100 below 0.02', null],
    );
  });
});
