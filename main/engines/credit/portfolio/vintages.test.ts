import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vintageSchema } from '../../../../preload/contract/credit.ts';
import { VintageCurves } from './vintages.ts';

const close = (actual: readonly number[] | undefined, expected: readonly number[]): void => {
  assert.ok(actual, 'no curve');
  assert.equal(actual.length, expected.length, `curve ${actual.join(', ')}`);
  actual.forEach((value, i) => assert.ok(Math.abs(value - (expected[i] ?? Number.NaN)) < 1e-12, `MOB ${i + 1}: ${value} ≠ ${expected[i]}`));
};

describe('VintageCurves', () => {
  it('gives cumulative default rates by months on book over the whole vintage, up to the MOB its youngest month reached', () => {
    const curves = new VintageCurves();
    // 2024-Q1: A (Jan, defaults Mar = MOB 2), B (Jan), C (Mar, defaults Apr = MOB 1), D (Feb).
    curves.add('2024-01-10', '2024-03');
    curves.add('2024-01-20', null);
    curves.add('2024-03-05', '2024-04');
    curves.add('2024-02-01', null);
    // 2024-Q2: E (Jun, never on book a full month by June), F (Apr, defaults Aug: after the observation end).
    curves.add('2024-06-30', null);
    curves.add('2024-04-01', '2024-08');
    // 2023-Q4: G defaults in its origination month (MOB 0), added last to check the sort.
    curves.add('2023-12-15', '2023-12');
    const result = curves.result('2024-06');
    for (const vintage of result) vintageSchema.parse(vintage);
    assert.deepEqual(
      result.map((v) => [v.vintage, v.loans]),
      [
        ['2023-Q4', 1],
        ['2024-Q1', 4],
        ['2024-Q2', 2],
      ],
    );
    // 2023-Q4: Dec + 6 = Jun, so MOB 1…6, all defaulted (MOB 0 counts from MOB 1 on).
    close(result[0]?.cumulativeDefaultRate, [1, 1, 1, 1, 1, 1]);
    // 2024-Q1, observation end June; its youngest month, March, reaches MOB 3 (Mar + 3 = Jun), so:
    //   MOB 1: defaulted by MOB 1: C → 1/4
    //   MOB 2: A and C → 2/4
    //   MOB 3: 2/4; MOB 4 would be over January and February alone, so the curve stops.
    close(result[1]?.cumulativeDefaultRate, [1 / 4, 2 / 4, 2 / 4]);
    // 2024-Q2: its youngest month, June, has not reached MOB 1: no curve yet (F's August default is unseen anyway).
    close(result[2]?.cumulativeDefaultRate, []);
  });

  it('gives an empty curve to a vintage that has not reached MOB 1, and nothing for no loans', () => {
    const curves = new VintageCurves();
    assert.deepEqual(curves.result('2024-06'), []);
    curves.add('2024-06-01', null);
    assert.deepEqual(curves.result('2024-06'), [{ vintage: '2024-Q2', loans: 1, cumulativeDefaultRate: [] }]);
  });
});
