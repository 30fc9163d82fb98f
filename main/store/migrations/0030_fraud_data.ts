import type { Migration } from './migration.ts';

/** Wallet/card accounts, their transactions and labels (fraud, default, …) on any subject. */
export const migration: Migration = {
  version: 30,
  name: 'fraud_data',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        account_id          TEXT PRIMARY KEY,
        opened_at           TEXT NOT NULL,
        borrower_id         TEXT REFERENCES borrowers (borrower_id),
        country             TEXT,
        kyc_level           INTEGER,
        phone_changed_at    TEXT,
        password_changed_at TEXT
      ) WITHOUT ROWID;

      CREATE TABLE transactions (
        tx_id                TEXT PRIMARY KEY,
        account_id           TEXT NOT NULL REFERENCES accounts (account_id),
        ts                   TEXT NOT NULL,
        amount_minor         INTEGER NOT NULL,
        currency             TEXT NOT NULL,
        type                 TEXT,
        channel              TEXT,
        merchant_id          TEXT,
        merchant_category    TEXT,
        counterparty_account TEXT,
        country              TEXT,
        device_id            TEXT,
        ip                   TEXT,
        card_id              TEXT
      );
      -- Feature windows read each entity's history in time order.
      CREATE INDEX transactions_account_ts ON transactions (account_id, ts);
      CREATE INDEX transactions_device_ts ON transactions (device_id, ts);
      CREATE INDEX transactions_ip_ts ON transactions (ip, ts);
      CREATE INDEX transactions_ts ON transactions (ts);

      CREATE TABLE labels (
        subject_type TEXT NOT NULL CHECK (subject_type IN ('transaction', 'account', 'loan')),
        subject_id   TEXT NOT NULL,
        label        TEXT NOT NULL,
        source       TEXT NOT NULL DEFAULT '',
        labeled_at   TEXT,
        PRIMARY KEY (subject_type, subject_id, source)
      ) WITHOUT ROWID;
    `);
  },
};
