import type { Migration } from './migration.ts';

/**
 * Per-user workstation settings (idle lock, language, theme), and the indexes the portfolio grid and the
 * dashboard lean on at 1M loans (bench/grid.ts measures them):
 * - single-column indexes on the loan columns people sort and filter by most; with the table's rowid as
 *   the grid's tiebreaker each one gives a complete order, so a sorted page is an index walk, not a sort;
 * - loan_performance (as_of, dpd) covers the dashboard's monthly delinquency trend, which then never
 *   touches the table; it supersedes the as_of index.
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

      DROP INDEX loan_performance_as_of;
      CREATE INDEX loan_performance_as_of_dpd ON loan_performance (as_of, dpd);
    `);
  },
};
