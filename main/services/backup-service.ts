import fs from 'node:fs';
import path from 'node:path';
import { fsyncDirectory, fsyncFile } from '../store/atomic-file.ts';
import { appendAuditEvent } from '../store/audit.ts';
import { appendBackupEvent, recordedBackupHashes } from '../store/backup-events.ts';
import { checkpointWal, inTransaction, sqliteSideFiles } from '../store/database.ts';
import { auditHeadOfCopy, copyProblem, vacuumInto } from '../store/database-copy.ts';
import { diskFullSentence, isDiskFull } from '../store/disk-full.ts';
import { isRiskDeskError, RiskDeskError } from '../../preload/contract/errors.ts';
import { sha256File } from '../store/file-digest.ts';
import { keyringPathFor, readKeyring } from '../store/keyring.ts';
import { copyToOwnerOnlyFile, createOwnerOnlyFile } from '../store/owner-only-file.ts';
import { pendingOutputsOf } from '../store/pending-outputs.ts';
import type { UnlockThrottle } from '../store/unlock-throttle.ts';
import { assertKeyringMatches } from '../store/workspace-identity.ts';
import { Workspace } from '../store/workspace.ts';
import { recoverInterruptedSwap, swapInWorkspace } from '../store/workspace-swap.ts';
import type { JobCallOptions, ServiceContext, ServiceWorkspace } from './context.ts';
import { requirePermission } from './permissions.ts';
import { aboutTheBackup, damagedBackup } from './restore-errors.ts';

export interface BackupSummary {
  path: string;
  keyringPath: string;
  bytes: number;
  sha256: string;
  /** The audit chain's head inside the backup: noted outside the workspace, it later shows whether newer events were cut off. */
  auditHead: { seq: number; hash: string };
}

function isPresent(file: string): boolean {
  return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}

/**
 * What a backup killed between its two renames leaves: the database under its final name without its keyring,
 * byte for byte a file this workspace's audit trail records backing up to that path. A retry may replace it.
 */
async function isUnfinishedBackupOf(workspace: ServiceWorkspace, file: string): Promise<boolean> {
  const recorded = recordedBackupHashes(workspace.db, workspace.id, file);
  return recorded.length > 0 && fs.lstatSync(file).isFile() && recorded.includes(await sha256File(file));
}

/** A backup never replaces anything but its own unfinished self. */
async function refuseExisting(workspace: ServiceWorkspace, target: string): Promise<void> {
  const keyring = keyringPathFor(target);
  if (isPresent(keyring)) throw new RiskDeskError('WORKSPACE_EXISTS', `${keyring} already exists; choose a new backup path.`);
  if (!isPresent(target) || (await isUnfinishedBackupOf(workspace, target))) return;
  throw new RiskDeskError('WORKSPACE_EXISTS', `${target} already exists (and is not an unfinished backup of this workspace); choose a new backup path.`);
}

function removeDatabaseFiles(file: string): void {
  // VACUUM INTO writes its target through a rollback journal, which a failed copy (a full disk) leaves behind.
  for (const f of [file, ...sqliteSideFiles(file), keyringPathFor(file)]) fs.rmSync(f, { force: true });
}

/** VACUUM INTO a new owner-only file, synced to disk (SQLite does not), checked, with its keyring beside it. */
function writeCheckedCopy(workspace: ServiceWorkspace, copy: string): void {
  createOwnerOnlyFile(copy);
  vacuumInto(workspace.db, copy);
  fsyncFile(copy);
  const problem = copyProblem(copy, workspace.readerSpec().key, workspace.id);
  if (problem) throw new RiskDeskError('BACKUP_FAILED', `The copy of workspace ${workspace.id} failed its check (${problem}); no backup was made.`);
  workspace.writeKeyringForCopy(copy);
}

/**
 * Online backup: VACUUM INTO writes a consistent, compacted snapshot encrypted with the same key (readers and
 * the writer carry on meanwhile). The copy and its own keyring are written and checked under temporary names;
 * its audit event commits in the source before they take their final names, so a backup under its final name
 * is always audited. The database is renamed first: killed before its keyring follows, it is left keyring-less,
 * and a retry to the same path recognises it by its audit event and replaces it. The copy is named in the
 * workspace's pending outputs while it exists, so that a kill leaves it only until the workspace's next unlock.
 */
export async function backupWorkspace(ctx: ServiceContext, request: { to: string }, call: JobCallOptions<'backup'> = {}): Promise<BackupSummary> {
  requirePermission(ctx.actor, 'workspace.backup');
  const { workspace } = ctx;
  call.onProgress?.({ done: 0, total: 1, phase: 'copying' });
  const destination = path.resolve(request.to);
  await refuseExisting(workspace, destination);
  const partial = `${destination}.partial`;
  const pending = pendingOutputsOf(workspace.path);
  // Which disk a full disk is: the backup's until the copy is whole, then the workspace's, for its audit event.
  let writingTo = destination;
  try {
    pending.add(partial);
    removeDatabaseFiles(partial);
    writeCheckedCopy(workspace, partial);
    const backup = { file: destination, bytes: fs.statSync(partial).size, sha256: await sha256File(partial), auditHead: auditHeadOfCopy(partial, workspace.readerSpec().key) };
    writingTo = workspace.path;
    inTransaction(workspace.db, () => {
      appendBackupEvent(workspace.db, { actor: ctx.actor.username, workspaceId: workspace.id, at: ctx.now().toISOString(), backup });
    });
    fs.renameSync(partial, destination);
    fs.renameSync(keyringPathFor(partial), keyringPathFor(destination));
    fsyncDirectory(path.dirname(destination));
    call.onProgress?.({ done: 1, total: 1, phase: 'copied' });
    return { path: destination, keyringPath: keyringPathFor(destination), bytes: backup.bytes, sha256: backup.sha256, auditHead: backup.auditHead };
  } catch (error) {
    removeDatabaseFiles(partial);
    if (error instanceof RiskDeskError) throw error;
    if (isDiskFull(error)) {
      throw new RiskDeskError('BACKUP_FAILED', `Backup to ${destination} failed because ${diskFullSentence(writingTo)}; no backup was made and the workspace is unchanged. Free some space there (or choose another folder) and back up again.`, { diskFull: true });
    }
    throw new RiskDeskError('BACKUP_FAILED', `Backup to ${destination} failed: ${(error as Error).message}`);
  } finally {
    pending.remove(partial);
  }
}

/** The checks that need no key, made on the backup itself (reading only), so that each names the file the user gave. */
function checkBackupFiles(from: string): void {
  const stat = fs.statSync(from, { throwIfNoEntry: false });
  if (!stat) throw new RiskDeskError('WORKSPACE_NOT_FOUND', `There is no backup at ${from}.`);
  if (stat.isFile() && stat.size === 0) throw new RiskDeskError('NOT_A_WORKSPACE', `${from} is empty (0 bytes): it is not a RiskDesk backup.`);
  const keyringPath = keyringPathFor(from);
  if (!isPresent(keyringPath)) throw new RiskDeskError('KEYRING_MISSING', `The backup's keyring ${keyringPath} is missing.`);
  assertKeyringMatches(from, keyringPath, readKeyring(keyringPath));
}

/** Unlocks the staged copy as an admin of the backup, checks it fully and audits the restore in it. */
async function auditRestoreInCopy(copy: string, from: string, sha256: string, request: RestoreRequest): Promise<void> {
  // Wrong passphrases count against the backup (a new copy is made for every attempt), and reach the
  // restored workspace's audit trail once an attempt succeeds.
  const restored = await Workspace.open({ path: copy, username: request.username, passphrase: request.passphrase, throttle: request.throttle, countFailuresAs: from, ...(request.now ? { now: request.now } : {}) });
  try {
    requirePermission(restored.user, 'workspace.restore');
    const problem = copyProblem(copy, restored.readerSpec().key, restored.id);
    if (problem) throw damagedBackup(from, problem);
    inTransaction(restored.db, () => {
      appendAuditEvent(restored.db, {
        actor: restored.user.username,
        action: 'workspace.restore',
        subject: `workspace:${restored.id}`,
        details: { from, sha256 },
        at: (request.now ?? (() => new Date()))().toISOString(),
      });
    });
    // Into the file itself: the copy is renamed into place without its -wal.
    checkpointWal(restored.db);
  } finally {
    restored.close();
  }
}

export interface RestoreRequest {
  from: string;
  target: string;
  username?: string;
  passphrase: string;
  force?: boolean;
  throttle?: UnlockThrottle;
  now?: () => Date;
}

/**
 * A session's restore over its own workspace, by its own user, checked as far as it can be without unlocking the
 * backup: the checks come before the session is locked for the restore, so a mistyped path does not end it. The
 * backup is another file than the workspace, and its keyring, which the restore reads too, passes `checkFile` as
 * the backup did (for the API: inside the allowed folder, not a link to a file elsewhere); a missing keyring is the
 * restore's to report. Run the request with `restoreWorkspace` once the session is locked.
 */
export function restoreRequestFor(ctx: ServiceContext, request: { from: string; passphrase: string; checkFile: (file: string) => unknown }): RestoreRequest {
  requirePermission(ctx.actor, 'workspace.restore');
  const target = ctx.workspace.path;
  if (request.from === target) throw new RiskDeskError('INVALID_ARGUMENT', 'A workspace cannot be restored from itself; choose a backup file.');
  if (isPresent(keyringPathFor(request.from))) request.checkFile(keyringPathFor(request.from));
  return { from: request.from, target, username: ctx.actor.username, passphrase: request.passphrase, force: true };
}

/**
 * Restores a backup (database and keyring) to `target`. The backup itself is never modified: it is copied
 * aside into owner-only files, unlocked there by an admin of the backup, checked, audited, and only then
 * swapped into place (workspace-swap.ts: a kill leaves the old workspace or the restored one, never half of each).
 * An existing target is replaced only with `force`. Errors name the backup, not the copy. The staging copy is named in
 * the target's pending outputs, so that a restore killed before the swap leaves it only until the next unlock.
 */
export async function restoreWorkspace(request: RestoreRequest): Promise<{ path: string; restoredFrom: string; sha256: string }> {
  const from = path.resolve(request.from);
  const target = path.resolve(request.target);
  if (from === target) throw new RiskDeskError('INVALID_ARGUMENT', 'A backup cannot be restored onto itself.');
  recoverInterruptedSwap(target);
  if (!request.force && (fs.existsSync(target) || fs.existsSync(keyringPathFor(target)))) {
    throw new RiskDeskError('WORKSPACE_EXISTS', `${target} already exists; pass --force to replace it with the backup.`);
  }
  checkBackupFiles(from);
  const sha256 = await sha256File(from);
  const staging = `${target}.restoring`;
  const pending = pendingOutputsOf(target);
  try {
    pending.add(staging);
    removeDatabaseFiles(staging);
    copyToOwnerOnlyFile(from, staging);
    copyToOwnerOnlyFile(keyringPathFor(from), keyringPathFor(staging));
    await auditRestoreInCopy(staging, from, sha256, request).catch((error: unknown) => {
      throw aboutTheBackup(error, { copy: staging, backup: from });
    });
    swapInWorkspace(staging, target);
  } catch (error) {
    if (isRiskDeskError(error)) throw error;
    throw new RiskDeskError('BACKUP_FAILED', `Could not restore ${from} to ${target}: ${(error as Error).message}`);
  } finally {
    removeDatabaseFiles(staging);
    pending.remove(staging);
  }
  return { path: target, restoredFrom: from, sha256 };
}
