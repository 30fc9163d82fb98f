// 0030 adds wallet accounts, their transactions and labels beside a credit portfolio already in use: tested on a real
// encrypted file at schema 20 with borrowers, loans and their performance in it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { describeTable, indexesOf } from '../../test-support/schema-description.ts';

const FOREIGN_KEY = /FOREIGN KEY constraint failed/;

describe('migration 30 (fraud data)', () => {
  it('keeps every row of schema 20', () => {
    const { db, before } = migratedWithSampleRows(30);
    assertRowsKept(db, before);
  });

  it('makes accounts, transactions and labels, keyed and linked, with the indexes that feature windows read by', () => {
    const { db } = migratedWithSampleRows(30);
    assert.deepEqual(describeTable(db, 'accounts'), {
      columns: ['account_id', 'opened_at', 'borrower_id', 'country', 'kyc_level', 'phone_changed_at', 'password_changed_at'],
      notNull: ['account_id', 'opened_at'],
      primaryKey: ['account_id'],
      references: ['borrower_id → borrowers.borrower_id'],
    });
    assert.deepEqual(describeTable(db, 'transactions'), {
      columns: ['tx_id', 'account_id', 'ts', 'amount_minor', 'currency', 'type', 'channel', 'merchant_id', 'merchant_category', 'counterparty_account', 'country', 'device_id', 'ip', 'card_id'],
      notNull: ['account_id', 'ts', 'amount_minor', 'currency'],
      primaryKey: ['tx_id'],
      references: ['account_id → accounts.account_id'],
    });
    assert.deepEqual(describeTable(db, 'labels'), {
      columns: ['subject_type', 'subject_id', 'label', 'source', 'labeled_at'],
      notNull: ['subject_type', 'subject_id', 'label', 'source'],
      primaryKey: ['subject_type', 'subject_id', 'source'],
      references: [],
    });
    assert.deepEqual(indexesOf(db, 'transactions'), {
      transactions_account_ts: 'account_id, ts',
      transactions_device_ts: 'device_id, ts',
      transactions_ip_ts: 'ip, ts',
      transactions_ts: 'ts',
    });
  });

  it('links accounts to the borrowers already there, or to none, and transactions to accounts', () => {
    const { db } = migratedWithSampleRows(30);
    const account = db.prepare(`INSERT INTO accounts (account_id, opened_at, borrower_id) VALUES (?, '2024-01-01T00:00:00Z', ?)`);
    account.run('A1', 'B1');
    account.run('A2', null);
    assert.throws(() => account.run('A3', 'B9'), FOREIGN_KEY);
    const transaction = db.prepare(`INSERT INTO transactions (tx_id, account_id, ts, amount_minor, currency) VALUES (?, ?, '2024-01-02T00:00:00Z', 100, 'CNY')`);
    transaction.run('T1', 'A1');
    assert.throws(() => transaction.run('T2', 'A9'), FOREIGN_KEY);
    assert.throws(() => db.prepare(`DELETE FROM borrowers WHERE borrower_id = 'B1'`).run(), FOREIGN_KEY);
    assert.throws(() => db.prepare(`DELETE FROM accounts WHERE account_id = 'A1'`).run(), FOREIGN_KEY);
  });

  it('keys a label by subject and source (none is the empty source), on the three kinds of subject only', () => {
    const { db } = migratedWithSampleRows(30);
    db.prepare(`INSERT INTO labels (subject_type, subject_id, label) VALUES ('loan', 'L1', 'default')`).run();
    db.prepare(`INSERT INTO labels (subject_type, subject_id, label, source) VALUES ('loan', 'L1', 'current', 'bureau')`).run();
    assert.deepEqual(db.prepare('SELECT source, label FROM labels ORDER BY source').all(), [
      { source: '', label: 'default' },
      { source: 'bureau', label: 'current' },
    ]);
    assert.throws(() => db.prepare(`INSERT INTO labels (subject_type, subject_id, label, source) VALUES ('loan', 'L1', 'x', '')`).run(), /UNIQUE constraint failed/);
    assert.throws(() => db.prepare(`INSERT INTO labels (subject_type, subject_id, label) VALUES ('borrower', 'B1', 'x')`).run(), /CHECK constraint failed/);
    // A label's subject is not a foreign key (it may be any of three tables): the import checks that it exists.
    db.prepare(`INSERT INTO labels (subject_type, subject_id, label) VALUES ('transaction', 'T-unknown', 'fraud')`).run();
  });
});
