import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { verifyAuditChain } from '../store/audit.ts';
import { keyringPathFor } from '../store/keyring.ts';
import { UnlockThrottle } from '../store/unlock-throttle.ts';
import { Workspace } from '../store/workspace.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW, fileSha256, tempDir } from '../test-support/temp-workspace.ts';
import { runTypeScriptChild } from '../test-support/typescript-child.ts';
import { backupWorkspace, restoreWorkspace } from './backup-service.ts';
import { contextFor } from './context.ts';
import { addUser } from './users-service.ts';

const throttle = new UnlockThrottle({ sleep: async () => {} });
const fixture = (name: string): string => path.join(import.meta.dirname, 'fixtures', name);

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
    const summary = await backupWorkspace(contextFor(ws, { now: () => FIXED_NOW }), { to: target });
    assert.equal(summary.sha256, fileSha256(target));
    assert.ok(fs.existsSync(keyringPathFor(target)));
    const bytes = fs.readFileSync(target);
    assert.ok(!bytes.includes(Buffer.from('SQLite format 3')) && !bytes.includes(Buffer.from('Zhejiang')));
    const last = ws.db.prepare('SELECT action, details FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { action: string; details: string };
    assert.equal(last.action, 'workspace.backup');
    assert.equal(JSON.parse(last.details).sha256, summary.sha256);
    assert.deepEqual(JSON.parse(last.details).auditHead, summary.auditHead, 'the source records the anchor it printed');
    ws.close();
    const copy = await Workspace.open({ path: target, passphrase: ADMIN_PASSPHRASE, throttle });
    assert.deepEqual(copy.db.prepare('SELECT borrower_id, region FROM borrowers').all(), [{ borrower_id: 'B1', region: 'Zhejiang' }]);
    const inCopy = verifyAuditChain(copy.db);
    assert.ok(inCopy.ok);
    // The anchor is the copy's own head (its chain ends before the source's backup event).
    assert.deepEqual(summary.auditHead, { seq: inCopy.events, hash: inCopy.head });
    copy.close();
  });

  it('refuses to overwrite an existing file and leaves no partial file after a failure', async () => {
    const dir = tempDir();
    const ws = await seededWorkspace(dir);
    const target = path.join(dir, 'exists.rdw');
    fs.writeFileSync(target, 'precious');
    await assert.rejects(backupWorkspace(contextFor(ws), { to: target }), { code: 'WORKSPACE_EXISTS' });
    assert.equal(fs.readFileSync(target, 'utf8'), 'precious');
    await assert.rejects(backupWorkspace(contextFor(ws), { to: path.join(dir, 'no-such-dir', 'x.rdw') }), { code: 'BACKUP_FAILED' });
    assert.deepEqual(fs.readdirSync(dir).sort(), ['exists.rdw', 'live.rdw', 'live.rdw-shm', 'live.rdw-wal', 'live.rdw.keyring'].sort());
    ws.close();
  });

  it('restores to a new path, and over an existing workspace only with force, audited in the restored copy', async () => {
    const dir = tempDir();
    const ws = await seededWorkspace(dir);
    const backup = path.join(dir, 'b.rdw');
    await backupWorkspace(contextFor(ws), { to: backup });
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
    await addUser(contextFor(ws), { username: 'aud', role: 'auditor', passphrase: 'auditor passphrase 1' });
    const backup = path.join(dir, 'b.rdw');
    await backupWorkspace(contextFor(ws), { to: backup });
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

  it('creates the backup, the restored workspace and every file on the way readable by their owner only under umask 022', async () => {
    const dir = tempDir();
    const run = await runTypeScriptChild(fixture('backup-file-modes.ts'), [dir], { umask: '022' });
    assert.equal(run.code, 0, run.stderr);
    const { probeMode, modes } = JSON.parse(run.stdout) as { probeMode: string; modes: Record<string, string> };
    assert.equal(probeMode, '644', 'the child ran under umask 022');
    const expected = ['live.rdw', 'live.rdw.keyring', 'backup.rdw.partial', 'backup.rdw', 'backup.rdw.keyring', 'backup.rdw-wal', 'backup.rdw-shm'];
    expected.push('restored.rdw.restoring', 'restored.rdw.restoring.keyring', 'restored.rdw.restoring-wal', 'restored.rdw.restoring-shm');
    expected.push('restored.rdw', 'restored.rdw.keyring', 'restored.rdw-wal', 'restored.rdw-shm');
    assert.deepEqual(expected.filter((name) => !(name in modes)), [], `files the child saw: ${Object.keys(modes).join(', ')}`);
    assert.deepEqual(Object.entries(modes).filter(([, mode]) => mode !== '600'), [], 'every file was 0600 whenever it was looked at');
  });

  it('a backup killed the moment its database takes its name is audited, and a retry to the same path replaces it', async () => {
    const dir = tempDir();
    const live = path.join(dir, 'live.rdw');
    (await seededWorkspace(dir)).close();
    const target = path.join(dir, 'killed.rdw');
    const run = await runTypeScriptChild(fixture('backup-killed-at-rename.ts'), [live, target]);
    assert.equal(run.signal, 'SIGKILL', `the child was to die at the rename:\n${run.stdout}${run.stderr}`);

    const ws = await Workspace.open({ path: live, passphrase: ADMIN_PASSPHRASE, throttle });
    try {
      if (fs.existsSync(target)) {
        assert.ok(!fs.existsSync(keyringPathFor(target)), 'killed before its keyring took its name');
        assert.ok(backupEvents(ws).some((e) => e.file === target && e.sha256 === fileSha256(target)), 'a backup under its final name is audited');
      }
      const summary = await backupWorkspace(contextFor(ws), { to: target });
      assert.equal(summary.sha256, fileSha256(target));
      assert.equal(backupEvents(ws).at(-1)?.sha256, summary.sha256);
      assert.ok(verifyAuditChain(ws.db).ok);
    } finally {
      ws.close();
    }
    const copy = await Workspace.open({ path: target, passphrase: ADMIN_PASSPHRASE, throttle });
    assert.deepEqual(copy.db.prepare('SELECT borrower_id FROM borrowers').all(), [{ borrower_id: 'B1' }]);
    copy.close();
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('.partial')), []);
  });

  it("a retry refuses whatever else is at the backup path: a foreign file, an unrecorded copy, another workspace's backup", async () => {
    const dir = tempDir();
    const ws = await seededWorkspace(dir);
    const other = await Workspace.create({ path: path.join(dir, 'other.rdw'), username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
    const target = path.join(dir, 'b.rdw');
    const leftovers: Record<string, () => Promise<unknown>> = {
      'a foreign file': async () => fs.writeFileSync(target, 'precious'),
      'a copy of this workspace that no backup wrote': async () => {
        ws.db.pragma('wal_checkpoint(TRUNCATE)');
        fs.copyFileSync(ws.path, target);
      },
      "this workspace's backup, changed since": async () => {
        await backupWorkspace(contextFor(ws), { to: target });
        fs.rmSync(keyringPathFor(target));
        fs.appendFileSync(target, Buffer.alloc(4096));
      },
      "another workspace's backup without its keyring": async () => {
        await backupWorkspace(contextFor(other), { to: target });
        fs.rmSync(keyringPathFor(target));
      },
    };
    for (const [what, leave] of Object.entries(leftovers)) {
      await leave();
      const before = fileSha256(target);
      await assert.rejects(backupWorkspace(contextFor(ws), { to: target }), (error: { code: string; message: string }) => {
        assert.equal(error.code, 'WORKSPACE_EXISTS', what);
        assert.ok(error.message.includes(target), error.message);
        return true;
      });
      assert.equal(fileSha256(target), before, what);
      assert.ok(!fs.existsSync(keyringPathFor(target)), what);
      fs.rmSync(target);
    }
    other.close();
    ws.close();
  });

  it('refuses an empty, truncated or foreign backup or a wrong keyring, naming the backup, and leaves the target alone', async () => {
    const dir = tempDir();
    const ws = await seededWorkspace(dir);
    const good = path.join(dir, 'good.rdw');
    await backupWorkspace(contextFor(ws), { to: good });
    ws.close();
    const other = await Workspace.create({ path: path.join(dir, 'other.rdw'), username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
    other.close();
    const bytes = fs.readFileSync(good);
    const badBackups = [
      { name: 'half.rdw', content: bytes.subarray(0, Math.floor(bytes.length / 2)), code: 'WORKSPACE_DAMAGED', says: /is damaged or truncated: .*use another backup/ },
      { name: 'first-page-cut.rdw', content: bytes.subarray(0, 1000), code: 'WORKSPACE_DAMAGED', says: /is damaged or truncated: .*use another backup/ },
      { name: 'empty.rdw', content: Buffer.alloc(0), code: 'NOT_A_WORKSPACE', says: /is empty \(0 bytes\): it is not a RiskDesk backup/ },
      { name: 'notes.rdw', content: 'Backups are on the NAS.\n'.repeat(50), code: 'KEYRING_MISMATCH', says: /is not a RiskDesk workspace/ },
      { name: 'wrong-keyring.rdw', content: bytes, keyring: keyringPathFor(other.path), code: 'KEYRING_MISMATCH', says: /another workspace's keyring/ },
    ];
    const target = path.join(dir, 'live.rdw');
    const targetBefore = [fileSha256(target), fileSha256(keyringPathFor(target))];
    for (const bad of badBackups) {
      const from = path.join(dir, bad.name);
      fs.writeFileSync(from, bad.content);
      fs.copyFileSync(bad.keyring ?? keyringPathFor(good), keyringPathFor(from));
      const backupBefore = fileSha256(from);
      await assert.rejects(restoreWorkspace({ from, target, passphrase: ADMIN_PASSPHRASE, throttle, force: true }), (error: { code: string; message: string }) => {
        assert.equal(error.code, bad.code, `${bad.name}: ${error.message}`);
        assert.ok(error.message.includes(from), `${bad.name}: names the backup: ${error.message}`);
        assert.match(error.message, bad.says);
        assert.doesNotMatch(error.message, /\.restoring/);
        return true;
      });
      assert.equal(fileSha256(from), backupBefore, `${bad.name}: the backup is not modified`);
    }
    assert.deepEqual([fileSha256(target), fileSha256(keyringPathFor(target))], targetBefore);
    assert.ok(!fs.readdirSync(dir).some((f) => f.includes('restoring')), 'staging files cleaned up');
  });
});

function backupEvents(ws: Workspace): { file: string; sha256: string }[] {
  const rows = ws.db.prepare(`SELECT details FROM audit_events WHERE action = 'workspace.backup' ORDER BY seq`).pluck().all() as string[];
  return rows.map((details) => JSON.parse(details) as { file: string; sha256: string });
}
