import type { Db } from './database.ts';

export interface KeysetQuery {
  /** Internal constants only: these are spliced into SQL. */
  readonly table: string;
  readonly columns: readonly string[];
  /** A unique, indexed column; pages follow its order. */
  readonly key: string;
  readonly batchSize: number;
}

/**
 * Reads a table in pages of `batchSize` rows ordered by a unique key, each page starting after the last key
 * of the one before (keyset pagination: every page is an index seek, unlike OFFSET). The first page has no
 * lower bound at all, so no sentinel value can hide a row whose key sorts before it.
 */
export function* keysetBatches<Row extends Record<string, unknown>>(db: Db, query: KeysetQuery): Generator<Row[]> {
  if (!Number.isInteger(query.batchSize) || query.batchSize < 1) throw new RangeError(`batch size must be a positive integer, not ${query.batchSize}`);
  const select = `SELECT ${query.columns.join(', ')} FROM ${query.table}`;
  const order = `ORDER BY ${query.key} LIMIT ?`;
  const first = db.prepare(`${select} ${order}`);
  const next = db.prepare(`${select} WHERE ${query.key} > ? ${order}`);
  let rows = first.all(query.batchSize) as Row[];
  while (rows.length > 0) {
    yield rows;
    if (rows.length < query.batchSize) return;
    const last = rows[rows.length - 1]?.[query.key];
    rows = next.all(last, query.batchSize) as Row[];
  }
}
