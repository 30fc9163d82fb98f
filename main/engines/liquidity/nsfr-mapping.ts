import type { LcrCategory, NsfrCategory } from '../../../preload/contract/liquidity.ts';

/** A category that depends on the remaining term: `short` below `fromDays` days (or with no maturity), `long` from it. */
interface ByTerm {
  readonly short: NsfrCategory;
  readonly long: NsfrCategory;
  readonly fromDays: number;
}

const ONE_YEAR = 365;
const SIX_MONTHS = 180;
const byYear = (short: NsfrCategory): ByTerm => ({ short, long: 'asf_liabilities_ge1y', fromDays: ONE_YEAR });
const lendingToFinancials: ByTerm = { short: 'rsf_loans_fi_lt6m_other', long: 'rsf_other_assets_lt1y', fromDays: SIX_MONTHS };

/**
 * Where each LCR line of the workspace sits on the NSFR (Basel III, The Net Stable Funding Ratio, 2014; DOMAIN.md's
 * factors). null: not on the NSFR from its line, because the loan book is counted from the loans themselves
 * (nsfrCategoryOfLoan) and the LCR's loan-repayment inflow lines would count it twice.
 */
const LINE_MAPPING: Readonly<Record<LcrCategory, NsfrCategory | ByTerm | null>> = {
  // HQLA: cash and reserves need no stable funding (RSF 0); unencumbered Level 1 5 %, Level 2A 15 %, all Level 2B 50 %
  // (NSFR §36, 37, 39, 40).
  hqla_l1_cash: 'rsf_cash',
  hqla_l1_central_bank_reserves: 'rsf_cash',
  hqla_l1_sovereign: 'rsf_l1_unencumbered',
  hqla_l2a: 'rsf_l2a',
  hqla_l2b_rmbs: 'rsf_l2b',
  hqla_l2b_corporate: 'rsf_l2b',
  hqla_l2b_equity: 'rsf_l2b',
  // Retail and small-business deposits (NSFR §21–23): stable ones 95 %, less stable 90 %; a term deposit is funding
  // for a year (100 %) only once it has a year or more left, before that it is as stable as a less stable deposit.
  retail_stable: 'asf_retail_stable',
  small_business_stable: 'asf_retail_stable',
  retail_less_stable: 'asf_retail_less_stable',
  small_business_less_stable: 'asf_retail_less_stable',
  retail_term_gt30d: byYear('asf_retail_less_stable'),
  // Wholesale funding (NSFR §21, 24, 25): anything with a year or more left is 100 %; below a year operational deposits
  // and non-financial corporates 50 %, financial institutions and other legal entities (secured funding too) 0 %.
  operational_deposits: 'asf_operational_deposits',
  nonfinancial_corporate_unsecured: byYear('asf_nonfinancial_wholesale_lt1y'),
  nonfinancial_corporate_insured: byYear('asf_nonfinancial_wholesale_lt1y'),
  financial_institution_unsecured: byYear('asf_other'),
  other_legal_entity_unsecured: byYear('asf_other'),
  secured_funding_l1: byYear('asf_other'),
  secured_funding_l2a: byYear('asf_other'),
  secured_funding_other: byYear('asf_other'),
  // Committed credit and liquidity facilities: 5 % of the undrawn amount (NSFR §46–47).
  committed_credit_retail: 'rsf_off_balance_commitments',
  committed_credit_nonfinancial: 'rsf_off_balance_commitments',
  committed_liquidity_nonfinancial: 'rsf_off_balance_commitments',
  committed_facility_bank: 'rsf_off_balance_commitments',
  committed_facility_other_financial: 'rsf_off_balance_commitments',
  // Other liabilities: ASF 0 (NSFR §25).
  other_contractual_outflow: 'asf_other',
  // Repayments due from the loan book: the loans are on the NSFR themselves.
  inflow_retail: null,
  inflow_nonfinancial_wholesale: null,
  // Lending to financial institutions (NSFR §38–40): below six months 10 % when secured by Level 1, 15 % otherwise;
  // from six months to a year 50 %, as other assets below a year.
  inflow_financial_institution: lendingToFinancials,
  inflow_reverse_repo_l1: 'rsf_loans_fi_lt6m_l1_secured',
  inflow_reverse_repo_l2a: lendingToFinancials,
  inflow_reverse_repo_l2b_rmbs: lendingToFinancials,
  inflow_reverse_repo_other: lendingToFinancials,
  // Other receivables due within a year: 50 %, as all other assets below a year (NSFR §40).
  inflow_other_contractual: 'rsf_other_assets_lt1y',
};

/**
 * The NSFR category of one LCR line, given the days left to its maturity (null: no maturity, which counts as on
 * demand, below a year). null when the line is not on the NSFR (loan repayments: the loans are counted instead).
 */
export function nsfrCategoryOfLine(category: LcrCategory, remainingDays: number | null): NsfrCategory | null {
  const mapped = LINE_MAPPING[category];
  if (mapped === undefined) throw new RangeError(`${JSON.stringify(category)} is not an LCR category`);
  if (mapped === null || typeof mapped === 'string') return mapped;
  return remainingDays !== null && remainingDays >= mapped.fromDays ? mapped.long : mapped.short;
}

/**
 * The NSFR category of a loan of the book (NSFR §40–43). Performing loans with a year or more left go to the 65–85 %
 * band's upper factor, not the 35 %-risk-weight one: the book is consumer lending, whose Basel II standardised risk
 * weights are above 35 % (75 % retail). Below a year they are other assets below a year (50 %); non-performing ones
 * need full stable funding (100 %).
 */
export function nsfrCategoryOfLoan(loan: { performing: boolean; remainingDays: number | null }): NsfrCategory {
  if (!loan.performing) return 'rsf_nonperforming_and_other';
  return loan.remainingDays !== null && loan.remainingDays >= ONE_YEAR ? 'rsf_performing_loans_ge1y' : 'rsf_other_assets_lt1y';
}
