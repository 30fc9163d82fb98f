import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { removeAbandonedTemps } from './atomic-file.ts';
import { appendAuditEvent } from './audit.ts';
import { checkpointWal, inTransaction, openEncryptedDatabase, type Db } from './database.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { DEFAULT_BASE_CURRENCY } from '../../preload/contract/vocabulary.ts';
import {
  checkPassphraseStrength,
  findEntry,
  isSealedEntry,
  keyringPathFor,
  readKeyring,
  unwrapDataKey,
  wrapDataKey,
  writeKeyring,
  type Keyring,
  type KeyringEntry,
} from './keyring.ts';
import { migrate } from './migrate.ts';
import { pendingOutputsPathFor, removeAbandonedOutputs } from './pending-outputs.ts';
import type { Role } from './roles.ts';
import { auditUnlockFailures, unlockFailuresPathFor } from './unlock-failures.ts';
import { defaultUnlockThrottle, type UnlockThrottle } from './unlock-throttle.ts';
import { findUser, insertUser, USERNAME_PATTERN } from './users.ts';
import { assertKeyringMatches, readDatabaseSalt } from './workspace-identity.ts';
import type { WriterSpec } from './write-connection.ts';
import { insertWorkspaceMeta, storedWorkspaceId } from './workspace-meta.ts';
import { recoverInterruptedSwap } from './workspace-swap.ts';

/** User names tried are recorded (for the audit trail) up to this length. */
const MAX_RECORDED_USERNAME = 64;

export interface WorkspaceUser {
  readonly username: string;
  readonly role: Role;
}

export function checkUsername(username: string): void {
  if (!USERNAME_PATTERN.test(username)) {
    throw new RiskDeskError('INVALID_ARGUMENT', `User name "${username}" is not allowed: use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.`);
  }
}

/**
 * An unlocked workspace: the single writable connection, the acting user, and the data key (private to this
 * object; handed out only as a reader spec for worker threads in this process).
 */
export class Workspace {
  readonly path: string;
  readonly keyringPath: string;
  readonly id: string;
  readonly db: Db;
  readonly user: WorkspaceUser;
  readonly #key: Buffer;

  private constructor(path: string, id: string, db: Db, user: WorkspaceUser, key: Buffer) {
    this.path = path;
    this.keyringPath = keyringPathFor(path);
    this.id = id;
    this.db = db;
    this.user = user;
    this.#key = key;
  }

  /**
   * Creates the database and its keyring with one admin. Refuses to touch existing files. `initialise` writes what
   * every new workspace starts with (services seed the shipped defaults) in the creation's transaction.
   */
  static async create(options: { path: string; username: string; passphrase: string; now: Date; initialise?: (db: Db) => void }): Promise<Workspace> {
    const { path, username, passphrase } = options;
    const keyringPath = keyringPathFor(path);
    checkUsername(username);
    checkPassphraseStrength(passphrase);
    for (const existing of [path, keyringPath]) {
      if (fs.existsSync(existing)) throw new RiskDeskError('WORKSPACE_EXISTS', `${existing} already exists; RiskDesk will not overwrite it. Choose another path.`);
    }
    const key = randomBytes(32);
    const id = randomUUID();
    const entry = await wrapDataKey(key, id, username, passphrase);
    const at = options.now.toISOString();
    let db: Db | undefined;
    try {
      // An empty file is a valid new SQLite database; creating it first makes it private to its owner (SQLite
      // gives its -wal and -shm files the same mode).
      fs.writeFileSync(path, '', { mode: 0o600, flag: 'wx' });
      db = openEncryptedDatabase(path, key, { create: true });
      migrate(db, path);
      const opened = db;
      inTransaction(opened, () => {
        insertWorkspaceMeta(opened, { workspaceId: id, createdAt: at, baseCurrency: DEFAULT_BASE_CURRENCY });
        insertUser(opened, { username, role: 'admin', created_at: at, created_by: username });
        appendAuditEvent(opened, { actor: username, action: 'workspace.create', subject: `workspace:${id}`, details: {}, at });
        appendAuditEvent(opened, { actor: username, action: 'user.add', subject: `user:${username}`, details: { role: 'admin' }, at });
        options.initialise?.(opened);
      });
      // The salt is in page 1 of the main file, which WAL mode writes only at a checkpoint.
      checkpointWal(opened);
      const dbSalt = readDatabaseSalt(path).toString('hex');
      writeKeyring(keyringPath, { format: 'riskdesk-keyring', version: 2, workspaceId: id, dbSalt, defaultUser: username, entries: [entry] });
      return new Workspace(path, id, opened, { username, role: 'admin' }, key);
    } catch (error) {
      db?.close();
      for (const file of [path, `${path}-wal`, `${path}-shm`, keyringPath]) fs.rmSync(file, { force: true });
      throw error;
    }
  }

  /**
   * Unlocks a workspace for one user. Every check before the key is unwrapped only reads the workspace, so a
   * wrong passphrase or a foreign keyring leaves both files exactly as they were; a failed check is counted
   * beside the workspace (or beside `countFailuresAs`, the backup a restore unlocks a copy of) and written into
   * the audit trail by the next successful unlock. A replacement of the workspace that a kill interrupted is finished
   * first (it is what makes the files a pair again), and once unlocked, what killed backups and exports left is removed.
   */
  static async open(options: { path: string; username?: string; passphrase: string; throttle?: UnlockThrottle; countFailuresAs?: string; now?: () => Date }): Promise<Workspace> {
    const { path, passphrase } = options;
    const throttle = options.throttle ?? defaultUnlockThrottle;
    const counted = options.countFailuresAs ?? path;
    const keyringPath = keyringPathFor(path);
    recoverInterruptedSwap(path);
    if (!fs.existsSync(path)) throw new RiskDeskError('WORKSPACE_NOT_FOUND', `There is no workspace at ${path}.`);
    const keyring = readKeyring(keyringPath);
    assertKeyringMatches(path, keyringPath, keyring);
    const username = options.username ?? keyring.defaultUser;
    const attempt = await throttle.attempt({
      workspace: counted,
      username: username.slice(0, MAX_RECORDED_USERNAME),
      check: async () => {
        const entry = findEntry(keyring, username);
        if (!entry) return 'unknown_user';
        return (await unwrapDataKey(entry, keyring.workspaceId, passphrase)) ?? 'bad_passphrase';
      },
    });
    if (!attempt.ok) {
      const slowed = `${attempt.failures} failed ${attempt.failures === 1 ? 'attempt' : 'attempts'} in a row; this answer waited ${attempt.delayMs / 1000} s, and the next failure waits ${throttle.delayAfter(attempt.failures + 1) / 1000} s`;
      const details = { failures: attempt.failures, delayMs: attempt.delayMs };
      if (attempt.outcome === 'unknown_user') throw new RiskDeskError('UNKNOWN_USER', `${path} has no user "${username}" (${slowed}).`, details);
      throw new RiskDeskError('BAD_PASSPHRASE', `Wrong passphrase for ${username} on ${path}. Nothing was changed (${slowed}).`, details);
    }
    const key = attempt.value;

    const db = openEncryptedDatabase(path, key);
    try {
      migrate(db, path);
      if (storedWorkspaceId(db) !== keyring.workspaceId) {
        throw new RiskDeskError('KEYRING_MISMATCH', `The keyring ${keyringPath} does not belong to ${path} (workspace ids differ).`);
      }
      const user = findUser(db, username);
      if (!user) throw new RiskDeskError('UNKNOWN_USER', `${path} has a key for "${username}" but no such user; ask an admin to remove the stale keyring entry.`);
      auditUnlockFailures(db, counted, { workspaceId: keyring.workspaceId, unlockedBy: user.username, now: (options.now ?? (() => new Date()))() });
      throttle.recordSuccess(counted);
      removeAbandonedOutputs(path);
      removeAbandonedTemps([keyringPath, unlockFailuresPathFor(path), pendingOutputsPathFor(path)]);
      const workspace = new Workspace(path, keyring.workspaceId, db, { username: user.username, role: user.role }, key);
      const entry = findEntry(keyring, username);
      if (entry && !isSealedEntry(entry)) await workspace.#upgradeLegacyEntry(username, passphrase);
      return workspace;
    } catch (error) {
      db.close();
      throw error;
    }
  }

  readerSpec(): { path: string; key: Buffer } {
    return { path: this.path, key: this.#key };
  }

  /**
   * Where a writing job (a credit run on a worker) opens its own writable connection. Main is the single writer:
   * ask for this only while holding the write lock (the API's job registry does so for jobs that write; the CLI
   * runs one command at a time), and only for the job that runs under it.
   */
  writerSpec(): WriterSpec {
    return { access: 'write', path: this.path, key: this.#key };
  }

  readKeyring(): Keyring {
    return readKeyring(this.keyringPath);
  }

  /** Wraps this workspace's data key for a user (slow: scrypt). Do it before opening the transaction. */
  wrapKeyFor(username: string, passphrase: string): Promise<KeyringEntry> {
    return wrapDataKey(this.#key, this.id, username, passphrase);
  }

  /**
   * Applies a database change (with its audit event) and a keyring rewrite together: the keyring is replaced
   * atomically inside the transaction, and put back if the commit then fails.
   */
  changeKeyring(nextKeyring: (current: Keyring) => Keyring, databaseChange: () => void): void {
    // Read under the write lock, so that two processes changing the keyring do not lose each other's change.
    let before: Keyring | undefined;
    let keyringWritten = false;
    try {
      inTransaction(this.db, () => {
        before = this.readKeyring();
        databaseChange();
        writeKeyring(this.keyringPath, nextKeyring(before));
        keyringWritten = true;
      });
    } catch (error) {
      if (keyringWritten && before) writeKeyring(this.keyringPath, before);
      throw error;
    }
  }

  /**
   * A version 1 entry (the data key wrapped directly under the passphrase) cannot be re-keyed without the user, so
   * the first unlock that has the passphrase replaces it with a sealed (version 2) entry.
   */
  async #upgradeLegacyEntry(username: string, passphrase: string): Promise<void> {
    const upgraded = await this.wrapKeyFor(username, passphrase);
    this.changeKeyring(
      (keyring) => ({ ...keyring, entries: keyring.entries.map((e) => (e.username === username ? upgraded : e)) }),
      () => undefined,
    );
  }

  /** Backups carry a copy of the keyring; the salt is re-read from the copy's own first bytes. */
  writeKeyringForCopy(copyPath: string): void {
    const current = this.readKeyring();
    writeKeyring(keyringPathFor(copyPath), { ...current, dbSalt: readDatabaseSalt(copyPath).toString('hex') });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
