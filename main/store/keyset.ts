import type { Db } from './database.ts';

export interface KeysetQuery {
  /** Internal constants only: these are spliced into SQL (table may be a join). */
  readonly table: string;
  readonly columns: readonly string[];
  /** A unique, indexed column; pages follow its order. */
  readonly key: string;
  /** The row's property holding the key, when `key` is qualified by a table alias (`a.alert_id` is read as `alert_id`). */
  readonly keyName?: string;
  /** Which rows: a condition of internal constants, its values bound from `params`. */
  readonly where?: string;
  readonly params?: readonly unknown[];
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
  const where = query.where === undefined ? [] : [`(${query.where})`];
  const params = query.params ?? [];
  const keyName = query.keyName ?? query.key;
  const first = db.prepare(`${select} ${where.length > 0 ? `WHERE ${where.join('')}` : ''} ${order}`);
  const next = db.prepare(`${select} WHERE ${[...where, `${query.key} > ?`].join(' AND ')} ${order}`);
  let rows = first.all(...params, query.batchSize) as Row[];
  while (rows.length > 0) {
    yield rows;
    if (rows.length < query.batchSize) return;
    const last = rows[rows.length - 1]?.[keyName];
    rows = next.all(...params, last, query.batchSize) as Row[];
  }
}
