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
