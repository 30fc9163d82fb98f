import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorkspace, insertLoans, type TestWorkspace } from '../workers/fixtures/workspace.ts';
import { keysetBatches } from './keyset.ts';

const LOANS = 1_000;

describe('keysetBatches', () => {
  let workspace: TestWorkspace;

  before(() => {
    workspace = createTestWorkspace();
    // Ids that sort differently as text and as numbers (L-10 before L-9), so paging must follow the key's text order.
    insertLoans(
      workspace.db,
      Array.from({ length: LOANS }, (_, i) => ({ loan_id: `L-${(i * 7919) % LOANS}`, product: 'personal', principal_minor: 1_000, outstanding_balance_minor: null, dpd: null, status: null })),
    );
  });
  after(() => workspace.dispose());

  function pages(batchSize: number): { loan_id: string }[][] {
    return [...keysetBatches<{ loan_id: string }>(workspace.db, { table: 'loans', columns: ['loan_id'], key: 'loan_id', batchSize })];
  }

  it('reads every row once, in key order, a full page at a time', () => {
    const batches = pages(64);
    assert.deepEqual(batches.map((rows) => rows.length), [...Array<number>(15).fill(64), LOANS - 15 * 64]);
    const ids = batches.flat().map((row) => row.loan_id);
    const inKeyOrder = workspace.db.prepare('SELECT loan_id FROM loans ORDER BY loan_id').pluck().all() as string[];
    assert.deepEqual(ids, inKeyOrder);
    assert.equal(new Set(ids).size, LOANS);
  });

  it('ends after a last page that is exactly full', () => {
    assert.deepEqual(pages(500).map((rows) => rows.length), [500, 500]);
  });

  it('pages only the rows a condition takes, its values bound, under a qualified key', () => {
    const query = { table: 'loans l', columns: ['l.loan_id'], key: 'l.loan_id', keyName: 'loan_id', where: 'l.loan_id LIKE ?', params: ['L-1%'], batchSize: 7 };
    const ids = [...keysetBatches<{ loan_id: string }>(workspace.db, query)].flat().map((row) => row.loan_id);
    // L-1, L-10…L-19, L-100…L-199: 1 + 10 + 100.
    assert.deepEqual(ids, workspace.db.prepare(`SELECT loan_id FROM loans WHERE loan_id LIKE 'L-1%' ORDER BY loan_id`).pluck().all());
    assert.equal(ids.length, 111);
  });

  it('refuses a batch size that is not a positive integer', () => {
    for (const batchSize of [0, -1, 1.5, Number.NaN]) assert.throws(() => pages(batchSize), RangeError);
  });
});
