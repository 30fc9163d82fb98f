// What the demo needs to do to the workspace around its rows.
//
// Emptiness: the demo only goes into a workspace whose data tables are empty, so that undoing a cancelled or
// failed run is simply emptying them again.
//
// Bulk-load indexes: the secondary indexes of the demo tables are dropped for the load and rebuilt by sorting
// afterwards (store/suspended-indexes.ts says why); a run that stops half-way leaves them recorded as suspended,
// and `removeDemoData` puts them back once the rows are gone.
import { inTransaction, type Db } from '../store/database.ts';
import { deleteAllRows, tablesWithRows } from '../store/data-tables.ts';
import { tableOf } from '../store/row-writers.ts';
import { rebuildNextSuspendedIndex, restoreSuspendedIndexes, suspendedIndexCount } from '../store/suspended-indexes.ts';
import { deleteBaseCurrency } from '../store/workspace-meta.ts';
import { DEMO_KINDS, type DemoProgress } from './demo-sink.ts';

export function demoTables(): string[] {
  return DEMO_KINDS.map((kind) => tableOf(kind));
}

export function nonEmptyDemoTables(db: Db): string[] {
  return tablesWithRows(db, DEMO_KINDS);
}

/**
 * Empties every demo table, puts back the indexes a run suspended and, if the run added it, removes the base
 * currency, in one transaction. The order is for large runs: rows go while their secondary indexes are still
 * away (no index to update per row), children before parents (each parent's foreign-key check then meets an
 * empty child table), and the indexes are rebuilt over empty tables, which is instant; the other way round
 * would sort millions of rows into indexes only to delete them.
 */
export function removeDemoData(db: Db, options: { removeBaseCurrency: boolean }): void {
  inTransaction(db, () => {
    deleteAllRows(db, [...DEMO_KINDS].reverse());
    restoreSuspendedIndexes(db);
    if (options.removeBaseCurrency) deleteBaseCurrency(db);
  });
}

/** Rebuilds suspended indexes one per transaction, reporting progress after each (large tables take a while). */
export function* rebuildSuspendedIndexes(db: Db): Generator<DemoProgress, void, void> {
  const total = suspendedIndexCount(db);
  for (let done = 1; done <= total; done += 1) {
    rebuildNextSuspendedIndex(db);
    yield { phase: 'indexes', done, total };
  }
}
