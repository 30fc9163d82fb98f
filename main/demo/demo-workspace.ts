import type { Db } from '../store/database.ts';
import { inTransaction } from '../store/database.ts';
import { tableOf } from '../store/row-writers.ts';
import { DEMO_KINDS, type DemoProgress } from './demo-sink.ts';

/**
 * What the demo needs to do to the workspace around its rows.
 *
 * Emptiness: the demo only goes into a workspace whose data tables are empty, so that undoing a cancelled or
 * failed run is simply emptying them again.
 *
 * Bulk-load indexes: device, IP and time of transactions arrive in random order, and every batch commit would
 * rewrite most pages of those indexes (medium scale ran 4× slower with them; large would not finish). So the
 * secondary indexes of the demo tables are dropped for the load and rebuilt by sorting afterwards, as bulk
 * loaders do. Their exact `CREATE INDEX` text is kept in `meta` while they are away, in the same transaction
 * as the drop, so a run that stops half-way can still have them put back (`restoreSuspendedIndexes`, which
 * `removeDemoData` calls once the rows are gone).
 */
const SUSPENDED_INDEXES_KEY = 'demo.suspended_indexes';

export function demoTables(): string[] {
  return DEMO_KINDS.map((kind) => tableOf(kind));
}

export function nonEmptyDemoTables(db: Db): string[] {
  return demoTables().filter((table) => (db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS present`).get() as { present: number }).present === 1);
}

export function hasBaseCurrency(db: Db): boolean {
  return db.prepare(`SELECT 1 FROM meta WHERE key = 'base_currency'`).get() !== undefined;
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
    for (const table of demoTables().reverse()) db.prepare(`DELETE FROM ${table}`).run();
    restoreSuspendedIndexes(db);
    if (options.removeBaseCurrency) db.prepare(`DELETE FROM meta WHERE key = 'base_currency'`).run();
  });
}

interface IndexListRow {
  name: string;
  unique: number;
  origin: string;
}

/** Indexes made by CREATE INDEX (not primary keys or UNIQUE constraints, which enforce something). */
function secondaryIndexes(db: Db): string[] {
  const statements: string[] = [];
  for (const table of demoTables()) {
    for (const index of db.prepare(`SELECT name, "unique", origin FROM pragma_index_list(?) ORDER BY name`).all(table) as IndexListRow[]) {
      if (index.origin !== 'c' || index.unique !== 0) continue;
      const row = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).get(index.name) as { sql: string | null } | undefined;
      if (row?.sql) statements.push(row.sql);
    }
  }
  return statements;
}

function pendingIndexes(db: Db): string[] {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(SUSPENDED_INDEXES_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as string[]) : [];
}

function indexName(createIndexSql: string): string {
  const match = /^CREATE\s+INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?("?)([\w]+)\1/i.exec(createIndexSql);
  if (!match?.[2]) throw new Error(`internal: cannot read the index name of ${createIndexSql}`);
  return match[2];
}

export function suspendSecondaryIndexes(db: Db): void {
  restoreSuspendedIndexes(db);
  inTransaction(db, () => {
    const statements = secondaryIndexes(db);
    if (statements.length === 0) return;
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(SUSPENDED_INDEXES_KEY, JSON.stringify(statements));
    for (const sql of statements) db.exec(`DROP INDEX "${indexName(sql)}"`);
  });
}

/** Rebuilds suspended indexes one per transaction, reporting progress after each (large tables take a while). */
export function* rebuildSuspendedIndexes(db: Db): Generator<DemoProgress, void, void> {
  const total = pendingIndexes(db).length;
  for (let done = 1; done <= total; done += 1) {
    inTransaction(db, () => {
      const [next, ...rest] = pendingIndexes(db);
      if (next === undefined) return;
      db.exec(next);
      if (rest.length > 0) db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(JSON.stringify(rest), SUSPENDED_INDEXES_KEY);
      else db.prepare('DELETE FROM meta WHERE key = ?').run(SUSPENDED_INDEXES_KEY);
    });
    yield { phase: 'indexes', done, total };
  }
}

/** Puts back any indexes a run suspended and did not rebuild; a no-op when there are none. */
export function restoreSuspendedIndexes(db: Db): void {
  const steps = rebuildSuspendedIndexes(db);
  while (!steps.next().done);
}
