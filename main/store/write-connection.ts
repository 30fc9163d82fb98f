import { openEncryptedDatabase, type Db } from './database.ts';

/**
 * Where a writing job opens its writable connection: the workspace file and its data key, like a reader spec, but a
 * type of its own so that a reader spec can never be used to write. Main is the workspace's single writer; it hands
 * a writer spec (Workspace.writerSpec) to one job at a time, only while it holds the session's write lock, so that
 * the job's connection is the only one writing for as long as it is open. Never logged, never in a message.
 */
export interface WriterSpec {
  readonly access: 'write';
  readonly path: string;
  readonly key: Uint8Array;
}

/**
 * Page cache of a writing job's connection. A credit run's million result rows in loan-id order land all over the
 * table's b-tree: with SQLite's default 2 MB cache the insert re-reads (and re-decrypts) pages constantly, 42 s
 * against 15 s with 64 MB.
 */
const WRITER_CACHE_KIB = 64 * 1024;

/** A writable connection for one job; the job closes it when it ends, so that it never outlives the write lock. */
export function openWriteConnection(spec: WriterSpec): Db {
  const db = openEncryptedDatabase(spec.path, Buffer.from(spec.key));
  db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
  return db;
}
