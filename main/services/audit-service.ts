import type { GridQuery } from '../../preload/contract/index.ts';
import type { AuditVerification } from '../../preload/contract/jobs.ts';
import { AUDIT_GRID, type AuditEventListRow } from '../store/audit-queries.ts';
import type { JobCallOptions, ServiceContext } from './context.ts';
import { gridPage, type Grid } from './grid-page.ts';
import { requirePermission } from './permissions.ts';

const AUDIT: Grid = { name: 'audit', spec: AUDIT_GRID };

/** A page of the audit trail, in chain order unless sorted otherwise. */
export function auditEventsPage(ctx: ServiceContext, query: GridQuery): { rows: AuditEventListRow[]; rowCount: number } {
  requirePermission(ctx.actor, 'workspace.read');
  return gridPage<AuditEventListRow>(ctx, AUDIT, query);
}

/** Re-checks the whole audit chain on a worker; the result names the first event that breaks it, if any. */
export async function verifyAudit(ctx: ServiceContext, call: JobCallOptions<'audit-verify'> = {}): Promise<AuditVerification> {
  requirePermission(ctx.actor, 'audit.verify');
  return ctx.pool().run('audit-verify', {}, { ...call, reader: ctx.workspace.readerSpec() });
}
