import { inTransaction, type Db } from './database.ts';
import { tableOf, type WritableKind } from './row-writers.ts';

/**
 * Secondary indexes taken away for a bulk load and rebuilt after it. Rows that arrive in random order (the demo's
 * devices, IPs and times) make every batch commit rewrite most pages of such an index (the demo's medium scale ran
 * 4× slower with them; large would not finish); rebuilding an index afterwards sorts once, as bulk loaders do.
 * Their exact `CREATE INDEX` text is kept in `meta` while they are away, committed with the drop, so a load that
 * stops half-way can still have them put back. The key's name is the demo's, which was the first to do this: it
 * stays, so that indexes suspended by an older build are found.
 */
const SUSPENDED_INDEXES_KEY = 'demo.suspended_indexes';

interface IndexListRow {
  name: string;
  unique: number;
  origin: string;
}

/** Indexes made by CREATE INDEX (not primary keys or UNIQUE constraints, which enforce something). */
function secondaryIndexes(db: Db, kinds: readonly WritableKind[]): string[] {
  const statements: string[] = [];
  for (const table of kinds.map(tableOf)) {
    for (const index of db.prepare(`SELECT name, "unique", origin FROM pragma_index_list(?) ORDER BY name`).all(table) as IndexListRow[]) {
      if (index.origin !== 'c' || index.unique !== 0) continue;
      const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?`).pluck().get(index.name) as string | null | undefined;
      if (sql) statements.push(sql);
    }
  }
  return statements;
}

function pendingIndexes(db: Db): string[] {
  const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(SUSPENDED_INDEXES_KEY) as string | undefined;
  return value === undefined ? [] : (JSON.parse(value) as string[]);
}

function indexName(createIndexSql: string): string {
  const match = createIndexSql.match(/^CREATE\s+INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?("?)([\w]+)\1/i);
  if (!match?.[2]) throw new Error(`internal: cannot read the index name of ${createIndexSql}`);
  return match[2];
}

/** Drops the secondary indexes of the tables of `kinds`, first putting back any that an earlier load left away. */
export function suspendSecondaryIndexes(db: Db, kinds: readonly WritableKind[]): void {
  restoreSuspendedIndexes(db);
  inTransaction(db, () => {
    const statements = secondaryIndexes(db, kinds);
    if (statements.length === 0) return;
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(SUSPENDED_INDEXES_KEY, JSON.stringify(statements));
    for (const sql of statements) db.exec(`DROP INDEX "${indexName(sql)}"`);
  });
}

export function suspendedIndexCount(db: Db): number {
  return pendingIndexes(db).length;
}

/** Rebuilds one suspended index in a transaction of its own (over a large table, that takes a while); false when none is left. */
export function rebuildNextSuspendedIndex(db: Db): boolean {
  return inTransaction(db, () => {
    const [next, ...rest] = pendingIndexes(db);
    if (next === undefined) return false;
    db.exec(next);
    if (rest.length > 0) db.prepare('UPDATE meta SET value = ? WHERE key = ?').run(JSON.stringify(rest), SUSPENDED_INDEXES_KEY);
    else db.prepare('DELETE FROM meta WHERE key = ?').run(SUSPENDED_INDEXES_KEY);
    return true;
  });
}

/** Puts back every suspended index; a no-op when there are none. */
export function restoreSuspendedIndexes(db: Db): void {
  while (rebuildNextSuspendedIndex(db));
}
