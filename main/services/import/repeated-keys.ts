import type { Db } from '../../store/database.ts';
import type { ImportKind } from '../../../preload/contract/vocabulary.ts';
import { naturalKeyOf } from '../../store/row-writers.ts';
import { echoed, type ProblemLog } from './problems.ts';

/**
 * Where an import remembers the natural keys it has read, to find one that a file repeats (the upsert would
 * otherwise let the later row silently replace the earlier one while both are counted).
 *
 * A table in the main database rather than a TEMP table or an in-process Set, so that memory stays flat however
 * long the file: temp_store is MEMORY (SQLite's temp files are not encrypted), so a TEMP table of 10M keys would
 * sit in RAM just as a Set would, whereas a main-database table pages through the bounded cache and is encrypted
 * like the rows it describes. It is created and dropped inside the import's transaction, so no commit ever holds
 * it, and a rollback or a crash (which rolls the transaction back on the next open) takes it away too.
 */
export const REPEATED_KEYS_TABLE = 'import_scratch_keys';

/** The natural keys read so far from one file. */
export interface RepeatedKeyCheck {
  /** Remembers `record`'s key, or logs a problem naming both rows when an earlier row of the file had it already. */
  remember(record: object, rowNumber: number): void;
  /** Drops the scratch table; call before the transaction commits. */
  drop(): void;
}

/** Must run inside the import's transaction (see REPEATED_KEYS_TABLE). */
export function checkRepeatedKeys(db: Db, kind: ImportKind, log: ProblemLog): RepeatedKeyCheck {
  const columns = naturalKeyOf(kind);
  const keyColumns = columns.map((_, index) => `k${index}`);
  // Cannot exist unless something committed an import's transaction early; dropping it rather than failing on
  // CREATE keeps one such slip from blocking every later import (and a leftover would report false repeats).
  db.exec(`DROP TABLE IF EXISTS ${REPEATED_KEYS_TABLE}`);
  db.exec(
    `CREATE TABLE ${REPEATED_KEYS_TABLE} (${keyColumns.map((k) => `${k} TEXT NOT NULL`).join(', ')}, first_row INTEGER NOT NULL, PRIMARY KEY (${keyColumns.join(', ')})) WITHOUT ROWID`,
  );
  // One statement per row in the usual case; the lookup runs only for a repeat.
  const insert = db.prepare(`INSERT INTO ${REPEATED_KEYS_TABLE} VALUES (${keyColumns.map(() => '?').join(', ')}, ?) ON CONFLICT DO NOTHING`);
  const firstRow = db.prepare(`SELECT first_row FROM ${REPEATED_KEYS_TABLE} WHERE ${keyColumns.map((k) => `${k} = ?`).join(' AND ')}`).pluck();

  return {
    remember(record, rowNumber) {
      const key = columns.map((column) => (record as Record<string, unknown>)[column]);
      // A key cell that is empty or invalid was reported already (and read as null); it identifies nothing.
      if (!key.every((part): part is string => typeof part === 'string')) return;
      if (insert.run(...key, rowNumber).changes > 0) return;
      const first = firstRow.get(...key) as number;
      log.add(rowNumber, columns[0] ?? null, key[0] ?? null, `${describeRestOfKey(columns, key)}also appears in row ${first}`);
    },
    drop() {
      // Emptied first: a DROP of the full table (which, unlike a bare DELETE, runs under a statement journal,
      // held in RAM by temp_store = MEMORY) raised peak RSS by 40 MB at 1.6M keys and 88 MB at 3.2M; with the
      // DELETE first, by nothing measurable.
      db.exec(`DELETE FROM ${REPEATED_KEYS_TABLE}`);
      db.exec(`DROP TABLE ${REPEATED_KEYS_TABLE}`);
    },
  };
}

/** 'with as_of "2024-01" ' for a composite key (the problem's column and value name its first part); '' otherwise. */
function describeRestOfKey(columns: readonly string[], key: readonly string[]): string {
  const rest = columns.slice(1).map((column, index) => {
    const part = key[index + 1] ?? '';
    return part === '' ? `no ${column}` : `${column} ${JSON.stringify(echoed(part))}`;
  });
  return rest.length === 0 ? '' : `with ${rest.join(' and ')} `;
}
