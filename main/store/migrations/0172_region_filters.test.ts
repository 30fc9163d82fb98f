// 0172 indexes the borrowers' regions, adds borrower_id to the loans-by-product index and product and dpd to the
// loans-by-borrower one, so that a loan grid filtered by region and a loan column reads neither side's rows:
// tested on a real encrypted file at schema 171 holding rows in every table that had sample rows, with the grid's SQL.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { indexesOf, queryPlan } from '../../test-support/schema-description.ts';
import { countRows } from '../grid-sql.ts';
import { borrowerRegions, LOAN_GRID } from '../portfolio-queries.ts';

const REGIONS = { filterType: 'set' as const, values: ['east', 'north'] };

describe('migration 172 (region filters)', () => {
  it('keeps every row; loans filtered by region and by product or dpd are counted from indexes alone', () => {
    const { db, before } = migratedWithSampleRows(172);
    assertRowsKept(db, Object.fromEntries(Object.entries(before).filter(([, rows]) => rows.length > 0)));
    assert.equal(indexesOf(db, 'borrowers').borrowers_region, 'region, borrower_id');
    assert.equal(indexesOf(db, 'loans').loans_borrower_exposure, 'borrower_id, currency, outstanding_balance_minor, principal_minor, status, undrawn_amount_minor, product, dpd');
    const plan = (filter: string): string =>
      queryPlan(db, `SELECT count(*) FROM loans l LEFT JOIN borrowers b ON b.borrower_id = l.borrower_id WHERE ${filter}`).join('\n');
    // Whichever side SQLite starts from, neither side's rows are read: the loans from an index, the borrowers from one.
    for (const filter of [
      `l.product = 'consumer_instalment' AND b.region = 'east'`,
      `l.product IN ('consumer_instalment', 'payday') AND b.region IN ('east', 'north')`,
      `l.product IN ('payday') AND b.region IN ('east', 'north', 'west')`,
      `l.dpd > 30 AND b.region = 'east'`,
    ]) {
      const steps = plan(filter);
      assert.match(steps, /SEARCH b USING COVERING INDEX borrowers_region/, `${filter}\n${steps}`);
      assert.match(steps, /SEARCH l USING COVERING INDEX loans_(product_origination|borrower_exposure)/, `${filter}\n${steps}`);
    }
    // The grid's own SQL gives the same answer as the rows say: B1 (east) holds L1, a consumer instalment in default.
    assert.equal(countRows(db, LOAN_GRID, { region: REGIONS, product: { filterType: 'set', values: ['consumer_instalment'] } }), 1);
    assert.equal(countRows(db, LOAN_GRID, { region: REGIONS, product: { filterType: 'set', values: ['revolving_credit_line'] } }), 0);
    // The region filters' list is read from the index too, not from every borrower's row.
    assert.match(queryPlan(db, `SELECT DISTINCT region FROM borrowers WHERE region <> '' ORDER BY region LIMIT 500`).join('\n'), /USING COVERING INDEX borrowers_region/);
    assert.deepEqual(borrowerRegions(db), ['east', 'west']);
  });
});
