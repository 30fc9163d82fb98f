import { LCR_CATEGORIES, LCR_HQLA_CATEGORIES, LCR_INFLOW_CATEGORIES, LCR_OUTFLOW_CATEGORIES, type LcrCategory } from '../../../preload/contract/liquidity.ts';

/**
 * Basel III LCR categories for `liquidity_lines` with their default factors (DOMAIN.md). HQLA factors are
 * 1 − haircut, outflow factors run-off rates, inflow factors inflow rates. The defaults seed the first
 * parameter set; compliance edits versioned copies, never this table. The category list itself is the
 * contract's (LCR_CATEGORIES): `satisfies` makes a category missing here, or one the contract lacks, a compile error.
 */
export const LCR_DEFAULT_FACTORS = {
  hqla_l1_cash: 1.0,
  hqla_l1_central_bank_reserves: 1.0,
  hqla_l1_sovereign: 1.0,
  hqla_l2a: 0.85,
  hqla_l2b_rmbs: 0.75,
  hqla_l2b_corporate: 0.5,
  hqla_l2b_equity: 0.5,
  retail_stable: 0.05,
  retail_less_stable: 0.1,
  retail_term_gt30d: 0.0,
  small_business_stable: 0.05,
  small_business_less_stable: 0.1,
  operational_deposits: 0.25,
  nonfinancial_corporate_unsecured: 0.4,
  nonfinancial_corporate_insured: 0.2,
  financial_institution_unsecured: 1.0,
  other_legal_entity_unsecured: 1.0,
  secured_funding_l1: 0.0,
  secured_funding_l2a: 0.15,
  secured_funding_other: 1.0,
  committed_credit_retail: 0.05,
  committed_credit_nonfinancial: 0.1,
  committed_liquidity_nonfinancial: 0.3,
  committed_facility_bank: 0.4,
  committed_facility_other_financial: 1.0,
  other_contractual_outflow: 1.0,
  inflow_retail: 0.5,
  inflow_nonfinancial_wholesale: 0.5,
  inflow_financial_institution: 1.0,
  inflow_reverse_repo_l1: 0.0,
  inflow_reverse_repo_l2a: 0.15,
  inflow_reverse_repo_l2b_rmbs: 0.25,
  inflow_reverse_repo_other: 1.0,
  inflow_other_contractual: 1.0,
} as const satisfies Record<LcrCategory, number>;

export type LiquidityCategory = LcrCategory;

const CATEGORIES: ReadonlySet<string> = new Set(LCR_CATEGORIES);
const HQLA: ReadonlySet<string> = new Set(LCR_HQLA_CATEGORIES);
const OUTFLOWS: ReadonlySet<string> = new Set(LCR_OUTFLOW_CATEGORIES);
const INFLOWS: ReadonlySet<string> = new Set(LCR_INFLOW_CATEGORIES);

export function isLiquidityCategory(value: string): value is LiquidityCategory {
  return CATEGORIES.has(value);
}

/** What the LCR does with a category's lines: count them as stock, as outflows or as inflows. */
export type LcrRole = 'hqla' | 'outflow' | 'inflow';

export function lcrRoleOf(category: LcrCategory): LcrRole {
  if (HQLA.has(category)) return 'hqla';
  if (OUTFLOWS.has(category)) return 'outflow';
  if (INFLOWS.has(category)) return 'inflow';
  throw new RangeError(`${JSON.stringify(category)} is not an LCR category`);
}

/** Committed facilities are drawn only if the counterparty chooses to: contingent, not contractual, cash flows. */
export function isContingent(category: LcrCategory): boolean {
  return category.startsWith('committed_');
}
