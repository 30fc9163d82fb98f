import Database from 'better-sqlite3-multiple-ciphers';
import { RiskDeskError } from '../../preload/contract/errors.ts';

export type Db = Database.Database;

const DATA_KEY_BYTES = 32;

/**
 * Opens a SQLCipher 4 database with a raw 32-byte key (no passphrase KDF: the key is random).
 * The key is handed to SQLite as hex inside this function only and is never kept in a string elsewhere.
 * SQLCipher reports a wrong key or a damaged file only on the first read, so the probe query is part of opening.
 */
export function openEncryptedDatabase(path: string, key: Buffer, options: { readonly?: boolean; create?: boolean } = {}): Db {
  if (key.length !== DATA_KEY_BYTES) throw new Error(`internal: data key must be ${DATA_KEY_BYTES} bytes`);
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: !options.create });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    // Temp tables and sort spills stay in memory: SQLite's temp files are not covered by the cipher.
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    db.close();
    if (isSqliteCode(error, 'SQLITE_NOTADB')) {
      throw new RiskDeskError('WORKSPACE_DAMAGED', `${path} could not be decrypted with its key: the file is damaged or is not this keyring's workspace.`);
    }
    throw error;
  }
}

/** The files SQLite keeps beside a database: its rollback journal, or its WAL and shared-memory index. */
export function sqliteSideFiles(file: string): string[] {
  return [`${file}-journal`, `${file}-wal`, `${file}-shm`];
}

export function isSqliteCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && error.code.startsWith(code);
}

/** Runs `fn` in an IMMEDIATE transaction (takes the write lock up front, so no upgrade deadlocks). */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * BEGIN IMMEDIATE … COMMIT around an async body (a streamed file needs awaits, which better-sqlite3's
 * `transaction()` cannot span); any error rolls it back. The connection is shared, so this refuses to start inside
 * someone else's transaction rather than silently joining it. A refusal is JOB_FAILED, its message beginning with
 * `notDone` ("data.csv was not imported").
 */
export async function inAsyncTransaction<T>(db: Db, notDone: string, body: () => Promise<T>): Promise<T> {
  if (db.inTransaction) {
    throw new RiskDeskError('JOB_FAILED', `${notDone}: another change to the workspace is in progress. Try again when it has finished.`);
  }
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if (isSqliteCode(error, 'SQLITE_BUSY')) {
      throw new RiskDeskError('JOB_FAILED', `${notDone}: the workspace is busy with another writer. Try again in a moment.`);
    }
    throw error;
  }
  try {
    const result = await body();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Copies the WAL into the database file and empties it. Done when the file itself must hold every commit: a new
 * workspace's salt (page 1, which WAL mode writes only at a checkpoint), a restored copy before it is renamed into
 * place without its -wal.
 */
export function checkpointWal(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/**
 * Re-encrypts a closed database file under `newKey`, in place: SQLCipher rewrites every page (and a new salt) in one
 * transaction. Only for a file nothing else has open, such as a `VACUUM INTO` copy; WAL mode cannot re-key, so the
 * file is switched to a rollback journal first (opening it as a workspace switches it back).
 */
export function rekeyDatabaseFile(path: string, oldKey: Buffer, newKey: Buffer): void {
  if (newKey.length !== DATA_KEY_BYTES) throw new Error(`internal: data key must be ${DATA_KEY_BYTES} bytes`);
  const db = openEncryptedDatabase(path, oldKey);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey="x'${newKey.toString('hex')}'"`);
  } finally {
    db.close();
  }
}
