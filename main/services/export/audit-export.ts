// The audit trail out of the encrypted workspace as a CSV file for auditors: the grid's filtered view in chain order,
// each event with its UTC instant, its time in the chosen zone, its readable details and the raw JSON with both
// hashes, so that the chain can be re-verified from the file alone (README: "Re-verifying an audit export").
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { zonedTimestamp, type AuditExportArgs, type ExportSummary } from '../../../preload/contract/index.ts';
import { auditReferenceNames, auditTrailRows, type StoredAuditRow } from '../../store/audit-queries.ts';
import { countRows } from '../../store/grid-sql.ts';
import { pendingOutputsOf } from '../../store/pending-outputs.ts';
import { openReadConnection } from '../../store/read-connection.ts';
import { baseCurrency } from '../../store/workspace-meta.ts';
import { readableAuditEvent, readableDetailsText } from '../audit-readable.ts';
import { AUDIT } from '../audit-service.ts';
import type { JobCallOptions, ServiceContext } from '../context.ts';
import { checkGridQuery } from '../grid-page.ts';
import { auditedChange } from '../lifecycle-service.ts';
import { requirePermission } from '../permissions.ts';
import { exportFileName, streamCsv } from './csv-file-stream.ts';
import { requireNewFile } from './new-export-file.ts';

/** The file's columns: what the hash covers (seq, at, actor, action, subject, details) with the hashes, and two readings. */
const AUDIT_EXPORT_HEADER = ['seq', 'at_utc', 'at_local', 'actor', 'action', 'subject', 'details_readable', 'details_json', 'hash', 'prev_hash'] as const;

/** What an export covers, checked when it is asked for (VALIDATION for a filter the grid cannot run) rather than as a failed job. */
export function auditExportScope(ctx: ServiceContext, request: AuditExportArgs): AuditExportArgs {
  requirePermission(ctx.actor, 'audit.export');
  checkGridQuery(AUDIT, { filterModel: request.filterModel, sortModel: [] });
  return request;
}

export function auditExportFileName(ctx: ServiceContext, jobId: string): string {
  return exportFileName('audit-trail', ctx.now(), jobId);
}

/**
 * Streams the filtered trail to `file`, a new owner-only file (refused if it exists), on a read connection of its
 * own, in seq order whatever the grid's sort: consecutive events then chain into each other in the file. The file is
 * handed to `call.keepFile` (a job's) as soon as it exists; a CLI caller removes it on failure.
 */
export async function exportAuditCsv(
  ctx: ServiceContext,
  request: { readonly scope: AuditExportArgs; readonly file: string },
  call: JobCallOptions<'export-audit'> & { keepFile?(file: string): void },
): Promise<ExportSummary> {
  requirePermission(ctx.actor, 'audit.export');
  const { scope, file } = request;
  const handle = await fs.promises.open(file, 'wx', 0o600);
  call.keepFile?.(file);
  let db: ReturnType<typeof openReadConnection> | undefined;
  let rows: IterableIterator<StoredAuditRow> | undefined;
  try {
    call.signal?.throwIfAborted();
    db = openReadConnection(ctx.workspace.readerSpec());
    const nameOf = auditReferenceNames(db);
    const currency = baseCurrency(db);
    const total = countRows(db, AUDIT.spec, scope.filterModel);
    rows = auditTrailRows(db, scope.filterModel);
    const line = (row: StoredAuditRow) => [
      row.seq,
      row.at,
      zonedTimestamp(row.at, scope.timeZone),
      row.actor,
      row.action,
      row.subject,
      readableDetailsText(readableAuditEvent(row, nameOf, currency)),
      row.details,
      row.hash,
      row.prev_hash,
    ];
    const written = await streamCsv(handle, { header: AUDIT_EXPORT_HEADER, rows, line, total }, { onProgress: (p) => call.onProgress?.({ ...p, phase: 'events' }), signal: call.signal });
    return { fileName: path.basename(file), rows: written.rows, bytes: (await handle.stat()).size, sha256: written.sha256 };
  } finally {
    rows?.return?.();
    db?.close();
    await handle.close();
  }
}

/**
 * The export is itself an event of the trail, recorded once the file is complete (who, which filters, which zone,
 * how many events, the file's digest). It is not in the file it records: the file ends at the event before it.
 */
export function auditAuditExport(ctx: ServiceContext, summary: ExportSummary, scope: AuditExportArgs): void {
  requirePermission(ctx.actor, 'audit.export');
  auditedChange(
    ctx,
    () => undefined,
    () => ({
      action: 'audit.export',
      subject: 'audit trail',
      details: { file: summary.fileName, rows: summary.rows, bytes: summary.bytes, sha256: summary.sha256, filterModel: scope.filterModel, timeZone: scope.timeZone },
    }),
  );
}

/**
 * The command line's export: to `out`, a new file (VALIDATION if it exists), complete or not there at all. It is
 * written as `${out}.partial-<random>`, which the workspace's pending outputs name meanwhile (a kill leaves it only
 * until the next unlock), renamed once complete, and recorded; a failure at any step leaves no file.
 */
export async function writeAuditExportFile(ctx: ServiceContext, request: { readonly scope: AuditExportArgs; readonly out: string }, call: JobCallOptions<'export-audit'>): Promise<ExportSummary & { file: string }> {
  const scope = auditExportScope(ctx, request.scope);
  const out = path.resolve(request.out);
  requireNewFile(out, '--out');
  const partial = `${out}.partial-${randomBytes(6).toString('hex')}`;
  const pending = pendingOutputsOf(ctx.workspace.path);
  pending.add(partial);
  let renamed = false;
  try {
    const summary = await exportAuditCsv(ctx, { scope, file: partial }, call);
    requireNewFile(out, '--out');
    fs.renameSync(partial, out);
    renamed = true;
    const written = { ...summary, fileName: path.basename(out) };
    auditAuditExport(ctx, written, scope);
    return { ...written, file: out };
  } catch (error) {
    fs.rmSync(renamed ? out : partial, { force: true });
    throw error;
  } finally {
    pending.remove(partial);
  }
}
