import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { verifyAuditChain } from '../store/audit.ts';
import { keyringPathFor, readKeyring } from '../store/keyring.ts';
import { UnlockThrottle } from '../store/unlock-throttle.ts';
import { Workspace } from '../store/workspace.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW, fileSha256, tempDir } from '../test-support/temp-workspace.ts';
import { contextFor } from './context.ts';
import { addUser, changePassphrase, listUsers, removeUser } from './users-service.ts';

const throttle = new UnlockThrottle({ sleep: async () => {} });
const ANALYST_PASSPHRASE = 'analyst passphrase 2026';

async function workspaceWithAnalyst(): Promise<{ file: string; admin: Workspace }> {
  const file = path.join(tempDir(), 'u.rdw');
  const admin = await Workspace.create({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
  await addUser(contextFor(admin, { now: () => FIXED_NOW }), { username: 'ana', role: 'analyst', passphrase: ANALYST_PASSPHRASE });
  return { file, admin };
}

function auditActions(ws: Workspace): string[] {
  return (ws.db.prepare('SELECT action FROM audit_events ORDER BY seq').all() as { action: string }[]).map((r) => r.action);
}

describe('users service', () => {
  it('adds a user who can then unlock with their own passphrase and role, audited', async () => {
    const { file, admin } = await workspaceWithAnalyst();
    assert.deepEqual(listUsers(contextFor(admin)).map((u) => [u.username, u.role, u.created_by]), [['admin', 'admin', 'admin'], ['ana', 'analyst', 'admin']]);
    assert.deepEqual(auditActions(admin), ['workspace.create', 'user.add', 'user.add']);
    admin.close();
    const ana = await Workspace.open({ path: file, username: 'ana', passphrase: ANALYST_PASSPHRASE, throttle });
    assert.deepEqual(ana.user, { username: 'ana', role: 'analyst' });
    assert.ok(verifyAuditChain(ana.db).ok);
    ana.close();
  });

  it('refuses duplicates, unknown roles, bad names and weak passphrases without touching the keyring', async () => {
    const { file, admin } = await workspaceWithAnalyst();
    const keyringBefore = fileSha256(keyringPathFor(file));
    await assert.rejects(addUser(contextFor(admin), { username: 'ana', role: 'analyst', passphrase: ANALYST_PASSPHRASE }), { code: 'USER_EXISTS' });
    await assert.rejects(addUser(contextFor(admin), { username: 'bo', role: 'superuser', passphrase: ANALYST_PASSPHRASE }), { code: 'INVALID_ARGUMENT' });
    await assert.rejects(addUser(contextFor(admin), { username: '../bo', role: 'analyst', passphrase: ANALYST_PASSPHRASE }), { code: 'INVALID_ARGUMENT' });
    await assert.rejects(addUser(contextFor(admin), { username: 'bo', role: 'analyst', passphrase: 'too short' }), { code: 'WEAK_PASSPHRASE' });
    assert.equal(fileSha256(keyringPathFor(file)), keyringBefore);
    admin.close();
  });

  it('lets only admins manage users', async () => {
    const { file, admin } = await workspaceWithAnalyst();
    admin.close();
    const ana = await Workspace.open({ path: file, username: 'ana', passphrase: ANALYST_PASSPHRASE, throttle });
    await assert.rejects(addUser(contextFor(ana), { username: 'bo', role: 'admin', passphrase: ANALYST_PASSPHRASE }), { code: 'FORBIDDEN' });
    assert.throws(() => removeUser(contextFor(ana), 'admin'), { code: 'FORBIDDEN' });
    assert.throws(() => listUsers(contextFor(ana)), { code: 'FORBIDDEN' });
    await assert.rejects(changePassphrase(contextFor(ana), { username: 'admin', newPassphrase: 'a new admin passphrase' }), { code: 'FORBIDDEN' });
    ana.close();
  });

  it('changes a passphrase by rewriting only the keyring: the old one stops working, the data key stays', async () => {
    const { file, admin } = await workspaceWithAnalyst();
    const keyBefore = admin.readerSpec().key.toString('hex');
    admin.close();
    const ana = await Workspace.open({ path: file, username: 'ana', passphrase: ANALYST_PASSPHRASE, throttle });
    await changePassphrase(contextFor(ana), { username: 'ana', newPassphrase: 'a brand new passphrase' });
    assert.equal(auditActions(ana).at(-1), 'user.passphrase.change');
    ana.close();
    await assert.rejects(Workspace.open({ path: file, username: 'ana', passphrase: ANALYST_PASSPHRASE, throttle }), { code: 'BAD_PASSPHRASE' });
    const again = await Workspace.open({ path: file, username: 'ana', passphrase: 'a brand new passphrase', throttle });
    assert.equal(again.readerSpec().key.toString('hex'), keyBefore);
    again.close();
    assert.deepEqual(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp')), [], 'no temp files left behind');
  });

  it('removes a user from the table and the keyring, but never the last admin or oneself', async () => {
    const { file, admin } = await workspaceWithAnalyst();
    assert.throws(() => removeUser(contextFor(admin), 'admin'), { code: 'INVALID_ARGUMENT' });
    assert.throws(() => removeUser(contextFor(admin), 'nobody'), { code: 'UNKNOWN_USER' });
    removeUser(contextFor(admin, { now: () => FIXED_NOW }), 'ana');
    assert.deepEqual(readKeyring(keyringPathFor(file)).entries.map((e) => e.username), ['admin']);
    assert.deepEqual(listUsers(contextFor(admin)).map((u) => u.username), ['admin']);
    assert.equal(auditActions(admin).at(-1), 'user.remove');
    admin.close();
    await assert.rejects(Workspace.open({ path: file, username: 'ana', passphrase: ANALYST_PASSPHRASE, throttle }), { code: 'UNKNOWN_USER' });
  });

  it('keeps the database and keyring consistent when the database change fails', async () => {
    const { file, admin } = await workspaceWithAnalyst();
    const keyringBefore = fileSha256(keyringPathFor(file));
    const entry = await admin.wrapKeyFor('cy', 'cy passphrase 12345');
    assert.throws(() =>
      admin.changeKeyring(
        (k) => ({ ...k, entries: [...k.entries, entry] }),
        () => {
          admin.db.prepare(`INSERT INTO users (username, role, created_at, created_by) VALUES ('cy', 'nonsense-role', 'x', 'admin')`).run();
        },
      ),
    );
    assert.equal(fileSha256(keyringPathFor(file)), keyringBefore);
    assert.equal(listUsers(contextFor(admin)).length, 2);
    admin.close();
  });
});
