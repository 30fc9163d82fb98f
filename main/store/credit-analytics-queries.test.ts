import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { exposures, rollRateRows, vintageRows } from './credit-analytics-queries.ts';
import type { Db } from './database.ts';

/** The query plan of the one statement an iterator-returning query prepares (the iterator is closed unread). */
function planOf(db: Db, open: () => IterableIterator<unknown>, ...params: unknown[]): string[] {
  const prepare = db.prepare.bind(db);
  let sql = '';
  db.prepare = ((text: string) => prepare((sql = text))) as typeof db.prepare;
  try {
    open().return?.();
  } finally {
    db.prepare = prepare;
  }
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((step) => step.detail);
}

describe('credit analytics queries', () => {
  let temp: TempDatabase;
  before(() => {
    temp = createTempDatabase('riskdesk-analytics-');
    const { db } = temp;
    db.prepare(`INSERT INTO meta (key, value) VALUES ('base_currency', 'CNY')`).run();
    const borrower = db.prepare('INSERT INTO borrowers (borrower_id, region, annual_income_minor, industry) VALUES (?, ?, 1, ?)');
    borrower.run('B1', 'north', 'retail');
    borrower.run('B2', 'south', null);
    const loan = db.prepare(
      `INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency, status, outstanding_balance_minor, undrawn_amount_minor)
       VALUES (?, ?, ?, ?, ?, 0.1, 12, ?, ?, ?, ?)`,
    );
    // Inserted out of loan-id order, so that primary-key order and rowid order differ.
    loan.run('L3', 'B2', 'card', '2024-02-10', 50_000, 'CNY', 'current', null, null);
    loan.run('L1', 'B1', 'cash', '2024-01-05', 100_000, 'CNY', 'current', 80_000, null);
    loan.run('L2', 'B1', 'cash', '2024-01-20', 200_000, 'CNY', 'Paid Off', 0, null);
    loan.run('L4', 'B2', 'card', '2024-03-01', 30_000, 'USD', 'current', 30_000, null);
    loan.run('L5', 'B1', 'line', '2024-03-15', 10_000, 'CNY', 'current', 0, 10_000);
    loan.run('L6', 'B2', 'cash', '2024-03-20', 70_000, 'CNY', 'written off', 20_000, null);
    const month = db.prepare('INSERT INTO loan_performance (loan_id, as_of, balance_minor, dpd, status) VALUES (?, ?, 0, ?, ?)');
    month.run('L1', '2024-02', 0, 'current');
    month.run('L1', '2024-03', 95, 'delinquent');
    month.run('L1', '2024-04', 125, 'delinquent');
    month.run('L3', '2024-03', 0, 'current');
    month.run('L3', '2024-04', 10, 'Default');
    month.run('L2', '2024-02', 0, 'current');
    month.run('L2', '2024-04', 60, 'current');
  });
  after(() => temp.dispose());

  it('gives each loan’s origination date and its first month in default', () => {
    const rows = [...vintageRows(temp.db)].sort((a, b) => a.origination_date.localeCompare(b.origination_date));
    assert.deepEqual(rows, [
      { origination_date: '2024-01-05', first_default_month: '2024-03' },
      { origination_date: '2024-01-20', first_default_month: null },
      { origination_date: '2024-02-10', first_default_month: '2024-04' },
      { origination_date: '2024-03-01', first_default_month: null },
      { origination_date: '2024-03-15', first_default_month: null },
      { origination_date: '2024-03-20', first_default_month: null },
    ]);
    // A probe of the partial index of defaulted months (migration 0060), not a read of each loan's history.
    const plan = planOf(temp.db, () => vintageRows(temp.db));
    assert.ok(plan.some((step) => step.includes('COVERING INDEX loan_performance_defaulted')), JSON.stringify(plan));
  });

  it('streams performance months from a month on in primary-key order, without a sort', () => {
    assert.deepEqual([...rollRateRows(temp.db, '2024-03')], [
      ['L1', '2024-03', 95, 'delinquent'],
      ['L1', '2024-04', 125, 'delinquent'],
      ['L2', '2024-04', 60, 'current'],
      ['L3', '2024-03', 0, 'current'],
      ['L3', '2024-04', 10, 'Default'],
    ]);
    const plan = planOf(temp.db, () => rollRateRows(temp.db, '2024-03'), '2024-03');
    assert.ok(!plan.some((step) => step.includes('TEMP B-TREE')), JSON.stringify(plan));
  });

  it('sums open base-currency loans by region, product and industry, largest first, with (none) for missing', () => {
    // Open in CNY: L1 (80,000), L3 (no balance: principal 50,000), L5 (nothing drawn, 10,000 undrawn).
    // Not: L2 (paid off), L6 (written off), L4 (USD).
    const { region, product, industry } = exposures(temp.db);
    assert.deepEqual(region, [
      { key: 'north', loans: 2, outstandingMinor: 80_000 },
      { key: 'south', loans: 1, outstandingMinor: 50_000 },
    ]);
    assert.deepEqual(product, [
      { key: 'cash', loans: 1, outstandingMinor: 80_000 },
      { key: 'card', loans: 1, outstandingMinor: 50_000 },
      { key: 'line', loans: 1, outstandingMinor: 0 },
    ]);
    assert.deepEqual(industry, [
      { key: 'retail', loans: 2, outstandingMinor: 80_000 },
      { key: '(none)', loans: 1, outstandingMinor: 50_000 },
    ]);
  });
});
