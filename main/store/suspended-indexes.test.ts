import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import type { Db } from './database.ts';
import { openEncryptedDatabase } from './database.ts';
import { rebuildNextSuspendedIndex, restoreSuspendedIndexes, suspendedIndexCount, suspendSecondaryIndexes } from './suspended-indexes.ts';

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase('riskdesk-indexes-');
});
afterEach(() => temp.dispose());

function indexes(db: Db): unknown[] {
  return db.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all();
}

function indexNamesOf(db: Db, table: string): unknown[] {
  return db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name`).pluck().all(table);
}

describe('suspended indexes', () => {
  it('drops the CREATE INDEX indexes of the given tables only, keeping those that enforce a key', () => {
    suspendSecondaryIndexes(temp.db, ['loans', 'performance']);
    assert.deepEqual(indexNamesOf(temp.db, 'loans'), ['sqlite_autoindex_loans_1']);
    assert.deepEqual(indexNamesOf(temp.db, 'loan_performance'), [], 'its key is the table itself (WITHOUT ROWID)');
    assert.ok(indexNamesOf(temp.db, 'transactions').length > 1, 'other tables keep theirs');
    assert.ok(suspendedIndexCount(temp.db) > 0);
  });

  it('puts back exactly what it dropped, one index per call, even from another connection after the first is gone', () => {
    const before = indexes(temp.db);
    suspendSecondaryIndexes(temp.db, ['loans', 'performance', 'transactions']);
    const suspended = suspendedIndexCount(temp.db);
    temp.db.close();
    const next = openEncryptedDatabase(temp.path, temp.key);
    try {
      assert.equal(suspendedIndexCount(next), suspended);
      assert.equal(rebuildNextSuspendedIndex(next), true);
      assert.equal(suspendedIndexCount(next), suspended - 1);
      restoreSuspendedIndexes(next);
      assert.equal(suspendedIndexCount(next), 0);
      assert.equal(rebuildNextSuspendedIndex(next), false);
      assert.deepEqual(indexes(next), before);
      assert.equal(next.prepare(`SELECT count(*) FROM meta`).pluck().get(), 0, 'no record left in meta');
    } finally {
      next.close();
    }
  });

  it('suspends again after a load that left indexes away, without losing them', () => {
    const before = indexes(temp.db);
    suspendSecondaryIndexes(temp.db, ['loans']);
    suspendSecondaryIndexes(temp.db, ['transactions']);
    assert.deepEqual(indexNamesOf(temp.db, 'transactions'), ['sqlite_autoindex_transactions_1']);
    assert.ok(indexNamesOf(temp.db, 'loans').length > 1, 'the first load’s indexes were put back first');
    restoreSuspendedIndexes(temp.db);
    assert.deepEqual(indexes(temp.db), before);
  });
});
