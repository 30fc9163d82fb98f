import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { verifyAuditChain } from '../store/audit.ts';
import { openEncryptedDatabase } from '../store/database.ts';
import { findEntry, keyringPathFor, readKeyring, unwrapDataKey } from '../store/keyring.ts';
import { UnlockThrottle } from '../store/unlock-throttle.ts';
import { Workspace } from '../store/workspace.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW, fileSha256, tempDir } from '../test-support/temp-workspace.ts';
import { contextFor } from './context.ts';
import { rekeyRequestFor, rekeyWorkspace } from './rekey-service.ts';
import { addUser, removeUser } from './users-service.ts';

const throttle = new UnlockThrottle({ sleep: async () => {} });
const ANA = 'analyst passphrase 2026';
const BO = 'compliance passphrase 2026';

async function workspaceWithUsers(): Promise<{ file: string; admin: Workspace }> {
  const file = path.join(tempDir(), 'r.rdw');
  const admin = await Workspace.create({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
  await addUser(contextFor(admin, { now: () => FIXED_NOW }), { username: 'ana', role: 'analyst', passphrase: ANA });
  await addUser(contextFor(admin, { now: () => FIXED_NOW }), { username: 'bo', role: 'compliance', passphrase: BO });
  return { file, admin };
}

function counts(ws: Workspace): Record<string, number> {
  const tables = (ws.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((name) => [name, (ws.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]));
}

describe('re-keying a workspace', () => {
  it("after a removal, the removed user's kept keyring no longer opens it; everyone else unlocks as before", async () => {
    const { file, admin } = await workspaceWithUsers();
    const keptKeyring = readKeyring(keyringPathFor(file));
    removeUser(contextFor(admin, { now: () => FIXED_NOW }), 'ana');
    const before = counts(admin);
    const request = rekeyRequestFor(contextFor(admin, { now: () => FIXED_NOW }), { removedUser: 'ana' });
    admin.close();

    assert.deepEqual(rekeyWorkspace(request), { path: file, users: ['admin', 'bo'] });
    assert.ok(request.key.every((byte) => byte === 0), 'the old key copy is wiped');

    // What ana kept: her entry still yields the old key, which no longer decrypts the file.
    const oldKey = await unwrapDataKey(findEntry(keptKeyring, 'ana')!, keptKeyring.workspaceId, ANA);
    assert.ok(oldKey);
    assert.throws(() => openEncryptedDatabase(file, oldKey), { code: 'WORKSPACE_DAMAGED' });
    const keyring = readKeyring(keyringPathFor(file));
    assert.equal(findEntry(keyring, 'ana'), undefined);
    assert.notEqual(keyring.dbSalt, keptKeyring.dbSalt, 'a new salt');
    assert.equal(keyring.workspaceId, keptKeyring.workspaceId, 'the same workspace');

    const bo = await Workspace.open({ path: file, username: 'bo', passphrase: BO, throttle });
    assert.notDeepEqual(bo.readerSpec().key, oldKey, 'a new data key');
    assert.ok(verifyAuditChain(bo.db).ok);
    const after = counts(bo);
    assert.equal(after.audit_events, (before.audit_events ?? 0) + 1);
    assert.deepEqual({ ...after, audit_events: 0 }, { ...before, audit_events: 0 }, 'every other table as it was');
    const last = bo.db.prepare('SELECT actor, action, details FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { actor: string; action: string; details: string };
    assert.deepEqual({ ...last, details: JSON.parse(last.details) }, { actor: 'admin', action: 'workspace.rekey', details: { users: ['admin', 'bo'], removedUser: 'ana' } });
    bo.close();
    await assert.rejects(Workspace.open({ path: file, username: 'ana', passphrase: ANA, throttle }), { code: 'UNKNOWN_USER' });
    (await Workspace.open({ path: file, passphrase: ADMIN_PASSPHRASE, throttle })).close();

    for (const f of [file, keyringPathFor(file)]) assert.equal(fs.statSync(f).mode & 0o777, 0o600, `${f} stays owner-only`);
    assert.deepEqual(fs.readdirSync(path.dirname(file)).sort(), ['r.rdw', 'r.rdw.keyring'], 'nothing staged is left');
  });

  it('refuses, changing nothing, while a user still has an entry only their passphrase can renew', async () => {
    const { file, admin } = await workspaceWithUsers();
    const keyring = readKeyring(keyringPathFor(file));
    const bo = findEntry(keyring, 'bo')!;
    // A version 1 entry has no public key; stripping bo's down to that shape stands in for a keyring from before v2.
    const legacy = { username: 'bo', kdf: bo.kdf, iv: 'AAAAAAAAAAAAAAAA', ciphertext: 'AAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==' };
    fs.writeFileSync(keyringPathFor(file), JSON.stringify({ ...keyring, entries: keyring.entries.map((e) => (e.username === 'bo' ? legacy : e)) }));
    const hashes = [fileSha256(keyringPathFor(file))];
    assert.throws(() => rekeyRequestFor(contextFor(admin)), (error: Error & { code?: string; details?: unknown }) => {
      assert.equal(error.code, 'REKEY_BLOCKED');
      assert.match(error.message, /bo has a keyring entry from an earlier version/);
      assert.deepEqual(error.details, { users: ['bo'] });
      return true;
    });
    assert.deepEqual([fileSha256(keyringPathFor(file))], hashes);
    admin.close();
  });

  it('is for admins only', async () => {
    const { file, admin } = await workspaceWithUsers();
    admin.close();
    const ana = await Workspace.open({ path: file, username: 'ana', passphrase: ANA, throttle });
    assert.throws(() => rekeyRequestFor(contextFor(ana)), { code: 'FORBIDDEN' });
    ana.close();
  });
});
