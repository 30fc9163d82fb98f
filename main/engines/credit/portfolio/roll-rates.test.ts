import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rollRateSchema } from '../../../../preload/contract/credit.ts';
import { DPD_BUCKETS, type DpdBucket } from '../../../../preload/contract/vocabulary.ts';
import { RollRates } from './roll-rates.ts';

/** A 6 × 6 matrix with the given cells set to their counts. */
function matrix(cells: [from: DpdBucket, to: DpdBucket, count: number][]): number[][] {
  const out = DPD_BUCKETS.map(() => DPD_BUCKETS.map(() => 0));
  for (const [from, to, count] of cells) {
    const row = out[DPD_BUCKETS.indexOf(from)];
    if (row) row[DPD_BUCKETS.indexOf(to)] = count;
  }
  return out;
}

function feed(rollRates: RollRates): void {
  const rows: [string, string, DpdBucket | null][] = [
    ['L1', '2024-01', 'current'],
    ['L1', '2024-02', '1-29'], // 2024-02: current → 1-29
    ['L1', '2024-03', '30-59'], // 2024-03: 1-29 → 30-59
    ['L1', '2024-05', 'current'], // April missing: not counted
    ['L1', '2024-06', 'current'], // 2024-06: current → current
    ['L2', '2024-07', '60-89'], // another loan, though the month follows L1's last: not counted
    ['L2', '2024-08', '90-179'], // 2024-08: 60-89 → 90-179
    ['L3', '2024-07', 'current'],
    ['L3', '2024-08', null], // paid off: not counted
    ['L3', '2024-09', 'current'], // from a paid-off month: not counted
    ['L4', '2024-07', 'current'],
    ['L4', '2024-08', 'current'], // 2024-08: current → current
  ];
  for (const [loan, month, bucket] of rows) rollRates.add(loan, month, bucket);
}

describe('RollRates', () => {
  it('counts moves between consecutive months of the same loan, and reports the last N months', () => {
    const rollRates = new RollRates({ months: 2 });
    feed(rollRates);
    const result = rollRates.result();
    for (const month of result) rollRateSchema.parse(month);
    // The latest month with a transition is 2024-08 (September's row follows a paid-off month); July had none.
    assert.deepEqual(result, [
      { month: '2024-07', buckets: [...DPD_BUCKETS], counts: matrix([]) },
      {
        month: '2024-08',
        buckets: [...DPD_BUCKETS],
        counts: matrix([
          ['60-89', '90-179', 1],
          ['current', 'current', 1],
        ]),
      },
    ]);
  });

  it('starts at the first month with a transition when the history is shorter than N', () => {
    const rollRates = new RollRates({ months: 12 });
    feed(rollRates);
    const result = rollRates.result();
    assert.deepEqual(
      result.map((r) => r.month),
      ['2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'],
    );
    assert.deepEqual(result[0]?.counts, matrix([['current', '1-29', 1]]));
    assert.deepEqual(result[1]?.counts, matrix([['1-29', '30-59', 1]]));
    assert.deepEqual(result[3]?.counts, matrix([]), 'May: the gap after March is not a transition');
    assert.deepEqual(result[4]?.counts, matrix([['current', 'current', 1]]));
  });

  it('reports nothing without transitions', () => {
    const rollRates = new RollRates({ months: 3 });
    rollRates.add('L1', '2024-01', 'current');
    assert.deepEqual(rollRates.result(), []);
  });
});
