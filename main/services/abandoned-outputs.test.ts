// What killed writers leave beside the paths a user chose, and the next unlock of their workspace removing it: real
// child processes that SIGKILL themselves mid-write (fixtures/writers-killed-mid-write.ts), then Workspace.open.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { verifyAuditChain } from '../store/audit.ts';
import { keyringPathFor } from '../store/keyring.ts';
import { pendingOutputsPathFor } from '../store/pending-outputs.ts';
import { UnlockThrottle } from '../store/unlock-throttle.ts';
import { Workspace } from '../store/workspace.ts';
import { swapMarkerPathFor } from '../store/workspace-swap.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW, tempDir } from '../test-support/temp-workspace.ts';
import { runTypeScriptChild } from '../test-support/typescript-child.ts';
import { backupWorkspace, restoreWorkspace } from './backup-service.ts';
import { contextFor } from './context.ts';

const throttle = new UnlockThrottle({ sleep: async () => {} });
const fixture = path.join(import.meta.dirname, 'fixtures', 'writers-killed-mid-write.ts');

function addBorrower(ws: Workspace, id: string): void {
  ws.db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES (?, 'east', 1)`).run(id);
}

/** A workspace with borrower B1, a backup of it, then B2: a restore of the backup takes B2 away again. */
async function workspaceAndBackup(dir: string): Promise<{ live: string; backup: string }> {
  const live = path.join(dir, 'live.rdw');
  const backup = path.join(dir, 'b.rdw');
  const ws = await Workspace.create({ path: live, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW });
  addBorrower(ws, 'B1');
  await backupWorkspace(contextFor(ws), { to: backup });
  addBorrower(ws, 'B2');
  ws.close();
  return { live, backup };
}

/** Opens `file` (which removes what killed writers left), checks its chain and lists its borrowers. */
async function borrowersAfterOpen(file: string): Promise<string[]> {
  const ws = await Workspace.open({ path: file, passphrase: ADMIN_PASSPHRASE, throttle });
  try {
    assert.ok(verifyAuditChain(ws.db).ok, 'the audit chain verifies');
    return ws.db.prepare('SELECT borrower_id FROM borrowers ORDER BY borrower_id').pluck().all() as string[];
  } finally {
    ws.close();
  }
}

describe('temporary files of killed writers', () => {
  it("a killed backup's copy and keyring and a killed evidence export's zip go at the next unlock; look-alikes stay", async () => {
    const dir = tempDir();
    const { live } = await workspaceAndBackup(dir);
    const out = path.join(dir, 'chosen folder');
    fs.mkdirSync(out);
    const [backup, pack] = [path.join(out, 'backup.rdw'), path.join(out, 'pack.zip')];
    const run = await runTypeScriptChild(fixture, ['backup-and-export', live, backup, pack]);
    assert.equal(run.signal, 'SIGKILL', `the child was to die mid-write:\n${run.stdout}${run.stderr}`);
    const left = fs.readdirSync(out).sort();
    assert.deepEqual(left.filter((name) => !name.startsWith('pack.zip.partial-')), ['backup.rdw.partial', 'backup.rdw.partial.keyring'], 'what the kill left');
    assert.equal(left.filter((name) => /^pack\.zip\.partial-[0-9a-f]{12}$/.test(name)).length, 1, 'and the partial zip');
    assert.ok(fs.existsSync(pendingOutputsPathFor(live)));

    const lookAlikes = ['other.rdw.partial', 'other.rdw.partial.keyring', 'pack.zip.partial-ffffffffffff', 'backup.rdw.partial.old'];
    for (const name of lookAlikes) fs.writeFileSync(path.join(out, name), 'the user’s');
    assert.deepEqual(await borrowersAfterOpen(live), ['B1', 'B2']);
    assert.deepEqual(fs.readdirSync(out).sort(), [...lookAlikes].sort(), 'only the registered temporary files went');
    assert.ok(!fs.existsSync(pendingOutputsPathFor(live)), 'and the list with them');
  });

  it("a killed report export's PDF goes at the next unlock", async () => {
    const dir = tempDir();
    const { live } = await workspaceAndBackup(dir);
    const out = path.join(dir, 'chosen folder');
    fs.mkdirSync(out);
    const run = await runTypeScriptChild(fixture, ['report', live, path.join(out, 'report.pdf')]);
    assert.equal(run.signal, 'SIGKILL', `the child was to die as the file took its name:\n${run.stdout}${run.stderr}`);
    assert.match(fs.readdirSync(out).join(), /^report\.pdf\.partial-[0-9a-f]{12}$/, 'the whole PDF under its temporary name');
    assert.deepEqual(await borrowersAfterOpen(live), ['B1', 'B2']);
    assert.deepEqual(fs.readdirSync(out), []);
  });

  it('a restore killed before its swap leaves the workspace as it was, and its staging goes at the next unlock', async () => {
    const dir = tempDir();
    const { live, backup } = await workspaceAndBackup(dir);
    const run = await runTypeScriptChild(fixture, ['restore', backup, live, 'marker']);
    assert.equal(run.signal, 'SIGKILL', `the child was to die at the swap:\n${run.stdout}${run.stderr}`);
    assert.ok(fs.existsSync(`${live}.restoring`) && fs.existsSync(keyringPathFor(`${live}.restoring`)), 'the staging was complete');
    assert.ok(!fs.existsSync(swapMarkerPathFor(live)));

    assert.deepEqual(await borrowersAfterOpen(live), ['B1', 'B2'], 'no marker: the target as before');
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name.startsWith('live.rdw') && !['live.rdw', 'live.rdw.keyring'].includes(name)), [], 'no staging, list or marker left');

    await restoreWorkspace({ from: backup, target: live, passphrase: ADMIN_PASSPHRASE, force: true, throttle });
    assert.deepEqual(await borrowersAfterOpen(live), ['B1'], 'the restore run again completes');
  });

  it('a restore killed half-way through its swap is finished by the next unlock', async () => {
    const dir = tempDir();
    const { live, backup } = await workspaceAndBackup(dir);
    const run = await runTypeScriptChild(fixture, ['restore', backup, live, 'keyring']);
    assert.equal(run.signal, 'SIGKILL', `the child was to die in the swap:\n${run.stdout}${run.stderr}`);
    assert.ok(fs.existsSync(swapMarkerPathFor(live)) && fs.existsSync(`${live}.restoring`), 'killed with the marker written and nothing renamed');

    assert.deepEqual(await borrowersAfterOpen(live), ['B1'], 'the restored workspace');
    assert.deepEqual(fs.readdirSync(dir).filter((name) => name.startsWith('live.rdw') && !['live.rdw', 'live.rdw.keyring'].includes(name)), [], 'no staging, list or marker left');
  });

  it("a keyring write killed before its rename leaves a temp file that the next unlock removes once it is old", async () => {
    const dir = tempDir();
    const { live } = await workspaceAndBackup(dir);
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    const temp = `${keyringPathFor(live)}.${ended}.1700000000000.tmp`;
    fs.writeFileSync(temp, '{}', { mode: 0o600 });
    await borrowersAfterOpen(live);
    assert.ok(fs.existsSync(temp), 'a fresh one may be a write in progress on another machine sharing the folder');
    const anHourAgo = (Date.now() - 3_600_000) / 1000;
    fs.utimesSync(temp, anHourAgo, anHourAgo);
    await borrowersAfterOpen(live);
    assert.equal(fs.existsSync(temp), false);
  });
});
