import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ladderSchema, type LcrCategory } from '../../../preload/contract/liquidity.ts';
import { dayNumber } from '../calendar.ts';
import { LadderTally } from './ladder.ts';

const AS_OF = dayNumber({ year: 2025, month: 1, day: 1 });

/** A line of `amount` major units (2-decimal currency) maturing `remaining` days after as-of (null: no maturity). */
const line = (category: LcrCategory, amount: number, remaining: number | null) => ({ category, amountMinor: amount * 100, maturityDay: remaining === null ? null : AS_OF + remaining });

describe('LadderTally', () => {
  it('puts each line in the bucket of its remaining days, edges included, and leaves out what is no contractual flow', () => {
    const tally = new LadderTally(AS_OF, 2);
    const lines = [
      // Outflows (liabilities), two per bucket at its edges; on demand (no maturity) is overnight.
      line('other_contractual_outflow', 1, 0),
      line('other_contractual_outflow', 2, 1),
      line('retail_less_stable', 4, null), //                  overnight: 1 + 2 + 4 = 7
      line('other_contractual_outflow', 10, 2),
      line('other_contractual_outflow', 20, 7), //             d2_7: 30
      line('other_contractual_outflow', 100, 8),
      line('other_contractual_outflow', 200, 30), //           d8_30: 300
      line('secured_funding_other', 1000, 31),
      line('secured_funding_other', 2000, 90), //              m1_3: 3000
      line('secured_funding_other', 10_000, 91),
      line('secured_funding_other', 20_000, 180), //           m3_6: 30 000
      line('secured_funding_other', 100_000, 181),
      line('secured_funding_other', 200_000, 365), //          m6_12: 300 000
      line('retail_term_gt30d', 1_000_000, 366), //            gt1y: 1 000 000
      // Inflows: a receivable with no maturity is due now; an HQLA bond repays at its maturity.
      line('inflow_retail', 5, null),
      line('hqla_l1_sovereign', 50, 1), //                     overnight: 5 + 50 = 55
      line('inflow_financial_institution', 500, 8), //         d8_30: 500
      line('hqla_l2a', 3_000_000, 366), //                     gt1y: 3 000 000
      // Left out.
      line('hqla_l1_cash', 7777, null), //                     stock_without_maturity: 7777
      line('committed_facility_bank', 888, 10),
      line('committed_credit_retail', 12, null), //            contingent: 900 in 2 lines
      line('retail_stable', 99, -1),
      line('inflow_retail', 1, -30),
      line('hqla_l2a', 1000, -1), //                           matured: 1100 in 3 lines
    ];
    for (const l of lines.reverse()) tally.add(l);
    const ladder = ladderSchema.parse(tally.ladder());
    assert.equal(ladder.asOf, '2025-01-01');
    // gap = inflows − outflows; cumulative: 48, 48 − 30 = 18, 18 + 200 = 218, 218 − 3000 = −2782, −32 782, −332 782,
    // −332 782 + 2 000 000 = 1 667 218.
    assert.deepEqual(
      ladder.buckets.map((b) => [b.bucket, b.fromDay, b.toDay, b.inflows, b.outflows, b.gap, b.cumulativeGap, b.lines]),
      [
        ['overnight', 0, 1, 55, 7, 48, 48, 5],
        ['d2_7', 2, 7, 0, 30, -30, 18, 2],
        ['d8_30', 8, 30, 500, 300, 200, 218, 3],
        ['m1_3', 31, 90, 0, 3000, -3000, -2782, 2],
        ['m3_6', 91, 180, 0, 30_000, -30_000, -32_782, 2],
        ['m6_12', 181, 365, 0, 300_000, -300_000, -332_782, 2],
        ['gt1y', 366, null, 3_000_000, 1_000_000, 2_000_000, 1_667_218, 2],
      ],
    );
    assert.deepEqual(ladder.excluded, [
      { reason: 'stock_without_maturity', lines: 1, amount: 7777 },
      { reason: 'contingent', lines: 2, amount: 900 },
      { reason: 'matured', lines: 3, amount: 1100 },
    ]);
    const counted = ladder.buckets.reduce((n, b) => n + b.lines, 0) + ladder.excluded.reduce((n, e) => n + e.lines, 0);
    assert.equal(counted, lines.length, 'every line is in a bucket or excluded, once');
  });

  it('sums cents exactly and reports empty buckets as zeros', () => {
    const tally = new LadderTally(AS_OF, 2);
    // 0.10 + 0.20 = 0.30 exactly (0.1 + 0.2 as doubles is 0.30000000000000004).
    tally.add({ category: 'retail_stable', amountMinor: 10, maturityDay: null });
    tally.add({ category: 'retail_stable', amountMinor: 20, maturityDay: AS_OF });
    const ladder = tally.ladder();
    assert.equal(ladder.buckets[0]?.outflows, 0.3);
    assert.equal(ladder.buckets[0]?.gap, -0.3);
    assert.deepEqual(ladder.buckets.slice(1).map((b) => [b.lines, b.cumulativeGap]), Array.from({ length: 6 }, () => [0, -0.3]));
    assert.deepEqual(ladder.excluded.map((e) => e.lines), [0, 0, 0]);
  });
});
