import { openEncryptedDatabase, type Db } from './database.ts';

/** Page cache of a session's read connection: the grid and dashboard re-read the same index pages, and every page read from disk is decrypted again. */
const READER_CACHE_KIB = 64 * 1024;

/**
 * A read-only connection for a session's queries (grid pages, dashboard, exports). In WAL mode it reads the last
 * committed state while the writer works, so nothing half-imported ever shows, and it cannot write at all.
 */
export function openReadConnection(spec: { path: string; key: Buffer }): Db {
  const db = openEncryptedDatabase(spec.path, spec.key, { readonly: true });
  db.pragma(`cache_size = -${READER_CACHE_KIB}`);
  return db;
}

/** Changes whenever another connection (the writer) commits: a cheap key for caching what was read before. */
export function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/** Runs `read` in one read transaction, so that a count and a page see the same snapshot. */
export function inReadSnapshot<T>(db: Db, read: () => T): T {
  return db.transaction(read).deferred();
}

/**
 * A read-only connection of its own holding one read transaction until `close()`, for work that reads across awaits
 * (an evidence pack streams a file at a time): everything it reads shows the same moment, whatever commits meanwhile.
 */
export function openReadSnapshot(spec: { path: string; key: Buffer }): { readonly db: Db; close(): void } {
  const db = openReadConnection(spec);
  db.exec('BEGIN');
  return {
    db,
    close() {
      try {
        if (db.inTransaction) db.exec('COMMIT');
      } finally {
        db.close();
      }
    },
  };
}
