import type { Db } from '../store/database.ts';

/**
 * A small balance sheet whose ladder, LCR, NSFR and stressed survival are worked out by hand in the tests that use it
 * (services/liquidity/liquidity-service.test.ts). Amounts in CNY minor units; the lines are a snapshot of AS_OF.
 */
export const LIQUIDITY_AS_OF = '2026-11-30';

const yuan = (amount: number): number => Math.round(amount * 100);

const HAND_LINES = [
  { line_id: 'C1', category: 'hqla_l1_cash', amount: 1_000_000, maturity: null, currency: 'CNY' },
  { line_id: 'C2', category: 'hqla_l2a', amount: 200_000, maturity: '2028-01-01', currency: 'CNY' },
  { line_id: 'D1', category: 'retail_less_stable', amount: 2_000_000, maturity: '2026-11-30', currency: 'CNY' },
  { line_id: 'W1', category: 'financial_institution_unsecured', amount: 300_000, maturity: '2026-12-10', currency: 'CNY' },
  { line_id: 'I1', category: 'inflow_retail', amount: 100_000, maturity: '2026-12-20', currency: 'CNY' },
  { line_id: 'K1', category: 'committed_credit_retail', amount: 400_000, maturity: null, currency: 'CNY' },
  // Matured ten days before as-of: off the balance sheet.
  { line_id: 'X1', category: 'other_contractual_outflow', amount: 50_000, maturity: '2026-11-20', currency: 'CNY' },
  // Another currency: the ratios add the base currency's lines only.
  { line_id: 'Z1', category: 'hqla_l1_cash', amount: 999_999, maturity: null, currency: 'USD' },
] as const;

/** Days of flow history of the one redeemable product, mmf_t0, whose balance is 2,000,000. */
const HISTORY_DAYS = 60;

/** Inserts the lines, one borrower with a performing long loan and a non-performing one, and mmf_t0's balance and flows. */
export function insertHandLiquidity(db: Db, flows: (day: number) => { inflow: number; outflow: number } = () => ({ inflow: 20_000, outflow: 20_000 })): void {
  db.transaction(() => {
    const line = db.prepare(`INSERT INTO liquidity_lines (line_id, category, amount_minor, as_of, currency, maturity_date) VALUES (?, ?, ?, ?, ?, ?)`);
    for (const l of HAND_LINES) line.run(l.line_id, l.category, yuan(l.amount), LIQUIDITY_AS_OF, l.currency, l.maturity);
    db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES ('B1', 'Shanghai', 50000000)`).run();
    const loan = db.prepare(
      `INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency, maturity_date, status, outstanding_balance_minor, dpd)
       VALUES (?, 'B1', 'consumer', '2025-01-01', ?, 0.1, 60, 'CNY', ?, ?, ?, ?)`,
    );
    loan.run('P1', yuan(600_000), '2029-12-31', 'current', yuan(500_000), 0);
    loan.run('N1', yuan(150_000), '2027-06-30', 'current', yuan(100_000), 120);
    loan.run('R1', yuan(80_000), '2026-06-30', 'paid_off', yuan(10_000), 0);
    db.prepare(`INSERT INTO investor_balances (investor_id, product, balance_minor, currency, as_of) VALUES ('I0000001', 'mmf_t0', ?, 'CNY', ?)`).run(yuan(2_000_000), LIQUIDITY_AS_OF);
    const flow = db.prepare(`INSERT INTO daily_flows (date, product, inflow_minor, outflow_minor) VALUES (?, 'mmf_t0', ?, ?)`);
    const asOf = Date.parse(`${LIQUIDITY_AS_OF}T00:00:00Z`);
    for (let day = HISTORY_DAYS - 1; day >= 0; day -= 1) {
      const { inflow, outflow } = flows(day);
      flow.run(new Date(asOf - day * 86_400_000).toISOString().slice(0, 10), yuan(inflow), yuan(outflow));
    }
  })();
}
