// 0170 widens the dashboard's covering indexes by what the open-loan condition and the balance trend read, and adds the
// trend's two small loan indexes: tested on a real encrypted
// file at schema 160 holding rows in every table that had sample rows, with the dashboard's own conditions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { indexesOf, queryPlan } from '../../test-support/schema-description.ts';
import { OUTSTANDING_SQL, TREND_SQL } from '../dashboard-queries.ts';
import { defaultedSql, openLoanSql } from '../loan-status-sql.ts';

describe('migration 170 (dashboard over open loans)', () => {
  it('keeps every row; the open loans are summed by product and by borrower from the indexes alone', () => {
    const { db, before } = migratedWithSampleRows(170);
    assertRowsKept(db, Object.fromEntries(Object.entries(before).filter(([, rows]) => rows.length > 0)));
    const indexes = indexesOf(db, 'loans');
    assert.equal(indexes.loans_product_dashboard, 'product, currency, outstanding_balance_minor, principal_minor, dpd, status, undrawn_amount_minor');
    assert.equal(indexes.loans_borrower_exposure, 'borrower_id, currency, outstanding_balance_minor, principal_minor, status, undrawn_amount_minor');
    const ccy = `'CNY'`;
    const money = OUTSTANDING_SQL.replaceAll('@ccy', ccy);
    const byProduct = queryPlan(db, `SELECT product, count(*), sum(${money}), sum(${defaultedSql()}) FROM loans WHERE ${openLoanSql()} GROUP BY product`).join('\n');
    assert.match(byProduct, /SCAN loans USING COVERING INDEX loans_product_dashboard/);
    const byBorrower = queryPlan(db, `SELECT borrower_id, count(*), sum(${money}) FROM loans WHERE ${openLoanSql()} GROUP BY borrower_id`).join('\n');
    assert.match(byBorrower, /SCAN loans USING COVERING INDEX loans_borrower_exposure/);
    assert.equal(indexes.loans_undrawn, 'loan_id, currency, undrawn_amount_minor (partial)');
    assert.equal(indexes.loans_currency, 'currency, loan_id');
    assert.deepEqual(indexesOf(db, 'loan_performance'), {
      loan_performance_defaulted: 'loan_id, as_of, dpd, status (partial)',
      loan_performance_nothing_drawn: 'loan_id, as_of, status, dpd, balance_minor (partial)',
      loan_performance_trend: 'as_of, status, dpd, balance_minor',
    });
    // The trend's parts (dashboard-queries.ts TREND_SQL): the drawn months in index order; the months with
    // nothing drawn and their lines, and the other currencies' loans and months, each from an index.
    const trend = queryPlan(db, TREND_SQL.replaceAll('@ccy', ccy).replaceAll('@after', `'2024-01'`)).join('\n');
    // The drawn months: no sort between the index and the next part.
    assert.ok(trend.includes('SEARCH p USING COVERING INDEX loan_performance_trend (as_of>?)\nUNION ALL\n'), trend);
    assert.ok(trend.includes('SCAN l USING COVERING INDEX loans_undrawn\nSEARCH p USING COVERING INDEX loan_performance_nothing_drawn (loan_id=? AND as_of>?)\n'), trend);
    assert.ok(trend.includes('SEARCH l USING COVERING INDEX loans_currency (currency>?)\nSEARCH p USING PRIMARY KEY (loan_id=? AND as_of>?)\n'), trend);
  });
});
