// 0050 adds per-user settings and re-indexes loans and their performance for the grid and the dashboard at scale:
// tested on a real encrypted file at schema 40 whose loans and performance months the new indexes are built over.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { describeTable, indexesOf, queryPlan as plan } from '../../test-support/schema-description.ts';

describe('migration 50 (user settings, loan indexes)', () => {
  it('keeps every row of schema 40, and builds the new indexes over the rows already there', () => {
    const { db, before } = migratedWithSampleRows(50);
    assertRowsKept(db, before);
    // Checks every index entry against its row.
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  });

  it('makes user_settings, one row per user, gone with its user', () => {
    const { db } = migratedWithSampleRows(50);
    assert.deepEqual(describeTable(db, 'user_settings'), {
      columns: ['username', 'idle_lock_minutes', 'language', 'theme', 'updated_at'],
      notNull: ['username', 'idle_lock_minutes', 'language', 'theme', 'updated_at'],
      primaryKey: ['username'],
      references: ['username → users.username on delete cascade'],
    });
    const settings = db.prepare(`INSERT INTO user_settings (username, idle_lock_minutes, language, theme, updated_at) VALUES (?, ?, 'en', 'system', 't')`);
    settings.run('ana', 480);
    assert.throws(() => settings.run('ana', 15), /UNIQUE constraint failed/);
    assert.throws(() => settings.run('ada', 0), /CHECK constraint failed/);
    assert.throws(() => settings.run('ada', 481), /CHECK constraint failed/);
    assert.throws(() => settings.run('nobody', 15), /FOREIGN KEY constraint failed/);
    db.prepare(`DELETE FROM users WHERE username = 'ana'`).run();
    assert.equal(db.prepare('SELECT count(*) FROM user_settings').pluck().get(), 0);
  });

  it('replaces the loan and performance indexes with the ones the grid and the dashboard read', () => {
    const { db } = migratedWithSampleRows(50);
    assert.deepEqual(indexesOf(db, 'loans'), {
      loans_borrower_exposure: 'borrower_id, currency, outstanding_balance_minor, principal_minor',
      loans_dpd: 'dpd',
      loans_origination: 'origination_date',
      loans_outstanding: 'outstanding_balance_minor',
      loans_product_dashboard: 'product, currency, outstanding_balance_minor, principal_minor, dpd, status',
      loans_product_origination: 'product, origination_date',
      loans_status: 'status',
    });
    assert.deepEqual(indexesOf(db, 'loan_performance'), { loan_performance_as_of_dpd: 'as_of, dpd' });
  });

  it('answers the dashboard sums from the indexes alone, and walks a sorted grid column in order', () => {
    const { db } = migratedWithSampleRows(50);
    const exposure = 'sum(coalesce(outstanding_balance_minor, principal_minor))';
    assert.deepEqual(plan(db, `SELECT product, ${exposure}, sum(dpd >= 90) FROM loans WHERE currency = 'CNY' GROUP BY product`), ['SCAN loans USING COVERING INDEX loans_product_dashboard']);
    assert.deepEqual(plan(db, `SELECT borrower_id, ${exposure} FROM loans WHERE currency = 'CNY' GROUP BY borrower_id`), ['SCAN loans USING COVERING INDEX loans_borrower_exposure']);
    assert.deepEqual(plan(db, 'SELECT as_of, count(*) FROM loan_performance WHERE dpd >= 30 GROUP BY as_of'), ['SCAN loan_performance USING COVERING INDEX loan_performance_as_of_dpd']);
    // The grid's tiebreaker is the rowid, which ends every index: no sort step.
    assert.deepEqual(plan(db, 'SELECT loan_id FROM loans ORDER BY dpd, rowid LIMIT 100'), ['SCAN loans USING INDEX loans_dpd']);
    // The borrower index also serves the foreign key and a borrower's loans.
    assert.deepEqual(plan(db, `SELECT loan_id FROM loans WHERE borrower_id = 'B1'`), ['SEARCH loans USING INDEX loans_borrower_exposure (borrower_id=?)']);
  });
});
