import type { Migration } from './migration.ts';

/** Balance-sheet lines for LCR/NSFR, investor balances of the redeemable products, and daily flows. */
export const migration: Migration = {
  version: 40,
  name: 'liquidity',
  up(db) {
    db.exec(`
      CREATE TABLE liquidity_lines (
        line_id       TEXT PRIMARY KEY,
        category      TEXT NOT NULL,
        amount_minor  INTEGER NOT NULL,
        as_of         TEXT,
        currency      TEXT NOT NULL,
        maturity_date TEXT,
        counterparty  TEXT,
        description   TEXT
      ) WITHOUT ROWID;
      CREATE INDEX liquidity_lines_category ON liquidity_lines (category);

      CREATE TABLE investor_balances (
        investor_id   TEXT NOT NULL,
        product       TEXT NOT NULL,
        balance_minor INTEGER NOT NULL,
        currency      TEXT NOT NULL,
        as_of         TEXT NOT NULL,
        PRIMARY KEY (investor_id, product)
      ) WITHOUT ROWID;

      CREATE TABLE daily_flows (
        date          TEXT NOT NULL,
        product       TEXT NOT NULL,
        inflow_minor  INTEGER NOT NULL,
        outflow_minor INTEGER NOT NULL,
        PRIMARY KEY (date, product)
      ) WITHOUT ROWID;
    `);
  },
};
