import type { Migration } from './migration.ts';

/**
 * The dashboard counts open loans only (loan-status-sql.ts openLoanSql: not paid off or written off, with
 * something drawn or undrawn), so its two covering indexes (0050) also hold what that condition reads: status and
 * the undrawn amount. Without them the dashboard would decrypt every page of the loans table at each unlock.
 * Its trend now sums the open balance month by month, so the (as_of, dpd) index of loan_performance becomes one that
 * also holds each month's status and balance: without it, every month of 24 is a primary-key search per row (9.6 s
 * instead of 1 s on the medium demo's 0.9M months).
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
      CREATE INDEX loan_performance_trend ON loan_performance (as_of, dpd, status, balance_minor);
    `);
  },
};
