import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { verifyAuditChain } from '../store/audit.ts';
import { keyringPathFor } from '../store/keyring.ts';
import { UnlockThrottle } from '../store/unlock-throttle.ts';
import { Workspace } from '../store/workspace.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW, fileSha256, tempDir } from '../test-support/temp-workspace.ts';
import { backupWorkspace, restoreWorkspace } from './backup-service.ts';
import { addUser } from './users-service.ts';

const throttle = new UnlockThrottle({ sleep: async () => {} });

async function seededWorkspace(dir: string): Promise<Workspace> {
  const ws = await Workspace.create({ path: path.join(dir, 'live.rdw'), username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
  ws.db.transaction(() => {
    ws.db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES ('B1', 'Zhejiang', 12000000)`).run();
  })();
  return ws;
}

describe('backup and restore', () => {
  it('writes an encrypted, integrity-checked copy with its own keyring, audited in the source', async () => {
    const dir = tempDir();
    const ws = await seededWorkspace(dir);
    const target = path.join(dir, 'copy.rdw');
    const summary = await backupWorkspace(ws, target, () => FIXED_NOW);
    assert.equal(summary.sha256, fileSha256(target));
    assert.ok(fs.existsSync(keyringPathFor(target)));
    const bytes = fs.readFileSync(target);
    assert.ok(!bytes.includes(Buffer.from('SQLite format 3')) && !bytes.includes(Buffer.from('Zhejiang')));
    const last = ws.db.prepare('SELECT action, details FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { action: string; details: string };
    assert.equal(last.action, 'workspace.backup');
    assert.equal(JSON.parse(last.details).sha256, summary.sha256);
    ws.close();
    const copy = await Workspace.open({ path: target, passphrase: ADMIN_PASSPHRASE, throttle });
    assert.deepEqual(copy.db.prepare('SELECT borrower_id, region FROM borrowers').all(), [{ borrower_id: 'B1', region: 'Zhejiang' }]);
    assert.ok(verifyAuditChain(copy.db).ok);
    copy.close();
  });

  it('refuses to overwrite an existing file and leaves no partial file after a failure', async () => {
    const dir = tempDir();
    const ws = await seededWorkspace(dir);
    const target = path.join(dir, 'exists.rdw');
    fs.writeFileSync(target, 'precious');
    await assert.rejects(backupWorkspace(ws, target), { code: 'WORKSPACE_EXISTS' });
    assert.equal(fs.readFileSync(target, 'utf8'), 'precious');
    await assert.rejects(backupWorkspace(ws, path.join(dir, 'no-such-dir', 'x.rdw')), { code: 'BACKUP_FAILED' });
    assert.deepEqual(fs.readdirSync(dir).sort(), ['exists.rdw', 'live.rdw', 'live.rdw-shm', 'live.rdw-wal', 'live.rdw.keyring'].sort());
    ws.close();
  });

  it('restores to a new path, and over an existing workspace only with force, audited in the restored copy', async () => {
    const dir = tempDir();
    const ws = await seededWorkspace(dir);
    const backup = path.join(dir, 'b.rdw');
    await backupWorkspace(ws, backup);
    ws.db.transaction(() => ws.db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES ('B2', 'Hunan', 1)`).run())();
    ws.close();
    const backupHash = fileSha256(backup);

    const fresh = path.join(dir, 'restored.rdw');
    await restoreWorkspace({ from: backup, target: fresh, passphrase: ADMIN_PASSPHRASE, throttle, now: () => FIXED_NOW });
    const restored = await Workspace.open({ path: fresh, passphrase: ADMIN_PASSPHRASE, throttle });
    assert.deepEqual(restored.db.prepare('SELECT borrower_id FROM borrowers').all(), [{ borrower_id: 'B1' }]);
    assert.equal((restored.db.prepare('SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { action: string }).action, 'workspace.restore');
    assert.ok(verifyAuditChain(restored.db).ok);
    restored.close();
    assert.equal(fileSha256(backup), backupHash, 'the backup itself is never modified');

    const live = path.join(dir, 'live.rdw');
    await assert.rejects(restoreWorkspace({ from: backup, target: live, passphrase: ADMIN_PASSPHRASE, throttle }), { code: 'WORKSPACE_EXISTS' });
    await restoreWorkspace({ from: backup, target: live, passphrase: ADMIN_PASSPHRASE, throttle, force: true });
    const back = await Workspace.open({ path: live, passphrase: ADMIN_PASSPHRASE, throttle });
    assert.deepEqual(back.db.prepare('SELECT borrower_id FROM borrowers').all(), [{ borrower_id: 'B1' }]);
    back.close();
  });

  it('refuses a restore by a non-admin, a wrong passphrase or a missing keyring, leaving the target alone', async () => {
    const dir = tempDir();
    const ws = await seededWorkspace(dir);
    await addUser(ws, { username: 'aud', role: 'auditor', passphrase: 'auditor passphrase 1' });
    const backup = path.join(dir, 'b.rdw');
    await backupWorkspace(ws, backup);
    ws.close();
    const target = path.join(dir, 'live.rdw');
    const before = [fileSha256(target), fileSha256(keyringPathFor(target))];
    await assert.rejects(restoreWorkspace({ from: backup, target, username: 'aud', passphrase: 'auditor passphrase 1', throttle, force: true }), { code: 'FORBIDDEN' });
    await assert.rejects(restoreWorkspace({ from: backup, target, passphrase: 'not the right one', throttle, force: true }), { code: 'BAD_PASSPHRASE' });
    fs.rmSync(keyringPathFor(backup));
    await assert.rejects(restoreWorkspace({ from: backup, target, passphrase: ADMIN_PASSPHRASE, throttle, force: true }), { code: 'KEYRING_MISSING' });
    assert.deepEqual([fileSha256(target), fileSha256(keyringPathFor(target))], before);
    assert.ok(!fs.readdirSync(dir).some((f) => f.includes('restoring')), 'staging files cleaned up');
  });
});
