import type { LiquidityLineRecord } from '../store/records.ts';
import type { CreditTotals } from './credit-portfolio.ts';
import { dayText } from '../engines/calendar.ts';
import { DEFAULT_BASE_CURRENCY } from '../../preload/contract/vocabulary.ts';
import type { InvestorTotals } from './investor-funding.ts';
import { STREAMS, demoRandom } from './random.ts';

/**
 * The platform's 30-day liquidity position as LCR lines (categories of DOMAIN.md). Lines that the generated
 * data determines are its sums: investor balances by product and remaining term, undrawn credit lines, loan
 * repayments due within 30 days. The rest of the balance sheet (liquid assets, wholesale funding, other flows)
 * is sized as shares of investor funding, chosen so that the default factors give an LCR of roughly 2 —
 * a platform that passes, with a buffer a stress test can eat into.
 */
interface LineSpec {
  readonly category: string;
  /** A share of investor funding, or an amount taken from the generated data. */
  readonly amount: number | ((totals: PositionTotals & { walletMinor: number }) => number);
  readonly maturityDays: number | null;
  readonly counterparty: string | null;
  readonly description: string;
}

export interface PositionTotals {
  readonly credit: CreditTotals;
  readonly investors: InvestorTotals;
}

/** Customer wallet money held 100 % at the central bank (PBoC reserve-fund rule): an asset and a liability. */
const WALLET_SHARE = 0.1;

const LINES: readonly LineSpec[] = [
  { category: 'hqla_l1_central_bank_reserves', amount: (t) => t.walletMinor, maturityDays: null, counterparty: "People's Bank of China", description: 'Wallet customer reserve funds held at the central bank' },
  { category: 'hqla_l1_cash', amount: 0.02, maturityDays: null, counterparty: 'Industrial and Commercial Bank of China', description: 'Operating cash at settlement banks' },
  { category: 'hqla_l1_sovereign', amount: 0.04, maturityDays: 365, counterparty: 'Ministry of Finance', description: 'China government bonds, 1-year' },
  { category: 'hqla_l1_sovereign', amount: 0.03, maturityDays: 3 * 365, counterparty: 'Ministry of Finance', description: 'China government bonds, 3-year' },
  { category: 'hqla_l1_sovereign', amount: 0.02, maturityDays: 7 * 365, counterparty: 'Ministry of Finance', description: 'China government bonds, 7-year' },
  { category: 'hqla_l2a', amount: 0.03, maturityDays: 2 * 365, counterparty: 'China Development Bank', description: 'Policy bank bonds' },
  { category: 'hqla_l2a', amount: 0.01, maturityDays: 5 * 365, counterparty: 'Local governments', description: 'AAA local government general bonds' },
  { category: 'hqla_l2b_corporate', amount: 0.01, maturityDays: 3 * 365, counterparty: null, description: 'AA+ non-financial corporate bonds' },
  { category: 'hqla_l2b_rmbs', amount: 0.005, maturityDays: 10 * 365, counterparty: null, description: 'Residential mortgage-backed securities, senior AAA tranche' },
  { category: 'hqla_l2b_equity', amount: 0.004, maturityDays: null, counterparty: null, description: 'CSI 300 index ETF' },

  { category: 'retail_less_stable', amount: (t) => t.investors.byProductMinor.mmf_t0, maturityDays: 0, counterparty: 'Retail investors', description: 'Money-market product balances, redeemable same day (mmf_t0)' },
  { category: 'retail_less_stable', amount: (t) => t.investors.byProductMinor.notice_7d, maturityDays: 7, counterparty: 'Retail investors', description: '7-day notice product balances (notice_7d)' },
  { category: 'retail_less_stable', amount: (t) => t.investors.fixedMaturingWithin30DaysMinor, maturityDays: 30, counterparty: 'Retail investors', description: 'Fixed 90-day product balances maturing within 30 days (fixed_90d)' },
  { category: 'retail_term_gt30d', amount: (t) => t.investors.fixedMaturingAfter30DaysMinor, maturityDays: 90, counterparty: 'Retail investors', description: 'Fixed 90-day product balances maturing after 30 days (fixed_90d)' },
  { category: 'retail_less_stable', amount: (t) => t.walletMinor, maturityDays: 0, counterparty: 'Wallet customers', description: 'Wallet customer balances' },
  { category: 'small_business_less_stable', amount: 0.03, maturityDays: 0, counterparty: 'Merchants', description: 'Merchant settlement balances' },
  { category: 'operational_deposits', amount: 0.02, maturityDays: 0, counterparty: 'Partner payment institutions', description: 'Clearing balances of partner institutions' },
  { category: 'nonfinancial_corporate_unsecured', amount: 0.03, maturityDays: 14, counterparty: 'Corporate clients', description: 'Corporate treasury placements' },
  { category: 'financial_institution_unsecured', amount: 0.05, maturityDays: 21, counterparty: 'Interbank market', description: 'Interbank borrowing maturing within 30 days' },
  { category: 'secured_funding_l1', amount: 0.03, maturityDays: 7, counterparty: 'Interbank market', description: 'Repo against China government bonds' },
  { category: 'secured_funding_other', amount: 0.01, maturityDays: 25, counterparty: 'Securities firm', description: 'ABS warehouse funding against consumer loans' },
  { category: 'committed_credit_retail', amount: (t) => t.credit.undrawnRetailMinor, maturityDays: null, counterparty: 'Retail borrowers', description: 'Undrawn revolving credit lines, consumers' },
  { category: 'committed_credit_nonfinancial', amount: (t) => t.credit.undrawnBusinessMinor, maturityDays: null, counterparty: 'Small businesses', description: 'Undrawn revolving credit lines, small businesses' },
  { category: 'committed_liquidity_nonfinancial', amount: 0.005, maturityDays: 365, counterparty: 'Merchant acquiring partner', description: 'Committed liquidity facility' },
  { category: 'committed_facility_other_financial', amount: 0.003, maturityDays: 365, counterparty: 'Co-lending partner bank', description: 'Guarantee on co-lent loans' },
  { category: 'other_contractual_outflow', amount: 0.008, maturityDays: 30, counterparty: null, description: 'Operating expenses and taxes due within 30 days' },

  { category: 'inflow_retail', amount: (t) => t.credit.dueIn30DaysRetailMinor, maturityDays: 30, counterparty: 'Retail borrowers', description: 'Contractual repayments of performing consumer loans due within 30 days' },
  { category: 'inflow_nonfinancial_wholesale', amount: (t) => t.credit.dueIn30DaysBusinessMinor, maturityDays: 30, counterparty: 'Small businesses', description: 'Contractual repayments of performing business loans due within 30 days' },
  { category: 'inflow_financial_institution', amount: 0.03, maturityDays: 15, counterparty: 'Interbank market', description: 'Interbank placements maturing within 30 days' },
  { category: 'inflow_reverse_repo_l1', amount: 0.02, maturityDays: 7, counterparty: 'Interbank market', description: 'Reverse repo against China government bonds' },
  { category: 'inflow_other_contractual', amount: 0.003, maturityDays: 30, counterparty: null, description: 'Fee and commission receivables' },
];

export function liquidityLines(seed: number, asOfDay: number, totals: PositionTotals): LiquidityLineRecord[] {
  const random = demoRandom(seed, STREAMS.liquidity, 0);
  const funding = Object.values(totals.investors.byProductMinor).reduce((sum, v) => sum + v, 0);
  // Balance-sheet items vary a little between seeds; sums of generated data are exact.
  const share = (fraction: number): number => Math.round((funding * fraction * random.between(0.85, 1.15)) / 100) * 100;
  const walletMinor = share(WALLET_SHARE);
  return LINES.map((line, i) => {
    const amount = typeof line.amount === 'number' ? share(line.amount) : line.amount({ ...totals, walletMinor });
    return {
      line_id: `LQ${String(i + 1).padStart(3, '0')}`,
      category: line.category,
      amount_minor: amount,
      as_of: dayText(asOfDay),
      currency: DEFAULT_BASE_CURRENCY,
      maturity_date: line.maturityDays === null ? null : dayText(asOfDay + line.maturityDays),
      counterparty: line.counterparty,
      description: line.description,
    };
  });
}
