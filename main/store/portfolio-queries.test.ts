// The regions the grids' region filters offer, read from a real encrypted database: each region once, none empty,
// in code order, and never more than the bound however many the borrowers carry.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { borrowerRegions, MAX_REGIONS } from './portfolio-queries.ts';

describe('borrowerRegions', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-regions-');
  });
  afterEach(() => temp.dispose());

  function addBorrowers(regions: readonly string[]): void {
    const insert = temp.db.prepare('INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES (?, ?, 1)');
    regions.forEach((region, index) => insert.run(`B${index}`, region));
  }

  it('lists each non-empty region once, in code order', () => {
    addBorrowers(['guangdong', 'beijing', '', 'guangdong', 'Atlantis', 'beijing']);
    assert.deepEqual(borrowerRegions(temp.db), ['Atlantis', 'beijing', 'guangdong']);
  });

  it('lists none for a workspace without borrowers', () => {
    assert.deepEqual(borrowerRegions(temp.db), []);
  });

  it('stops at the bound when the data carries more regions', () => {
    addBorrowers(Array.from({ length: MAX_REGIONS + 20 }, (_, index) => `region_${String(index).padStart(4, '0')}`));
    const regions = borrowerRegions(temp.db);
    assert.equal(regions.length, MAX_REGIONS);
    assert.equal(regions.at(-1), `region_${String(MAX_REGIONS - 1).padStart(4, '0')}`);
  });
});
