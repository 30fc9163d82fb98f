import type { AuditTrailRow, GridQuery } from '../../preload/contract/index.ts';
import type { AuditAnchor, AuditVerification } from '../../preload/contract/jobs.ts';
import { auditHashAt } from '../store/audit.ts';
import { AUDIT_GRID, auditReferenceNames, type StoredAuditRow } from '../store/audit-queries.ts';
import { baseCurrency } from '../store/workspace-meta.ts';
import { readableAuditEvent } from './audit-readable.ts';
import type { JobCallOptions, ServiceContext } from './context.ts';
import { gridPage, type Grid } from './grid-page.ts';
import { requirePermission } from './permissions.ts';

export const AUDIT: Grid = { name: 'audit', spec: AUDIT_GRID };

/** A page of the audit trail, in chain order unless sorted otherwise, each event with its readable details. */
export function auditEventsPage(ctx: ServiceContext, query: GridQuery): { rows: AuditTrailRow[]; rowCount: number } {
  requirePermission(ctx.actor, 'workspace.read');
  const page = gridPage<StoredAuditRow>(ctx, AUDIT, query);
  const nameOf = auditReferenceNames(ctx.reader);
  const currency = baseCurrency(ctx.reader);
  return { rowCount: page.rowCount, rows: page.rows.map((row) => ({ ...row, ...readableAuditEvent(row, nameOf, currency) })) };
}

/**
 * Re-checks the whole audit chain on a worker; the result names the first event that breaks it, if any. Each anchor
 * (a head noted at a backup, in an evidence pack or by hand) must still be in the chain with its hash: an intact
 * chain whose newest events were cut off, or rebuilt from some point on, fails on the anchor that no longer holds.
 */
export async function verifyAudit(ctx: ServiceContext, call: JobCallOptions<'audit-verify'> = {}, anchors: readonly AuditAnchor[] = []): Promise<AuditVerification> {
  requirePermission(ctx.actor, 'audit.verify');
  const verification = await ctx.pool().run('audit-verify', {}, { ...call, reader: ctx.workspace.readerSpec() });
  if (!verification.ok) return verification;
  for (const anchor of [...anchors].sort((a, b) => a.seq - b.seq)) {
    const hash = auditHashAt(ctx.reader, anchor.seq);
    if (hash === anchor.hash) continue;
    const reason =
      hash === undefined
        ? `the chain ends at event ${verification.events}, but an anchor names event ${anchor.seq}: events from ${verification.events + 1} on are missing`
        : `its hash ${hash.slice(0, 16)}… is not the anchor's ${anchor.hash.slice(0, 16)}…: the chain was rebuilt from here on`;
    return { ok: false, events: verification.events, firstBadSeq: hash === undefined ? verification.events + 1 : anchor.seq, reason };
  }
  return verification;
}
