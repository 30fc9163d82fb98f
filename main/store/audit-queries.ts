import type { auditEventRowSchema } from '../../preload/contract/methods.ts';
import type { GridSpec } from './grid-sql.ts';

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
