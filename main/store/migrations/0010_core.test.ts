// 0010 makes a new file a workspace: its facts (meta), its users and the audit trail, which the schema itself keeps
// append-only. Tested on a real encrypted file, reopened as the next unlock would open it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { describeTable } from '../../test-support/schema-description.ts';

const APPEND_ONLY = /audit events are append-only/;

describe('migration 10 (core)', () => {
  it('makes the meta, users and audit tables with their keys and required columns', () => {
    const { db } = migratedWithSampleRows(10);
    assert.deepEqual(describeTable(db, 'meta'), { columns: ['key', 'value'], notNull: ['key', 'value'], primaryKey: ['key'], references: [] });
    assert.deepEqual(describeTable(db, 'users'), {
      columns: ['username', 'role', 'created_at', 'created_by'],
      notNull: ['username', 'role', 'created_at', 'created_by'],
      primaryKey: ['username'],
      references: [],
    });
    assert.deepEqual(describeTable(db, 'audit_events'), {
      columns: ['seq', 'at', 'actor', 'action', 'subject', 'details', 'prev_hash', 'hash'],
      notNull: ['at', 'actor', 'action', 'subject', 'details', 'prev_hash', 'hash'],
      primaryKey: ['seq'],
      references: [],
    });
  });

  it('allows the four roles only, and each user name and meta key once', () => {
    const { db } = migratedWithSampleRows(10);
    const addUser = db.prepare(`INSERT INTO users (username, role, created_at, created_by) VALUES (?, ?, 't', 'ada')`);
    for (const [index, role] of ['admin', 'analyst', 'compliance', 'auditor'].entries()) addUser.run(`u${index}`, role);
    assert.throws(() => addUser.run('eve', 'root'), /CHECK constraint failed/);
    assert.throws(() => addUser.run('u0', 'analyst'), /UNIQUE constraint failed: users.username/);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('workspace_id', 'w-1')`).run();
    assert.throws(() => db.prepare(`INSERT INTO meta (key, value) VALUES ('workspace_id', 'w-2')`).run(), /UNIQUE constraint failed: meta.key/);
    assert.throws(() => db.prepare(`INSERT INTO meta (key, value) VALUES ('created_at', NULL)`).run(), /NOT NULL constraint failed: meta.value/);
  });

  it('numbers audit events in order and refuses to change or delete one', () => {
    const { db } = migratedWithSampleRows(10);
    const append = db.prepare(`INSERT INTO audit_events (at, actor, action, subject, details, prev_hash, hash) VALUES ('t', 'ada', ?, 's', '{}', 'p', 'h')`);
    append.run('first');
    append.run('second');
    assert.deepEqual(db.prepare('SELECT seq, action FROM audit_events ORDER BY seq').all(), [
      { seq: 1, action: 'first' },
      { seq: 2, action: 'second' },
    ]);
    assert.throws(() => db.prepare(`UPDATE audit_events SET actor = 'mallory' WHERE seq = 1`).run(), APPEND_ONLY);
    assert.throws(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run(), APPEND_ONLY);
    assert.throws(() => db.prepare('DELETE FROM audit_events').run(), APPEND_ONLY);
    assert.equal(db.prepare('SELECT count(*) FROM audit_events').pluck().get(), 2);
  });
});
