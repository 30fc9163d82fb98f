import type { Db } from './database.ts';
import { tableOf, type WritableKind } from './row-writers.ts';

/** The tables of `kinds` that hold at least one row, in the order given. */
export function tablesWithRows(db: Db, kinds: readonly WritableKind[]): string[] {
  return kinds.map(tableOf).filter((table) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1);
}

/** Deletes every row of the tables of `kinds`, in the order given: children before parents, for the foreign keys. */
export function deleteAllRows(db: Db, kinds: readonly WritableKind[]): void {
  for (const kind of kinds) db.prepare(`DELETE FROM ${tableOf(kind)}`).run();
}
