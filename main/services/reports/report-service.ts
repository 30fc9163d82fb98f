// Risk reports: a period's figures from every engine (read on a worker), drawn as a PDF on main, kept in the workspace
// with an audit event; written to a file for the command line; and made by compliance's schedule at an unlock.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ReportFigures, ReportLanguage, ReportSchedule, ResolvedPeriod, StoredReport } from '../../../preload/contract/reports.ts';
import { pendingOutputsOf } from '../../store/pending-outputs.ts';
import { hasScheduledReport, insertRiskReport, listRiskReports, reportSchedule, riskReport, riskReportFigures, riskReportPdfSlice, saveReportSchedule } from '../../store/risk-reports.ts';
import { workspacePublicKey } from '../../store/signing-key.ts';
import type { JobCallOptions, ServiceContext, Write } from '../context.ts';
import { keyFingerprint } from '../signing-fingerprint.ts';
import { auditedChange } from '../lifecycle-service.ts';
import { requirePermission } from '../permissions.ts';
import { lastCompletePeriod, resolveReportPeriod } from './report-period.ts';
import { renderReportPdf } from './report-pdf.ts';
import { writeNewOwnerOnlyFile } from '../export/new-export-file.ts';

/** A report drawn, not yet kept anywhere. */
export interface DrawnReport {
  readonly figures: ReportFigures;
  readonly pdf: Buffer;
  readonly sha256: string;
}

/** The workspace as reports and packs name it: its file name without the extension, and its signing key's fingerprint. */
export function workspaceAbout(ctx: ServiceContext): { name: string; fingerprint: string } {
  return { name: path.basename(ctx.workspace.path, path.extname(ctx.workspace.path)), fingerprint: keyFingerprint(workspacePublicKey(ctx.workspace.db)) };
}

/** Reads the figures of `period` on a worker (SQL over the whole workspace) and draws them; nothing is written. */
export async function drawReport(ctx: ServiceContext, request: { period: ResolvedPeriod; language: ReportLanguage }, call: JobCallOptions<'risk-report'> = {}): Promise<DrawnReport> {
  requirePermission(ctx.actor, 'reports.generate');
  const { signal } = call;
  call.onProgress?.({ done: 0, total: 3, phase: 'figures' });
  const figures = await ctx.pool().run(
    'report-figures',
    { period: request.period, language: request.language, generatedAt: ctx.now().toISOString(), generatedBy: ctx.actor.username, workspace: workspaceAbout(ctx) },
    { ...(signal ? { signal } : {}), reader: ctx.workspace.readerSpec() },
  );
  signal?.throwIfAborted();
  call.onProgress?.({ done: 1, total: 3, phase: 'drawing' });
  const pdf = await renderReportPdf(figures);
  signal?.throwIfAborted();
  return { figures, pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
}

/**
 * Makes the report of a month or ISO week and keeps it in the workspace, with an audit event (`write` is how the
 * caller writes: behind the session's write lock in the app). `scheduled` marks one the schedule made.
 */
export async function generateReport(
  ctx: ServiceContext,
  request: { period: string; language: ReportLanguage; scheduled?: boolean },
  call: JobCallOptions<'risk-report'>,
  write: Write,
): Promise<StoredReport> {
  requirePermission(ctx.actor, 'reports.generate');
  const drawn = await drawReport(ctx, { period: resolveReportPeriod(request.period), language: request.language }, call);
  const scheduled = request.scheduled ?? false;
  const stored = await write(() =>
    auditedChange(
      ctx,
      () => insertRiskReport(ctx.workspace.db, { period: request.period, figures: drawn.figures, pdf: drawn.pdf, sha256: drawn.sha256, scheduled }),
      (report) => ({ action: 'reports.generate', subject: `risk report ${report.period}`, details: { reportId: report.reportId, language: report.language, scheduled, bytes: report.bytes, sha256: report.sha256 } }),
    ),
  );
  call.onProgress?.({ done: 3, total: 3, phase: 'stored' });
  return stored;
}

/** The command line's report: drawn and written to a new file (0600), with an audit event; not kept in the workspace. */
export async function writeReportFile(
  ctx: ServiceContext,
  request: { period: string; language: ReportLanguage; out: string },
  call: JobCallOptions<'risk-report'> = {},
): Promise<{ file: string; bytes: number; sha256: string; figures: ReportFigures }> {
  requirePermission(ctx.actor, 'reports.generate');
  const drawn = await drawReport(ctx, { period: resolveReportPeriod(request.period), language: request.language }, call);
  return auditedChange(
    ctx,
    () => {
      writeNewOwnerOnlyFile(request.out, drawn.pdf, '--out', pendingOutputsOf(ctx.workspace.path));
      return { file: path.resolve(request.out), bytes: drawn.pdf.length, sha256: drawn.sha256, figures: drawn.figures };
    },
    (written) => ({ action: 'reports.export', subject: `risk report ${request.period}`, details: { language: request.language, file: path.basename(written.file), bytes: written.bytes, sha256: written.sha256 } }),
  );
}

export function listReports(ctx: ServiceContext): StoredReport[] {
  requirePermission(ctx.actor, 'workspace.read');
  return listRiskReports(ctx.reader);
}

function knownReport(ctx: ServiceContext, reportId: number): StoredReport {
  const report = riskReport(ctx.reader, reportId);
  if (!report) throw new RiskDeskError('NOT_FOUND', `There is no report ${reportId} in this workspace.`, [{ path: 'reportId', message: 'no such report' }]);
  return report;
}

export function storedReportFigures(ctx: ServiceContext, reportId: number): ReportFigures {
  requirePermission(ctx.actor, 'workspace.read');
  knownReport(ctx, reportId);
  return riskReportFigures(ctx.reader, reportId)!;
}

const PDF_CHUNK_BYTES = 512 * 1024;

/**
 * About half a megabyte of a kept report's PDF from byte `offset`, base64. The first chunk takes the report out of the
 * workspace (saved or shown in the browser's viewer), so it is recorded as `reports.export`, as the command line's
 * report file is: the caller holds the session's write lock for it (`offset` 0).
 */
export function readReportPdf(ctx: ServiceContext, request: { reportId: number; offset: number }): { data: string; nextOffset: number; done: boolean; fileName: string } {
  requirePermission(ctx.actor, 'workspace.read');
  const report = knownReport(ctx, request.reportId);
  if (request.offset > report.bytes) throw new RiskDeskError('VALIDATION', `offset ${request.offset} is past the end of the report (${report.bytes} bytes).`, [{ path: 'offset', message: 'past the end of the file' }]);
  const read = () => {
    const slice = riskReportPdfSlice(ctx.reader, request.reportId, request.offset, PDF_CHUNK_BYTES) ?? Buffer.alloc(0);
    const nextOffset = request.offset + slice.length;
    return { data: slice.toString('base64'), nextOffset, done: nextOffset >= report.bytes, fileName: report.fileName };
  };
  if (request.offset > 0) return read();
  return auditedChange(ctx, read, () => ({
    action: 'reports.export',
    subject: `risk report ${report.period}`,
    details: { reportId: report.reportId, language: report.language, file: report.fileName, bytes: report.bytes, sha256: report.sha256 },
  }));
}

export function currentReportSchedule(ctx: ServiceContext): ReportSchedule {
  requirePermission(ctx.actor, 'workspace.read');
  return reportSchedule(ctx.reader);
}

export function setReportSchedule(ctx: ServiceContext, request: { frequency: ReportSchedule['frequency']; language: ReportLanguage }): ReportSchedule {
  requirePermission(ctx.actor, 'reports.schedule');
  return auditedChange(
    ctx,
    (at) => saveReportSchedule(ctx.workspace.db, { ...request, setBy: ctx.actor.username, setAt: at }),
    (schedule) => ({ action: 'reports.schedule', subject: 'report schedule', details: { frequency: schedule.frequency, language: schedule.language } }),
  );
}

/**
 * The report the schedule owes now, if any: the latest complete week or month, in the schedule's language, unless the
 * schedule has made it already. Only the latest is owed: a laptop left shut for a quarter makes one report, not three.
 */
export function dueScheduledReport(ctx: ServiceContext): { period: string; language: ReportLanguage } | null {
  const schedule = reportSchedule(ctx.reader);
  if (schedule.frequency === 'off') return null;
  const period = lastCompletePeriod(schedule.frequency, ctx.now());
  return hasScheduledReport(ctx.reader, period, schedule.language) ? null : { period, language: schedule.language };
}
