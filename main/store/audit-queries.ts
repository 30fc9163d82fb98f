import type { AuditReferenceKind } from '../../preload/contract/audit-trail.ts';
import type { auditEventRowSchema } from '../../preload/contract/methods.ts';
import type { GridFilterModel, GridSpec } from './grid-sql.ts';
import { viewRows } from './grid-sql.ts';
import type { Db } from './database.ts';

export type AuditEventListRow = ReturnType<(typeof auditEventRowSchema)['parse']>;
/** An event as stored, hashes included: what the grid pages and an export writes. */
export type StoredAuditRow = AuditEventListRow & { prev_hash: string; hash: string };

/** The audit trail as a grid, in chain order unless sorted otherwise. `at` filters by UTC day. */
export const AUDIT_GRID: GridSpec<keyof StoredAuditRow> = {
  table: 'audit_events a',
  key: 'a.seq',
  joins: {},
  columns: {
    seq: { sql: 'a.seq', kind: 'number' },
    at: { sql: 'a.at', kind: 'date' },
    actor: { sql: 'a.actor', kind: 'text' },
    action: { sql: 'a.action', kind: 'text' },
    subject: { sql: 'a.subject', kind: 'text' },
    details: { sql: 'a.details', kind: 'text' },
    prev_hash: { sql: 'a.prev_hash', kind: 'text' },
    hash: { sql: 'a.hash', kind: 'text' },
  },
};

/** Every event of the grid's filtered view in chain order (seq ascending), for an export; iterate on a connection of its own. */
export function auditTrailRows(db: Db, filterModel: GridFilterModel): IterableIterator<StoredAuditRow> {
  return viewRows<StoredAuditRow>(db, AUDIT_GRID, filterModel, [{ colId: 'seq', sort: 'asc' }], Object.keys(AUDIT_GRID.columns));
}

/** Every event about any of `subjects` (e.g. `case 12`, `alert 7`), in chain order. */
export function auditEventsAbout(db: Db, subjects: readonly string[]): AuditEventListRow[] {
  return db
    .prepare('SELECT seq, at, actor, action, subject, details FROM audit_events WHERE subject IN (SELECT value FROM json_each(?)) ORDER BY seq')
    .all(JSON.stringify(subjects)) as AuditEventListRow[];
}

/** The name of each kind of thing an audit event refers to by id: a model's name, a case's title, a set version's note. */
const NAME_SQL: Readonly<Record<AuditReferenceKind, string>> = {
  model: 'SELECT name FROM credit_models WHERE model_id = ?',
  case: 'SELECT title FROM cases WHERE case_id = ?',
  creditParameters: 'SELECT note FROM credit_parameter_sets WHERE version = ?',
  ruleSet: 'SELECT note FROM fraud_rule_sets WHERE version = ?',
  liquidityParameters: 'SELECT note FROM liquidity_parameter_sets WHERE version = ?',
  slaTable: 'SELECT note FROM sla_tables WHERE version = ?',
  playbooks: 'SELECT note FROM playbook_sets WHERE version = ?',
};

/** Looks names up by kind and id, each statement prepared once and each answer kept (an export names the same few things often). */
export function auditReferenceNames(db: Db): (kind: AuditReferenceKind, id: number) => string | null {
  const statements = new Map<AuditReferenceKind, ReturnType<Db['prepare']>>();
  const known = new Map<string, string | null>();
  return (kind, id) => {
    const key = `${kind}:${id}`;
    if (known.has(key)) return known.get(key) ?? null;
    let statement = statements.get(kind);
    if (!statement) {
      statement = db.prepare(NAME_SQL[kind]).pluck();
      statements.set(kind, statement);
    }
    const name = (statement.get(id) as string | undefined) ?? null;
    known.set(key, name);
    return name;
  };
}
