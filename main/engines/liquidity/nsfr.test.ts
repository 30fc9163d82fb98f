import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AsfCategory, nsfrBreakdownSchema, type NsfrCategory, type RsfCategory } from '../../../preload/contract/liquidity.ts';
import { NSFR_UNDEFINED, NsfrTally } from './nsfr.ts';

// DOMAIN.md's factors (the upper end where it gives a range).
const ASF: Record<AsfCategory, number> = {
  asf_capital: 1,
  asf_liabilities_ge1y: 1,
  asf_retail_stable: 0.95,
  asf_retail_less_stable: 0.9,
  asf_operational_deposits: 0.5,
  asf_nonfinancial_wholesale_lt1y: 0.5,
  asf_other: 0,
};
const RSF: Record<RsfCategory, number> = {
  rsf_cash: 0,
  rsf_l1_unencumbered: 0.05,
  rsf_l2a: 0.15,
  rsf_l2b: 0.5,
  rsf_loans_fi_lt6m_l1_secured: 0.1,
  rsf_loans_fi_lt6m_other: 0.15,
  rsf_other_assets_lt1y: 0.5,
  rsf_performing_loans_ge1y_rw35: 0.65,
  rsf_performing_loans_ge1y: 0.85,
  rsf_off_balance_commitments: 0.05,
  rsf_nonperforming_and_other: 1,
};

function nsfrOf(lines: readonly (readonly [NsfrCategory, number])[]) {
  const tally = new NsfrTally(ASF, RSF, 2);
  for (const [category, amountMinor] of lines) tally.add(category, amountMinor);
  return nsfrBreakdownSchema.parse(tally.breakdown());
}

describe('NsfrTally', () => {
  it('divides available by required stable funding, each the sum of amount × factor', () => {
    const result = nsfrOf([
      ['rsf_performing_loans_ge1y', 1500_00],
      ['asf_capital', 1000_00], //               1000 × 1.00 = 1000
      ['asf_retail_stable', 2000_00], //         2000 × 0.95 = 1900
      ['asf_other', 500_00], //                   500 × 0    =    0   → ASF 2900
      ['rsf_cash', 300_00], //                    300 × 0    =    0
      ['rsf_l1_unencumbered', 1000_00], //       1000 × 0.05 =   50
      ['rsf_performing_loans_ge1y', 500_00], //  (1500 + 500) × 0.85 = 1700
      ['rsf_other_assets_lt1y', 500_00], //       500 × 0.50 =  250   → RSF 2000
    ]);
    // NSFR = 2900 / 2000 = 1.45
    assert.deepEqual([result.asf, result.rsf, result.nsfr, result.nsfrUndefined], [2900, 2000, 1.45, null]);
    assert.deepEqual(
      result.categories.map((c) => [c.category, c.lines, c.amount, c.weighted]),
      [
        ['asf_capital', 1, 1000, 1000],
        ['asf_retail_stable', 1, 2000, 1900],
        ['asf_other', 1, 500, 0],
        ['rsf_cash', 1, 300, 0],
        ['rsf_l1_unencumbered', 1, 1000, 50],
        ['rsf_other_assets_lt1y', 1, 500, 250],
        ['rsf_performing_loans_ge1y', 2, 2000, 1700],
      ],
      'in the contract’s order of categories',
    );
  });

  it('leaves the NSFR undefined, and says why, when nothing requires stable funding', () => {
    const result = nsfrOf([
      ['asf_capital', 1000_00],
      ['rsf_cash', 5000_00], // RSF factor 0
    ]);
    assert.deepEqual([result.asf, result.rsf, result.nsfr, result.nsfrUndefined], [1000, 0, null, NSFR_UNDEFINED]);
    assert.match(NSFR_UNDEFINED, /required stable funding is zero/);
  });
});
