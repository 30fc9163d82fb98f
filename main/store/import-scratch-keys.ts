import type { Db } from './database.ts';

/**
 * Where an import remembers the natural keys it has read, to find one that a file repeats.
 *
 * A table in the main database rather than a TEMP table or an in-process Set, so that memory stays flat however
 * long the file: temp_store is MEMORY (SQLite's temp files are not encrypted), so a TEMP table of 10M keys would
 * sit in RAM just as a Set would, whereas a main-database table pages through the bounded cache and is encrypted
 * like the rows it describes. It is created and dropped inside the import's transaction, so no commit ever holds
 * it, and a rollback or a crash (which rolls the transaction back on the next open) takes it away too.
 */
export const SCRATCH_KEYS_TABLE = 'import_scratch_keys';

/** The keys one import has read so far, each with the row it was first read in. */
export interface ScratchKeys {
  /** Remembers `key` as read in `row`; if it was read before, returns the row it was first read in instead. */
  add(key: readonly string[], row: number): number | undefined;
  /** Drops the table; call before the transaction commits. */
  drop(): void;
}

/** A new, empty table for keys of `width` parts. Must run inside the import's transaction (see SCRATCH_KEYS_TABLE). */
export function createScratchKeys(db: Db, width: number): ScratchKeys {
  const parts = Array.from({ length: width }, (_, index) => `k${index}`);
  // Cannot exist unless something committed an import's transaction early; dropping it rather than failing on
  // CREATE keeps one such slip from blocking every later import (and a leftover would report false repeats).
  db.exec(`DROP TABLE IF EXISTS ${SCRATCH_KEYS_TABLE}`);
  db.exec(
    `CREATE TABLE ${SCRATCH_KEYS_TABLE} (${parts.map((k) => `${k} TEXT NOT NULL`).join(', ')}, first_row INTEGER NOT NULL, PRIMARY KEY (${parts.join(', ')})) WITHOUT ROWID`,
  );
  // One statement per row in the usual case; the lookup runs only for a repeat.
  const insert = db.prepare(`INSERT INTO ${SCRATCH_KEYS_TABLE} VALUES (${parts.map(() => '?').join(', ')}, ?) ON CONFLICT DO NOTHING`);
  const firstRow = db.prepare(`SELECT first_row FROM ${SCRATCH_KEYS_TABLE} WHERE ${parts.map((k) => `${k} = ?`).join(' AND ')}`).pluck();
  return {
    add(key, row) {
      if (insert.run(...key, row).changes > 0) return undefined;
      return firstRow.get(...key) as number;
    },
    drop() {
      // Emptied first: a DROP of the full table (which, unlike a bare DELETE, runs under a statement journal,
      // held in RAM by temp_store = MEMORY) raised peak RSS by 40 MB at 1.6M keys and 88 MB at 3.2M; with the
      // DELETE first, by nothing measurable.
      db.exec(`DELETE FROM ${SCRATCH_KEYS_TABLE}`);
      db.exec(`DROP TABLE ${SCRATCH_KEYS_TABLE}`);
    },
  };
}
