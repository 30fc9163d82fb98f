import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fsyncFile } from '../store/atomic-file.ts';
import { appendAuditEvent } from '../store/audit.ts';
import { checkpointWal, inTransaction, openEncryptedDatabase, rekeyDatabaseFile, sqliteSideFiles } from '../store/database.ts';
import { copyProblem, vacuumInto } from '../store/database-copy.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { findEntry, isSealedEntry, keyringPathFor, readKeyring, resealDataKey, writeKeyring, type Keyring, type SealedKeyringEntry } from '../store/keyring.ts';
import { createOwnerOnlyFile } from '../store/owner-only-file.ts';
import { pendingOutputsOf } from '../store/pending-outputs.ts';
import { listUsers } from '../store/users.ts';
import { readDatabaseSalt } from '../store/workspace-identity.ts';
import { swapInWorkspace } from '../store/workspace-swap.ts';
import type { ServiceContext } from './context.ts';
import { requirePermission } from './permissions.ts';

/**
 * Re-keying gives the workspace a new random data key, so that a keyring entry someone kept (a removed user's, or an
 * old copy of the keyring) no longer opens it. Every remaining user's entry gets the new key sealed to their public
 * key (keyring.ts), so nobody needs a new passphrase. Backups made before the re-key are copies under the old key and
 * still open with the keyring beside them: delete them, or keep them as safely as the old keyring.
 */
export interface RekeyRequest {
  path: string;
  workspaceId: string;
  /** A copy of the current data key: the workspace is locked before the re-key runs. Zeroed by `rekeyWorkspace`. */
  key: Buffer;
  actor: string;
  /** The user whose removal this re-key follows, for the audit trail. */
  removedUser?: string;
  now: () => Date;
}

const STAGED_SUFFIX = '.rekeying';

/**
 * Checks, while the session is still unlocked, that a re-key can reach every user (but `removedUser`, when the re-key
 * follows their removal in the same command), and captures what it needs. An
 * entry from before keyring version 2 cannot be sealed to: its user must unlock once (which upgrades it), or an admin
 * resets their passphrase.
 */
export function rekeyRequestFor(ctx: ServiceContext, options: { removedUser?: string } = {}): RekeyRequest {
  requirePermission(ctx.actor, 'users.manage');
  const { workspace } = ctx;
  const staying = listUsers(ctx.reader).map((u) => u.username).filter((name) => name !== options.removedUser);
  sealableEntries(workspace.readKeyring(), staying, workspace.path);
  return {
    path: workspace.path,
    workspaceId: workspace.id,
    key: Buffer.from(workspace.readerSpec().key),
    actor: ctx.actor.username,
    ...(options.removedUser ? { removedUser: options.removedUser } : {}),
    now: ctx.now,
  };
}

/** Each user's entry, sealable; refuses (naming them) when some user cannot be sealed to. */
function sealableEntries(keyring: Keyring, usernames: string[], path: string): SealedKeyringEntry[] {
  const entries: SealedKeyringEntry[] = [];
  const blocked: string[] = [];
  for (const username of usernames) {
    const entry = findEntry(keyring, username);
    if (entry && isSealedEntry(entry)) entries.push(entry);
    else blocked.push(username);
  }
  if (blocked.length > 0) {
    throw new RiskDeskError(
      'REKEY_BLOCKED',
      `${path} cannot be re-keyed yet: ${blocked.join(', ')} ${blocked.length === 1 ? 'has' : 'have'} a keyring entry from an earlier version, which only their own passphrase can renew. Ask ${blocked.length === 1 ? 'them' : 'each of them'} to unlock once (or reset their passphrase), then re-key. Nothing was changed.`,
      { users: blocked },
    );
  }
  return entries;
}

/**
 * SQLite's side files of the staged copy (its read-only check leaves an empty -wal and -shm); the pair itself only
 * with `pair`. Only files: anything else under those names is not ours, and makes the copy fail with its reason.
 */
function removeStaged(staged: string, options: { pair: boolean }): void {
  const sideFiles = sqliteSideFiles(staged);
  for (const f of options.pair ? [staged, keyringPathFor(staged), ...sideFiles] : sideFiles) {
    if (fs.lstatSync(f, { throwIfNoEntry: false })?.isFile()) fs.rmSync(f);
  }
}

/**
 * Copies the workspace (VACUUM INTO an owner-only file), re-encrypts the copy under a new random key, audits the
 * re-key in it, checks it, writes its keyring (the new key sealed to each remaining user) and swaps the pair in
 * (workspace-swap.ts: a kill leaves the old pair or the new one). Run it with the workspace closed in this process.
 */
export function rekeyWorkspace(request: RekeyRequest): { path: string; users: string[] } {
  const { path, workspaceId } = request;
  const staged = `${path}${STAGED_SUFFIX}`;
  const newKey = randomBytes(32);
  // Listed while it exists, so that a kill before the swap leaves it only until the next unlock.
  const pending = pendingOutputsOf(path);
  let swapping = false;
  try {
    removeStaged(staged, { pair: true });
    pending.add(staged);
    createOwnerOnlyFile(staged);
    const source = openEncryptedDatabase(path, request.key);
    try {
      vacuumInto(source, staged);
    } finally {
      source.close();
    }
    rekeyDatabaseFile(staged, request.key, newKey);
    const keyring = readKeyring(keyringPathFor(path));
    const copy = openEncryptedDatabase(staged, newKey);
    let entries: SealedKeyringEntry[];
    try {
      const usernames = listUsers(copy).map((u) => u.username);
      entries = sealableEntries(keyring, usernames, path);
      inTransaction(copy, () => {
        appendAuditEvent(copy, {
          actor: request.actor,
          action: 'workspace.rekey',
          subject: `workspace:${workspaceId}`,
          details: { users: usernames, ...(request.removedUser ? { removedUser: request.removedUser } : {}) },
          at: request.now().toISOString(),
        });
      });
      // Into the file itself: the copy is renamed into place without its -wal.
      checkpointWal(copy);
    } finally {
      copy.close();
    }
    fsyncFile(staged);
    const problem = copyProblem(staged, newKey, workspaceId);
    if (problem) throw new RiskDeskError('REKEY_FAILED', `The re-keyed copy of ${path} failed its check (${problem}); the workspace is unchanged under its old key.`);
    writeKeyring(keyringPathFor(staged), {
      ...keyring,
      dbSalt: readDatabaseSalt(staged).toString('hex'),
      entries: entries.map((entry) => resealDataKey(entry, newKey, workspaceId)),
      defaultUser: entries.some((e) => e.username === keyring.defaultUser) ? keyring.defaultUser : request.actor,
    });
    swapping = true;
    swapInWorkspace(staged, path);
    return { path, users: entries.map((e) => e.username) };
  } catch (error) {
    if (error instanceof RiskDeskError) throw error;
    throw new RiskDeskError('REKEY_FAILED', `Re-keying ${path} failed (${(error as Error).message}); the workspace is unchanged under its old key.`);
  } finally {
    // Once the swap has begun, what is left of the staged pair is the swap's to finish (at the next open).
    removeStaged(staged, { pair: !swapping });
    pending.remove(staged);
    newKey.fill(0);
    request.key.fill(0);
  }
}
