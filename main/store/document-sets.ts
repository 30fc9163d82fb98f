import type { LifecycleFields } from '../../preload/contract/lifecycle.ts';
import type { Db } from './database.ts';
import { LIFECYCLE_COLUMNS, lifecycleOf, type Lifecycle } from './lifecycle.ts';

/**
 * Versioned sets whose content is one JSON document (IFRS 9 parameter sets, SLA tables, response playbooks): numbered
 * versions with a note and the artefact lifecycle, one table per kind. One implementation of writing a draft, seeding
 * the shipped version 1, and reading versions back, so that every kind of set behaves alike.
 */
export interface DocumentSetRow<D> extends LifecycleFields {
  readonly version: number;
  readonly note: string;
  readonly document: D;
}

export interface DocumentSetStore<R> {
  /** A new draft; its version number is taken inside the insert, so the caller's transaction makes it race-free. */
  insertDraft(db: Db, draft: { readonly document: unknown; readonly note: string; readonly createdBy: string; readonly at: string }): R;
  /**
   * The set RiskDesk ships (resources/), as version 1 of a workspace that has none: authored, approved and activated
   * by 'system' (the one version the schema lets approve itself) and never submitted.
   */
  insertShipped(db: Db, shipped: { readonly document: unknown; readonly note: string; readonly at: string }): R;
  /** Newest first. */
  list(db: Db): R[];
  get(db: Db, version: number): R | undefined;
  active(db: Db): R | null;
  readonly lifecycle: Lifecycle<R>;
}

interface StoredRow extends LifecycleFields {
  readonly version: number;
  readonly note: string;
  readonly document: string;
}

/**
 * The store of one kind: `table` has version, note, the lifecycle columns and `documentColumn` (constants of the
 * registering module, spliced into SQL). `present` turns the stored row into the kind's own shape (e.g. a parameter
 * set names its document `parameters`).
 */
export function documentSetStore<D, R>(spec: {
  readonly table: string;
  readonly documentColumn: string;
  readonly label: (version: number) => string;
  readonly present: (row: DocumentSetRow<D>) => R;
}): DocumentSetStore<R> {
  const { table, documentColumn } = spec;
  const columns = `version, note, ${LIFECYCLE_COLUMNS}, ${documentColumn} AS document`;
  const present = (row: StoredRow): R => spec.present({ ...row, document: JSON.parse(row.document) as D });
  const get = (db: Db, version: number): R | undefined => {
    const row = db.prepare(`SELECT ${columns} FROM ${table} WHERE version = ?`).get(version) as StoredRow | undefined;
    return row && present(row);
  };
  return {
    insertDraft(db, draft) {
      const row = db
        .prepare(
          `INSERT INTO ${table} (version, note, status, created_by, created_at, ${documentColumn})
           SELECT coalesce(max(version), 0) + 1, ?, 'draft', ?, ?, ? FROM ${table}
           RETURNING ${columns}`,
        )
        .get(draft.note, draft.createdBy, draft.at, JSON.stringify(draft.document)) as StoredRow;
      return present(row);
    },
    insertShipped(db, shipped) {
      const row = db
        .prepare(
          `INSERT INTO ${table} (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, ${documentColumn})
           VALUES (1, ?, 'active', 'system', ?, 'system', ?, 'system', ?, ?)
           RETURNING ${columns}`,
        )
        .get(shipped.note, shipped.at, shipped.at, shipped.at, JSON.stringify(shipped.document)) as StoredRow;
      return present(row);
    },
    list(db) {
      return (db.prepare(`SELECT ${columns} FROM ${table} ORDER BY version DESC`).all() as StoredRow[]).map(present);
    },
    get,
    active(db) {
      const row = db.prepare(`SELECT ${columns} FROM ${table} WHERE status = 'active'`).get() as StoredRow | undefined;
      return row ? present(row) : null;
    },
    lifecycle: lifecycleOf({ table, idColumn: 'version', label: spec.label, read: get }),
  };
}
