// 0130 adds the fraud engine's tables (rule sets with the artefact lifecycle, the workspace's signing key, run flags
// and backtests): tested on a real encrypted file at schema 120 holding rows in every table.
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { assertRowsKept, databaseAtSchema, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';

const CHECK = /CHECK constraint failed/;

describe('migration 130 (fraud engine)', () => {
  it('keeps every row of schema 120 and makes one Ed25519 key pair whose halves match', () => {
    const { db, before } = migratedWithSampleRows(130);
    // 0120's case tables have no sample rows: the tables that have some are kept.
    assertRowsKept(db, Object.fromEntries(Object.entries(before).filter(([, rows]) => rows.length > 0)));
    const keys = db.prepare('SELECT algorithm, public_key, private_key FROM workspace_signing_key').all() as { algorithm: string; public_key: Buffer; private_key: Buffer }[];
    assert.equal(keys.length, 1);
    const [key] = keys;
    assert.ok(key);
    assert.equal(key.algorithm, 'ed25519');
    const message = Buffer.from('rule set v1');
    const signature = sign(null, message, createPrivateKey({ key: key.private_key, format: 'der', type: 'pkcs8' }));
    assert.ok(verify(null, message, createPublicKey({ key: key.public_key, format: 'der', type: 'spki' }), signature));
    assert.throws(() => db.prepare(`INSERT INTO workspace_signing_key (id, algorithm, public_key, private_key, created_at) VALUES (2, 'ed25519', x'00', x'00', 't')`).run(), CHECK);
  });

  it('gives every workspace a key pair of its own', () => {
    const one = databaseAtSchema(130, { sampleRows: false }).db.prepare('SELECT public_key FROM workspace_signing_key').pluck().get() as Buffer;
    const two = databaseAtSchema(130, { sampleRows: false }).db.prepare('SELECT public_key FROM workspace_signing_key').pluck().get() as Buffer;
    assert.notDeepEqual(one, two);
  });

  it('holds rule sets to four eyes and one active version, and run flags to their actions', () => {
    const { db } = databaseAtSchema(130, { sampleRows: false });
    const insert = db.prepare(
      `INSERT INTO fraud_rule_sets (version, note, status, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at, activated_by, activated_at, document)
       VALUES (?, 'n', ?, ?, 't', ?, ?, ?, ?, ?, ?, '{"rules":[],"thresholds":{"review":1,"block":2}}')`,
    );
    insert.run(1, 'active', 'system', null, null, 'system', 't', 'system', 't');
    assert.throws(() => insert.run(2, 'approved', 'ana', 'ana', 't', 'ana', 't', null, null), CHECK);
    assert.throws(() => insert.run(3, 'active', 'ana', 'ana', 't', 'cole', 't', 'cole', 't'), /UNIQUE constraint failed/);
    insert.run(4, 'approved', 'ana', 'ana', 't', 'cole', 't', null, null);
    db.exec(`INSERT INTO runs (run_id, engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals) VALUES (1, 'fraud', '2024-02-29', '{}', 'ana', 't', 'finished', 't', 'CNY', '{}')`);
    const flag = db.prepare(`INSERT INTO fraud_run_flags (run_id, tx_id, account_id, ts, amount_minor, currency, score, action, ring_id, ring_size, fired) VALUES (1, ?, 'A1', 't', 100, 'CNY', 3.0, ?, NULL, 1, '[]')`);
    flag.run('T1', 'block');
    assert.throws(() => flag.run('T2', 'allow'), CHECK);
  });
});
