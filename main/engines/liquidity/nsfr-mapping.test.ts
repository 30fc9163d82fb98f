import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LCR_CATEGORIES, type LcrCategory, type NsfrCategory } from '../../../preload/contract/liquidity.ts';
import { nsfrCategoryOfLine, nsfrCategoryOfLoan } from './nsfr-mapping.ts';

/**
 * Every LCR category's NSFR category with no maturity, with 364 days left and with 365 (a year); for lending to
 * financial institutions also at 179 and 180 days (six months). Written out in full, so a change to the table shows.
 */
const EXPECTED: Record<LcrCategory, { none: NsfrCategory | null; d364: NsfrCategory | null; d365: NsfrCategory | null; d179?: NsfrCategory; d180?: NsfrCategory }> = {
  hqla_l1_cash: { none: 'rsf_cash', d364: 'rsf_cash', d365: 'rsf_cash' },
  hqla_l1_central_bank_reserves: { none: 'rsf_cash', d364: 'rsf_cash', d365: 'rsf_cash' },
  hqla_l1_sovereign: { none: 'rsf_l1_unencumbered', d364: 'rsf_l1_unencumbered', d365: 'rsf_l1_unencumbered' },
  hqla_l2a: { none: 'rsf_l2a', d364: 'rsf_l2a', d365: 'rsf_l2a' },
  hqla_l2b_rmbs: { none: 'rsf_l2b', d364: 'rsf_l2b', d365: 'rsf_l2b' },
  hqla_l2b_corporate: { none: 'rsf_l2b', d364: 'rsf_l2b', d365: 'rsf_l2b' },
  hqla_l2b_equity: { none: 'rsf_l2b', d364: 'rsf_l2b', d365: 'rsf_l2b' },
  retail_stable: { none: 'asf_retail_stable', d364: 'asf_retail_stable', d365: 'asf_retail_stable' },
  retail_less_stable: { none: 'asf_retail_less_stable', d364: 'asf_retail_less_stable', d365: 'asf_retail_less_stable' },
  retail_term_gt30d: { none: 'asf_retail_less_stable', d364: 'asf_retail_less_stable', d365: 'asf_liabilities_ge1y' },
  small_business_stable: { none: 'asf_retail_stable', d364: 'asf_retail_stable', d365: 'asf_retail_stable' },
  small_business_less_stable: { none: 'asf_retail_less_stable', d364: 'asf_retail_less_stable', d365: 'asf_retail_less_stable' },
  operational_deposits: { none: 'asf_operational_deposits', d364: 'asf_operational_deposits', d365: 'asf_operational_deposits' },
  nonfinancial_corporate_unsecured: { none: 'asf_nonfinancial_wholesale_lt1y', d364: 'asf_nonfinancial_wholesale_lt1y', d365: 'asf_liabilities_ge1y' },
  nonfinancial_corporate_insured: { none: 'asf_nonfinancial_wholesale_lt1y', d364: 'asf_nonfinancial_wholesale_lt1y', d365: 'asf_liabilities_ge1y' },
  financial_institution_unsecured: { none: 'asf_other', d364: 'asf_other', d365: 'asf_liabilities_ge1y' },
  other_legal_entity_unsecured: { none: 'asf_other', d364: 'asf_other', d365: 'asf_liabilities_ge1y' },
  secured_funding_l1: { none: 'asf_other', d364: 'asf_other', d365: 'asf_liabilities_ge1y' },
  secured_funding_l2a: { none: 'asf_other', d364: 'asf_other', d365: 'asf_liabilities_ge1y' },
  secured_funding_other: { none: 'asf_other', d364: 'asf_other', d365: 'asf_liabilities_ge1y' },
  committed_credit_retail: { none: 'rsf_off_balance_commitments', d364: 'rsf_off_balance_commitments', d365: 'rsf_off_balance_commitments' },
  committed_credit_nonfinancial: { none: 'rsf_off_balance_commitments', d364: 'rsf_off_balance_commitments', d365: 'rsf_off_balance_commitments' },
  committed_liquidity_nonfinancial: { none: 'rsf_off_balance_commitments', d364: 'rsf_off_balance_commitments', d365: 'rsf_off_balance_commitments' },
  committed_facility_bank: { none: 'rsf_off_balance_commitments', d364: 'rsf_off_balance_commitments', d365: 'rsf_off_balance_commitments' },
  committed_facility_other_financial: { none: 'rsf_off_balance_commitments', d364: 'rsf_off_balance_commitments', d365: 'rsf_off_balance_commitments' },
  other_contractual_outflow: { none: 'asf_other', d364: 'asf_other', d365: 'asf_other' },
  inflow_retail: { none: null, d364: null, d365: null },
  inflow_nonfinancial_wholesale: { none: null, d364: null, d365: null },
  inflow_financial_institution: { none: 'rsf_loans_fi_lt6m_other', d179: 'rsf_loans_fi_lt6m_other', d180: 'rsf_other_assets_lt1y', d364: 'rsf_other_assets_lt1y', d365: 'rsf_other_assets_lt1y' },
  inflow_reverse_repo_l1: { none: 'rsf_loans_fi_lt6m_l1_secured', d179: 'rsf_loans_fi_lt6m_l1_secured', d180: 'rsf_loans_fi_lt6m_l1_secured', d364: 'rsf_loans_fi_lt6m_l1_secured', d365: 'rsf_loans_fi_lt6m_l1_secured' },
  inflow_reverse_repo_l2a: { none: 'rsf_loans_fi_lt6m_other', d179: 'rsf_loans_fi_lt6m_other', d180: 'rsf_other_assets_lt1y', d364: 'rsf_other_assets_lt1y', d365: 'rsf_other_assets_lt1y' },
  inflow_reverse_repo_l2b_rmbs: { none: 'rsf_loans_fi_lt6m_other', d179: 'rsf_loans_fi_lt6m_other', d180: 'rsf_other_assets_lt1y', d364: 'rsf_other_assets_lt1y', d365: 'rsf_other_assets_lt1y' },
  inflow_reverse_repo_other: { none: 'rsf_loans_fi_lt6m_other', d179: 'rsf_loans_fi_lt6m_other', d180: 'rsf_other_assets_lt1y', d364: 'rsf_other_assets_lt1y', d365: 'rsf_other_assets_lt1y' },
  inflow_other_contractual: { none: 'rsf_other_assets_lt1y', d364: 'rsf_other_assets_lt1y', d365: 'rsf_other_assets_lt1y' },
};

describe('nsfrCategoryOfLine', () => {
  it('maps every LCR category as the table says', () => {
    assert.deepEqual(Object.keys(EXPECTED).sort(), [...LCR_CATEGORIES].sort(), 'the table above covers every category');
    for (const category of LCR_CATEGORIES) {
      const expected = EXPECTED[category];
      const days = { none: null, d179: 179, d180: 180, d364: 364, d365: 365 } as const;
      for (const [key, remaining] of Object.entries(days)) {
        const want = expected[key as keyof typeof expected];
        if (want !== undefined) assert.equal(nsfrCategoryOfLine(category, remaining), want, `${category} with ${remaining ?? 'no'} days left`);
      }
    }
  });

  it('treats a year or more left as long-term funding, whatever the length', () => {
    assert.equal(nsfrCategoryOfLine('secured_funding_other', 3650), 'asf_liabilities_ge1y');
    assert.equal(nsfrCategoryOfLine('secured_funding_other', 0), 'asf_other');
  });
});

describe('nsfrCategoryOfLoan', () => {
  it('puts non-performing loans at 100 %, performing ones by remaining term (a year, no maturity counting as below)', () => {
    assert.equal(nsfrCategoryOfLoan({ performing: false, remainingDays: 1000 }), 'rsf_nonperforming_and_other');
    assert.equal(nsfrCategoryOfLoan({ performing: false, remainingDays: 10 }), 'rsf_nonperforming_and_other');
    assert.equal(nsfrCategoryOfLoan({ performing: true, remainingDays: 364 }), 'rsf_other_assets_lt1y');
    assert.equal(nsfrCategoryOfLoan({ performing: true, remainingDays: null }), 'rsf_other_assets_lt1y');
    assert.equal(nsfrCategoryOfLoan({ performing: true, remainingDays: 365 }), 'rsf_performing_loans_ge1y');
  });
});
