import type { Migration } from './migration.ts';

/** Borrowers, loans and their monthly performance. Money in integer minor units (`*_minor`). */
export const migration: Migration = {
  version: 20,
  name: 'credit_portfolio',
  up(db) {
    db.exec(`
      CREATE TABLE borrowers (
        borrower_id           TEXT PRIMARY KEY,
        region                TEXT NOT NULL,
        annual_income_minor   INTEGER NOT NULL,
        birth_date            TEXT,
        occupation            TEXT,
        employment_type       TEXT,
        industry              TEXT,
        monthly_debt_minor    INTEGER,
        credit_history_months INTEGER,
        home_ownership        TEXT,
        registered_at         TEXT,
        id_verified           INTEGER CHECK (id_verified IN (0, 1))
      ) WITHOUT ROWID;

      CREATE TABLE loans (
        loan_id                  TEXT PRIMARY KEY,
        borrower_id              TEXT NOT NULL REFERENCES borrowers (borrower_id),
        product                  TEXT NOT NULL,
        origination_date         TEXT NOT NULL,
        principal_minor          INTEGER NOT NULL,
        interest_rate            REAL NOT NULL,
        term_months              INTEGER NOT NULL,
        currency                 TEXT NOT NULL,
        maturity_date            TEXT,
        repayment_type           TEXT,
        collateral_type          TEXT,
        collateral_value_minor   INTEGER,
        channel                  TEXT,
        status                   TEXT,
        outstanding_balance_minor INTEGER,
        dpd                      INTEGER,
        undrawn_amount_minor     INTEGER
      );
      CREATE INDEX loans_borrower ON loans (borrower_id);
      CREATE INDEX loans_product_origination ON loans (product, origination_date);

      CREATE TABLE loan_performance (
        loan_id           TEXT NOT NULL REFERENCES loans (loan_id),
        as_of             TEXT NOT NULL,
        balance_minor     INTEGER NOT NULL,
        dpd               INTEGER NOT NULL,
        paid_amount_minor INTEGER,
        status            TEXT,
        PRIMARY KEY (loan_id, as_of)
      ) WITHOUT ROWID;
      CREATE INDEX loan_performance_as_of ON loan_performance (as_of);
    `);
  },
};
