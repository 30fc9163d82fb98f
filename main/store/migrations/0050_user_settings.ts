import type { Migration } from './migration.ts';

/**
 * Per-user workstation settings (idle lock, language, theme), and the indexes the portfolio grid and the
 * dashboard lean on at 1M loans (bench/grid.ts and bench/unlock-dashboard.ts measure them). Every page read
 * from an encrypted workspace is decrypted, so the point is to read few pages:
 * - one-column indexes on the loan columns people sort and filter by most. The grid's tiebreaker is the
 *   rowid, which ends every index, so a sort on one of them is an index walk with no sort step;
 * - two narrow covering indexes for the dashboard's sums (by product, with DPD and status for the buckets
 *   and defaults; by borrower, for regions and largest exposures), so it never scans the loans table.
 *   The borrower one also serves the foreign key and a borrower's loans, so it replaces loans_borrower;
 * - loan_performance (as_of, dpd) covers the monthly delinquency trend; it replaces the as_of index.
 */
export const migration: Migration = {
  version: 50,
  name: 'user_settings',
  up(db) {
    db.exec(`
      CREATE TABLE user_settings (
        username          TEXT PRIMARY KEY REFERENCES users (username) ON DELETE CASCADE,
        idle_lock_minutes INTEGER NOT NULL CHECK (idle_lock_minutes BETWEEN 1 AND 480),
        language          TEXT NOT NULL,
        theme             TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE INDEX loans_dpd ON loans (dpd);
      CREATE INDEX loans_outstanding ON loans (outstanding_balance_minor);
      CREATE INDEX loans_origination ON loans (origination_date);
      CREATE INDEX loans_status ON loans (status);
      CREATE INDEX loans_product_dashboard ON loans (product, currency, outstanding_balance_minor, principal_minor, dpd, status);
      DROP INDEX loans_borrower;
      CREATE INDEX loans_borrower_exposure ON loans (borrower_id, currency, outstanding_balance_minor, principal_minor);

      DROP INDEX loan_performance_as_of;
      CREATE INDEX loan_performance_as_of_dpd ON loan_performance (as_of, dpd);
    `);
  },
};
