import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { isRiskDeskError } from '../../preload/contract/errors.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { checkpointWal, inAsyncTransaction, openEncryptedDatabase } from './database.ts';

let temp: TempDatabase;
beforeEach(() => {
  temp = createTempDatabase('riskdesk-database-');
});
afterEach(() => temp.dispose());

function metaKeys(): unknown[] {
  return temp.db.prepare('SELECT key FROM meta ORDER BY key').pluck().all();
}

function refusal(pattern: RegExp): (error: unknown) => boolean {
  return (error) => isRiskDeskError(error) && error.code === 'JOB_FAILED' && pattern.test(error.message);
}

describe('inAsyncTransaction', () => {
  it('commits what the body wrote across awaits, and returns its result', async () => {
    const result = await inAsyncTransaction(temp.db, 'x was not done', async () => {
      temp.db.prepare(`INSERT INTO meta (key, value) VALUES ('a', '1')`).run();
      await new Promise<void>((resolve) => setImmediate(resolve));
      temp.db.prepare(`INSERT INTO meta (key, value) VALUES ('b', '2')`).run();
      return 'done';
    });
    assert.equal(result, 'done');
    assert.equal(temp.db.inTransaction, false);
    assert.deepEqual(metaKeys(), ['a', 'b']);
  });

  it('rolls everything back when the body throws, and rethrows', async () => {
    const failure = new Error('the file went away');
    await assert.rejects(
      inAsyncTransaction(temp.db, 'x was not done', async () => {
        temp.db.prepare(`INSERT INTO meta (key, value) VALUES ('a', '1')`).run();
        await new Promise<void>((resolve) => setImmediate(resolve));
        throw failure;
      }),
      (error) => error === failure,
    );
    assert.equal(temp.db.inTransaction, false);
    assert.deepEqual(metaKeys(), []);
  });

  it('refuses to join a transaction already open on the connection, and leaves it open', async () => {
    temp.db.exec('BEGIN');
    let ran = false;
    await assert.rejects(
      inAsyncTransaction(temp.db, 'data.csv was not imported', async () => {
        ran = true;
      }),
      refusal(/^data\.csv was not imported: another change to the workspace is in progress/),
    );
    assert.equal(ran, false);
    assert.equal(temp.db.inTransaction, true);
    temp.db.exec('ROLLBACK');
  });

  it('refuses to start while another connection holds the write lock', async () => {
    const other = openEncryptedDatabase(temp.path, temp.key);
    try {
      other.exec('BEGIN IMMEDIATE');
      // Not the 5 s a workspace connection waits for the lock.
      temp.db.pragma('busy_timeout = 0');
      await assert.rejects(
        inAsyncTransaction(temp.db, 'data.csv was not imported', async () => undefined),
        refusal(/^data\.csv was not imported: the workspace is busy with another writer/),
      );
      assert.equal(temp.db.inTransaction, false);
    } finally {
      other.close();
    }
  });
});

describe('checkpointWal', () => {
  it('moves every commit into the database file itself and empties the WAL', () => {
    temp.db.prepare(`INSERT INTO meta (key, value) VALUES ('a', '1')`).run();
    assert.ok(fs.statSync(`${temp.path}-wal`).size > 0);
    checkpointWal(temp.db);
    assert.equal(fs.statSync(`${temp.path}-wal`).size, 0);
    // The file without its -wal, as a rename moves it.
    const alone = path.join(temp.dir, 'alone.rdw');
    fs.copyFileSync(temp.path, alone);
    const copy = openEncryptedDatabase(alone, temp.key, { readonly: true });
    try {
      assert.deepEqual(copy.prepare('SELECT key FROM meta').pluck().all(), ['a']);
    } finally {
      copy.close();
    }
  });
});
