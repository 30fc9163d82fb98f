import type { auditEventRowSchema } from '../../preload/contract/methods.ts';
import type { GridSpec } from './grid-sql.ts';
import type { Db } from './database.ts';

export type AuditEventListRow = ReturnType<(typeof auditEventRowSchema)['parse']>;

/** The audit trail as a grid, in chain order unless sorted otherwise. `at` filters by UTC day. */
export const AUDIT_GRID: GridSpec<keyof AuditEventListRow> = {
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
  },
};

/** Every event about any of `subjects` (e.g. `case 12`, `alert 7`), in chain order. */
export function auditEventsAbout(db: Db, subjects: readonly string[]): AuditEventListRow[] {
  return db
    .prepare('SELECT seq, at, actor, action, subject, details FROM audit_events WHERE subject IN (SELECT value FROM json_each(?)) ORDER BY seq')
    .all(JSON.stringify(subjects)) as AuditEventListRow[];
}
