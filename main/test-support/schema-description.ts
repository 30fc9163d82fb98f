import type { Db } from '../store/database.ts';

/** A table's shape as a migration promises it, read back from SQLite itself. */
export interface TableDescription {
  readonly columns: string[];
  readonly notNull: string[];
  /** In key order. */
  readonly primaryKey: string[];
  /** 'borrower_id → borrowers.borrower_id', with ' on delete cascade' where the key says so. */
  readonly references: string[];
}

interface ColumnRow {
  name: string;
  notnull: number;
  pk: number;
}

interface ForeignKeyRow {
  table: string;
  from: string;
  to: string;
  on_delete: string;
}

export function describeTable(db: Db, table: string): TableDescription {
  const columns = db.prepare('SELECT name, "notnull", pk FROM pragma_table_info(?) ORDER BY cid').all(table) as ColumnRow[];
  const references = db.prepare('SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(table) as ForeignKeyRow[];
  return {
    columns: columns.map((c) => c.name),
    // As SQLite enforces it: every key column of a WITHOUT ROWID table, but in a rowid table only a key column
    // declared NOT NULL (a TEXT PRIMARY KEY alone accepts NULL there).
    notNull: columns.filter((c) => c.notnull === 1).map((c) => c.name),
    primaryKey: columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
    references: references.map((r) => `${r.from} → ${r.table}.${r.to}${r.on_delete === 'NO ACTION' ? '' : ` on delete ${r.on_delete.toLowerCase()}`}`),
  };
}

interface IndexRow {
  name: string;
  unique: number;
  partial: number;
}

/**
 * The indexes made by CREATE INDEX on `table` (not those behind a PRIMARY KEY or UNIQUE constraint), each as its
 * columns, marked where it is unique or partial: { loans_dpd: 'dpd', credit_models_one_active: 'status (unique, partial)' }.
 */
export function indexesOf(db: Db, table: string): Record<string, string> {
  const indexes = db.prepare(`SELECT name, "unique", partial FROM pragma_index_list(?) WHERE origin = 'c' ORDER BY name`).all(table) as IndexRow[];
  return Object.fromEntries(
    indexes.map((index) => {
      const columns = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index.name) as string[];
      const marks = [index.unique === 1 ? 'unique' : '', index.partial === 1 ? 'partial' : ''].filter((mark) => mark !== '');
      return [index.name, `${columns.join(', ')}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`];
    }),
  );
}

/** The steps of SQLite's plan for `sql`, as EXPLAIN QUERY PLAN words them: which index a read uses, and whether it sorts. */
export function queryPlan(db: Db, sql: string): string[] {
  return db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all().map((row) => (row as { detail: string }).detail);
}
