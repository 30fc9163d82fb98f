import fs from 'node:fs';
import path from 'node:path';
import { fsyncDirectory } from '../store/atomic-file.ts';
import { appendAuditEvent } from '../store/audit.ts';
import { inTransaction, openEncryptedDatabase } from '../store/database.ts';
import { RiskDeskError } from '../store/errors.ts';
import { sha256File } from '../store/file-digest.ts';
import { keyringPathFor } from '../store/keyring.ts';
import type { UnlockThrottle } from '../store/unlock-throttle.ts';
import { Workspace } from '../store/workspace.ts';
import { requirePermission } from './permissions.ts';

export interface BackupSummary {
  path: string;
  keyringPath: string;
  bytes: number;
  sha256: string;
}

function refuseExisting(target: string): void {
  for (const file of [target, keyringPathFor(target)]) {
    if (fs.existsSync(file)) throw new RiskDeskError('WORKSPACE_EXISTS', `${file} already exists; choose a new backup path.`);
  }
}

function removeDatabaseFiles(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, keyringPathFor(file)]) fs.rmSync(f, { force: true });
}

/** Opens a copy with the workspace key and runs SQLite's full integrity check; throws unless it is clean. */
function verifyCopy(copy: string, key: Buffer, workspaceId: string): void {
  const db = openEncryptedDatabase(copy, key, { readonly: true });
  try {
    const result = db.pragma('integrity_check') as { integrity_check: string }[];
    if (result.length !== 1 || result[0]?.integrity_check !== 'ok') {
      throw new RiskDeskError('BACKUP_FAILED', `${copy} failed its integrity check: ${result.map((r) => r.integrity_check).slice(0, 3).join('; ')}`);
    }
    const id = (db.prepare(`SELECT value FROM meta WHERE key = 'workspace_id'`).get() as { value: string } | undefined)?.value;
    if (id !== workspaceId) throw new RiskDeskError('BACKUP_FAILED', `${copy} is not a copy of workspace ${workspaceId}.`);
  } finally {
    db.close();
  }
}

/**
 * Online backup: VACUUM INTO writes a consistent, compacted snapshot encrypted with the same key (readers and
 * the writer carry on meanwhile). The copy is checked before it takes its final name, and gets its own keyring.
 */
export async function backupWorkspace(workspace: Workspace, target: string, now = () => new Date()): Promise<BackupSummary> {
  requirePermission(workspace.user, 'workspace.backup');
  const destination = path.resolve(target);
  refuseExisting(destination);
  const partial = `${destination}.partial`;
  removeDatabaseFiles(partial);
  try {
    workspace.db.prepare('VACUUM INTO ?').run(partial);
    const { key } = workspace.readerSpec();
    verifyCopy(partial, key, workspace.id);
    fs.renameSync(partial, destination);
    fsyncDirectory(path.dirname(destination));
    workspace.writeKeyringForCopy(destination);
  } catch (error) {
    removeDatabaseFiles(partial);
    if (error instanceof RiskDeskError) throw error;
    throw new RiskDeskError('BACKUP_FAILED', `Backup to ${destination} failed: ${(error as Error).message}`);
  }
  const summary: BackupSummary = { path: destination, keyringPath: keyringPathFor(destination), bytes: fs.statSync(destination).size, sha256: await sha256File(destination) };
  inTransaction(workspace.db, () => {
    appendAuditEvent(workspace.db, {
      actor: workspace.user.username,
      action: 'workspace.backup',
      subject: `workspace:${workspace.id}`,
      details: { file: summary.path, bytes: summary.bytes, sha256: summary.sha256 },
      at: now().toISOString(),
    });
  });
  return summary;
}

/**
 * Restores a backup (database and keyring) to `target`. The backup itself is never modified: it is copied
 * aside, unlocked there by an admin of the backup, checked, audited, and only then renamed into place.
 * An existing target is replaced only with `force`.
 */
export async function restoreWorkspace(request: {
  from: string;
  target: string;
  username?: string;
  passphrase: string;
  force?: boolean;
  throttle?: UnlockThrottle;
  now?: () => Date;
}): Promise<{ path: string; restoredFrom: string; sha256: string }> {
  const from = path.resolve(request.from);
  const target = path.resolve(request.target);
  if (from === target) throw new RiskDeskError('INVALID_ARGUMENT', 'A backup cannot be restored onto itself.');
  if (!request.force && (fs.existsSync(target) || fs.existsSync(keyringPathFor(target)))) {
    throw new RiskDeskError('WORKSPACE_EXISTS', `${target} already exists; pass --force to replace it with the backup.`);
  }
  if (!fs.existsSync(from)) throw new RiskDeskError('WORKSPACE_NOT_FOUND', `There is no backup at ${from}.`);
  if (!fs.existsSync(keyringPathFor(from))) throw new RiskDeskError('KEYRING_MISSING', `The backup's keyring ${keyringPathFor(from)} is missing.`);
  const sha256 = await sha256File(from);
  const staging = `${target}.restoring`;
  removeDatabaseFiles(staging);
  try {
    fs.copyFileSync(from, staging);
    fs.copyFileSync(keyringPathFor(from), keyringPathFor(staging));
    const restored = await Workspace.open({ path: staging, username: request.username, passphrase: request.passphrase, throttle: request.throttle });
    try {
      requirePermission(restored.user, 'workspace.restore');
      verifyCopy(staging, restored.readerSpec().key, restored.id);
      inTransaction(restored.db, () => {
        appendAuditEvent(restored.db, {
          actor: restored.user.username,
          action: 'workspace.restore',
          subject: `workspace:${restored.id}`,
          details: { from, sha256 },
          at: (request.now ?? (() => new Date()))().toISOString(),
        });
      });
      restored.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      restored.close();
    }
    // A stale WAL beside the old target would be replayed into the restored file: remove it first.
    for (const f of [`${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    fs.renameSync(keyringPathFor(staging), keyringPathFor(target));
    fs.renameSync(staging, target);
    fsyncDirectory(path.dirname(target));
  } finally {
    removeDatabaseFiles(staging);
  }
  return { path: target, restoredFrom: from, sha256 };
}
