// 0020 adds the credit portfolio (borrowers, loans, monthly performance) to a workspace already in use: tested on a
// real encrypted file at schema 10 with its facts, users and audit events in it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { describeTable, indexesOf } from '../../test-support/schema-description.ts';

const FOREIGN_KEY = /FOREIGN KEY constraint failed/;

describe('migration 20 (credit portfolio)', () => {
  it('keeps every row of schema 10', () => {
    const { db, before } = migratedWithSampleRows(20);
    assertRowsKept(db, before);
  });

  it('makes borrowers, loans and their performance, keyed and linked, with their indexes', () => {
    const { db } = migratedWithSampleRows(20);
    assert.deepEqual(describeTable(db, 'borrowers'), {
      columns: ['borrower_id', 'region', 'annual_income_minor', 'birth_date', 'occupation', 'employment_type', 'industry', 'monthly_debt_minor', 'credit_history_months', 'home_ownership', 'registered_at', 'id_verified'],
      notNull: ['borrower_id', 'region', 'annual_income_minor'],
      primaryKey: ['borrower_id'],
      references: [],
    });
    assert.deepEqual(describeTable(db, 'loans'), {
      columns: ['loan_id', 'borrower_id', 'product', 'origination_date', 'principal_minor', 'interest_rate', 'term_months', 'currency', 'maturity_date', 'repayment_type', 'collateral_type', 'collateral_value_minor', 'channel', 'status', 'outstanding_balance_minor', 'dpd', 'undrawn_amount_minor'],
      notNull: ['borrower_id', 'product', 'origination_date', 'principal_minor', 'interest_rate', 'term_months', 'currency'],
      primaryKey: ['loan_id'],
      references: ['borrower_id → borrowers.borrower_id'],
    });
    assert.deepEqual(describeTable(db, 'loan_performance'), {
      columns: ['loan_id', 'as_of', 'balance_minor', 'dpd', 'paid_amount_minor', 'status'],
      notNull: ['loan_id', 'as_of', 'balance_minor', 'dpd'],
      primaryKey: ['loan_id', 'as_of'],
      references: ['loan_id → loans.loan_id'],
    });
    assert.deepEqual(indexesOf(db, 'loans'), { loans_borrower: 'borrower_id', loans_product_origination: 'product, origination_date' });
    assert.deepEqual(indexesOf(db, 'loan_performance'), { loan_performance_as_of: 'as_of' });
  });

  it('enforces the references, one performance row per loan and month, and id_verified as 0 or 1', () => {
    const { db } = migratedWithSampleRows(20);
    const borrower = db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor, id_verified) VALUES (?, 'east', 1, ?)`);
    const loan = db.prepare(`INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency) VALUES (?, ?, 'p', '2024-01-01', 1, 0.1, 12, 'CNY')`);
    const month = db.prepare(`INSERT INTO loan_performance (loan_id, as_of, balance_minor, dpd) VALUES (?, '2024-01', 1, 0)`);
    borrower.run('B1', 1);
    borrower.run('B2', null);
    assert.throws(() => borrower.run('B3', 2), /CHECK constraint failed/);
    loan.run('L1', 'B1');
    assert.throws(() => loan.run('L2', 'B9'), FOREIGN_KEY);
    month.run('L1');
    assert.throws(() => month.run('L1'), /UNIQUE constraint failed/);
    assert.throws(() => month.run('L9'), FOREIGN_KEY);
    assert.throws(() => db.prepare(`DELETE FROM borrowers WHERE borrower_id = 'B1'`).run(), FOREIGN_KEY);
    assert.throws(() => db.prepare(`DELETE FROM loans WHERE loan_id = 'L1'`).run(), FOREIGN_KEY);
  });
});
