import type { Migration } from './migration.ts';

/**
 * The dashboard counts open loans only (loan-status-sql.ts openLoanSql: not paid off or written off, with
 * something drawn or undrawn), so its two covering indexes (0050) also hold what that condition reads: status and
 * the undrawn amount. Without them the dashboard would decrypt every page of the loans table at each unlock.
 * Its trend sums the open balance month by month (dashboard-queries.ts TREND_SQL), in three parts, each with its index:
 * - the (as_of, dpd) index of loan_performance becomes (as_of, status, dpd, balance_minor), which the drawn months
 *   are summed from by month and status in one pass with no sort (else a primary-key search per row: 9.6 s instead
 *   of 1 s on the medium demo's 0.9M months);
 * - a month with nothing drawn is open if its line has something undrawn: those lines (loans_undrawn, partial) are
 *   looked up in the months with nothing drawn (loan_performance_nothing_drawn, partial), not in all their months
 *   (0.34 s on the medium demo), and a book without such lines reads neither;
 * - loans_currency finds the loans in another currency than the base one, whose balances are not summed (a scan of
 *   every loan to find none took 0.23 s at 1M loans).
 */
export const migration: Migration = {
  version: 170,
  name: 'dashboard_open_loans',
  up(db) {
    db.exec(`
      DROP INDEX loans_product_dashboard;
      CREATE INDEX loans_product_dashboard ON loans (product, currency, outstanding_balance_minor, principal_minor, dpd, status, undrawn_amount_minor);
      DROP INDEX loans_borrower_exposure;
      CREATE INDEX loans_borrower_exposure ON loans (borrower_id, currency, outstanding_balance_minor, principal_minor, status, undrawn_amount_minor);
      DROP INDEX loan_performance_as_of_dpd;
      CREATE INDEX loan_performance_trend ON loan_performance (as_of, status, dpd, balance_minor);
      CREATE INDEX loan_performance_nothing_drawn ON loan_performance (loan_id, as_of, status, dpd, balance_minor) WHERE balance_minor <= 0;
      CREATE INDEX loans_undrawn ON loans (loan_id, currency, undrawn_amount_minor) WHERE undrawn_amount_minor > 0;
      CREATE INDEX loans_currency ON loans (currency, loan_id);
    `);
  },
};
