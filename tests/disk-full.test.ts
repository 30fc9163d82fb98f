// A full disk during an import (the workspace's disk) and a backup (the backup's disk), on a small tmpfs filled up
// but for a little room: a RiskDeskError that says which disk is full, nothing left behind, and the workspace as
// before (it opens, its audit trail is intact, its rows and events are the same). Mounting needs root, so the tests
// are skipped, saying so, for anyone else.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { isRiskDeskError } from '../preload/contract/errors.ts';
import { backupWorkspace } from '../main/services/backup-service.ts';
import { contextFor } from '../main/services/context.ts';
import { importCsv } from '../main/services/import/import-csv.ts';
import { createWorkspace, unlockWorkspace } from '../main/services/workspace-service.ts';
import { verifyAuditChain } from '../main/store/audit.ts';
import { ADMIN_PASSPHRASE, tempDir } from '../main/test-support/temp-workspace.ts';
import { writeBorrowersCsv } from './soak/kill-kinds.ts';

const NOT_ROOT = process.getuid?.() !== 0 ? 'needs root to mount a tmpfs: run the tests as root to check a full disk' : false;
const dir = tempDir('riskdesk-disk-full-');

/** Fills the disk holding `folder` so that only `room` bytes are left. */
function fillUpTo(folder: string, room: number): void {
  const { bavail, bsize } = fs.statfsSync(folder);
  fs.writeFileSync(path.join(folder, 'filler'), Buffer.alloc(Math.max(0, bavail * bsize - room)));
}

/** What must not change: the rows of a table, and the audit trail (intact, same length). */
async function stateOf(file: string): Promise<{ borrowers: number; events: number; intact: boolean }> {
  const workspace = await unlockWorkspace({ path: file, passphrase: ADMIN_PASSPHRASE });
  try {
    const { db } = workspace;
    return {
      borrowers: db.prepare('SELECT count(*) FROM borrowers').pluck().get() as number,
      events: db.prepare('SELECT count(*) FROM audit_events').pluck().get() as number,
      intact: verifyAuditChain(db).ok,
    };
  } finally {
    workspace.close();
  }
}

async function failure(work: Promise<unknown>): Promise<Error> {
  try {
    await work;
  } catch (error) {
    return error as Error;
  }
  assert.fail('expected the disk to be full');
}

describe('a full disk', { skip: NOT_ROOT }, () => {
  const small = path.join(dir, 'small-disk');
  const csv = path.join(dir, 'borrowers.csv');

  before(() => {
    fs.mkdirSync(small);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', small], { encoding: 'utf8' });
    assert.equal(mounted.status, 0, `mount failed: ${mounted.stderr}`);
    writeBorrowersCsv(csv, 20_000);
  });
  after(() => {
    spawnSync('umount', [small]);
  });

  it('during an import into a workspace on it: JOB_FAILED naming the disk, and the workspace as before', async () => {
    const file = path.join(small, 'desk.rdw');
    (await createWorkspace({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE })).close();
    const before = await stateOf(file);
    fillUpTo(small, 256 * 1024);
    const workspace = await unlockWorkspace({ path: file, passphrase: ADMIN_PASSPHRASE });
    let error: Error;
    try {
      error = await failure(importCsv(contextFor(workspace), { kind: 'borrowers', file: csv }));
    } finally {
      workspace.close();
    }
    assert.ok(isRiskDeskError(error), `not a RiskDeskError: ${error.message}`);
    assert.equal(error.code, 'JOB_FAILED');
    assert.equal(error.message, `The import of ${csv} stopped because the disk holding ${small} is full; nothing was written. Free some space there and import again.`);
    // A user frees space, then finds the workspace as it was.
    fs.rmSync(path.join(small, 'filler'));
    assert.deepEqual(await stateOf(file), { ...before, intact: true });
    assert.deepEqual(fs.readdirSync(small).sort(), ['desk.rdw', 'desk.rdw.keyring']);
    fs.rmSync(file);
    fs.rmSync(`${file}.keyring`);
  });

  it('during a backup onto it: BACKUP_FAILED naming the disk, no file left there, and the workspace as before', async () => {
    const file = path.join(dir, 'source.rdw');
    const workspace = await createWorkspace({ path: file, username: 'admin', passphrase: ADMIN_PASSPHRASE });
    const target = path.join(small, 'backup.rdw');
    let error: Error;
    try {
      await importCsv(contextFor(workspace), { kind: 'borrowers', file: csv });
      fillUpTo(small, 128 * 1024);
      error = await failure(backupWorkspace(contextFor(workspace), { to: target }));
    } finally {
      workspace.close();
    }
    assert.ok(isRiskDeskError(error), `not a RiskDeskError: ${error.message}`);
    assert.equal(error.code, 'BACKUP_FAILED');
    assert.equal(error.message, `Backup to ${target} failed because the disk holding ${small} is full; no backup was made and the workspace is unchanged. Free some space there (or choose another folder) and back up again.`);
    assert.deepEqual(fs.readdirSync(small), ['filler'], 'no partial copy, journal or keyring left on the full disk');
    const after = await stateOf(file);
    assert.equal(after.intact, true);
    assert.equal(after.borrowers, 20_000);
  });
});
