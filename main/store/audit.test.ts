import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../test-support/temp-workspace.ts';
import { AUDIT_GENESIS_HASH, AuditChainVerifier, appendAuditEvent, auditEventHash, verifyAuditChain, type AuditEventRow } from './audit.ts';
import { openEncryptedDatabase, type Db } from './database.ts';
import { migrate } from './migrate.ts';

function auditedDb(events: number): Db {
  const file = path.join(tempDir(), 'audit.rdw');
  const db = openEncryptedDatabase(file, randomBytes(32), { create: true });
  migrate(db, file);
  for (let i = 1; i <= events; i += 1) {
    db.transaction(() => appendAuditEvent(db, { actor: 'ana', action: 'case.update', subject: `case:${i}`, details: { step: i, note: 'ok' }, at: `2026-11-0${(i % 9) + 1}T10:00:00.000Z` }))();
  }
  return db;
}

describe('audit chain', () => {
  it('hashes SHA-256(previous hash ‖ canonical JSON) from the fixed genesis, worked by hand', () => {
    const event = { seq: 1, at: '2026-11-01T00:00:00.000Z', actor: 'admin', action: 'user.add', subject: 'user:bo', details: { role: 'analyst', a: 1 } };
    // RFC 8785: keys sorted, no spaces.
    const canonical = '{"action":"user.add","actor":"admin","at":"2026-11-01T00:00:00.000Z","details":{"a":1,"role":"analyst"},"seq":1,"subject":"user:bo"}';
    const expected = createHash('sha256').update(Buffer.concat([Buffer.from(AUDIT_GENESIS_HASH, 'hex'), Buffer.from(canonical, 'utf8')])).digest('hex');
    assert.equal(auditEventHash(AUDIT_GENESIS_HASH, event), expected);
    assert.equal(AUDIT_GENESIS_HASH, createHash('sha256').update('RiskDesk audit chain genesis v1').digest('hex'));
  });

  it('verifies an intact chain and links each row to the one before', () => {
    const db = auditedDb(5);
    const rows = db.prepare('SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq').all() as { seq: number; prev_hash: string; hash: string }[];
    assert.equal(rows[0]?.prev_hash, AUDIT_GENESIS_HASH);
    for (let i = 1; i < rows.length; i += 1) assert.equal(rows[i]?.prev_hash, rows[i - 1]?.hash);
    assert.deepEqual(verifyAuditChain(db), { ok: true, events: 5, head: rows[4]?.hash });
    db.close();
  });

  it('refuses updates and deletes through its triggers', () => {
    const db = auditedDb(2);
    assert.throws(() => db.prepare(`UPDATE audit_events SET actor = 'x' WHERE seq = 1`).run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM audit_events WHERE seq = 2').run(), /append-only/);
    db.close();
  });

  it('refuses to append outside a transaction', () => {
    const db = auditedDb(0);
    assert.throws(() => appendAuditEvent(db, { actor: 'a', action: 'x', subject: 'y', at: '2026-01-01T00:00:00Z' }), /inside the transaction/);
    db.close();
  });

  it('names the first row that does not match after an edit, a deletion or a rehash', () => {
    const edited = auditedDb(6);
    edited.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete');
    edited.prepare(`UPDATE audit_events SET details = '{"step":3,"note":"changed"}' WHERE seq = 3`).run();
    assert.deepEqual(verifyAuditChain(edited), { ok: false, events: 2, firstBadSeq: 3, reason: 'its contents do not match its hash' });

    const deleted = auditedDb(6);
    deleted.exec('DROP TRIGGER audit_events_no_delete');
    deleted.prepare('DELETE FROM audit_events WHERE seq = 4').run();
    const gap = verifyAuditChain(deleted);
    assert.equal(gap.ok, false);
    assert.equal(!gap.ok && gap.firstBadSeq, 5);

    // An attacker who rewrites one row's hash consistently still breaks the link from the next row.
    const rehashed = auditedDb(6);
    rehashed.exec('DROP TRIGGER audit_events_no_update');
    const row = rehashed.prepare('SELECT * FROM audit_events WHERE seq = 2').get() as { prev_hash: string; seq: number; at: string; actor: string; action: string; subject: string };
    const forged = auditEventHash(row.prev_hash, { ...row, actor: 'mallory', details: { step: 2, note: 'ok' } });
    rehashed.prepare(`UPDATE audit_events SET actor = 'mallory', hash = ? WHERE seq = 2`).run(forged);
    assert.deepEqual(verifyAuditChain(rehashed), { ok: false, events: 2, firstBadSeq: 3, reason: 'its previous-hash does not match the event before it' });
    for (const db of [edited, deleted, rehashed]) db.close();
  });

  it('verifies a run of the chain from a given seq and previous hash', () => {
    const db = auditedDb(5);
    const rows = db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as AuditEventRow[];
    const fromThree = new AuditChainVerifier({ seq: 3, prevHash: rows[1]!.hash });
    assert.ok(rows.slice(2).every((row) => fromThree.check(row)));
    assert.deepEqual(fromThree.result(), { ok: true, events: 3, head: rows[4]!.hash });
    // Started at the wrong place, the first row is refused.
    const wrongStart = new AuditChainVerifier({ seq: 3, prevHash: rows[0]!.hash });
    assert.equal(wrongStart.check(rows[2]!), false);
    assert.deepEqual(wrongStart.result(), { ok: false, events: 0, firstBadSeq: 3, reason: 'its previous-hash does not match the event before it' });
    db.close();
  });
});
