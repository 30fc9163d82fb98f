// Evidence packs: a scope of the workspace written as a signed BagIt zip (the risk report of its period, the CSVs and
// documents of evidence-payload.ts, the audit slice), listed among past exports with an audit event; and a pack
// checked line by line, with or without the workspace.
import path from 'node:path';
import type { BagVerification, EvidenceExport, EvidencePreview, EvidenceScope } from '../../../preload/contract/evidence.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ReportLanguage } from '../../../preload/contract/reports.ts';
import { appendAuditEvent } from '../../store/audit.ts';
import { inTransaction } from '../../store/database.ts';
import { insertEvidenceExport, listEvidenceExports } from '../../store/evidence-exports.ts';
import { auditChainHead } from '../../store/audit.ts';
import { openReadSnapshot } from '../../store/read-connection.ts';
import { workspacePublicKey, workspaceSigningKey } from '../../store/signing-key.ts';
import type { JobCallOptions, ServiceContext } from '../context.ts';
import { pendingOutputsOf } from '../../store/pending-outputs.ts';
import { requireNewFile } from '../export/new-export-file.ts';
import { requirePermission } from '../permissions.ts';
import { drawReport, workspaceAbout } from '../reports/report-service.ts';
import { rangePeriod } from '../reports/report-period.ts';
import { writeBag } from './bag-writer.ts';
import { verifyBag } from './bag-verify.ts';
import { describeScope, evidencePayloadFiles, evidencePreview, requireChosenExist } from './evidence-payload.ts';
import type { PayloadFile } from './payload-file.ts';

const REPORT_PATH = 'report/risk-report.pdf';
/** A report of every section with a page of approvals is about this size (measured on the medium demo). */
const REPORT_ESTIMATED_BYTES = 120_000;

/** What a pack of `scope` would hold; chosen ids that do not exist are refused here, before any work. */
export function previewEvidence(ctx: ServiceContext, scope: EvidenceScope): EvidencePreview {
  requirePermission(ctx.actor, 'evidence.export');
  const preview = evidencePreview(ctx.reader, scope);
  return { ...preview, files: [{ path: REPORT_PATH, rows: 1 }, ...preview.files], estimatedBytes: preview.estimatedBytes + REPORT_ESTIMATED_BYTES };
}

/**
 * Refuses a scope naming ids that do not exist, before a job starts: only the ids are looked up, not the row counts
 * of a preview (half a second at a million alerts, on the caller's connection).
 */
export function checkEvidenceScope(ctx: ServiceContext, scope: EvidenceScope): void {
  requirePermission(ctx.actor, 'evidence.export');
  requireChosenExist(ctx.reader, scope);
}

function compactStamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** The bag's name (its folder inside the zip) and the zip's: the period and the moment of export. */
export function evidencePackName(scope: EvidenceScope, at: Date): string {
  return `riskdesk-evidence-${scope.from}-to-${scope.to}-${compactStamp(at)}`;
}

/**
 * Writes the pack of `scope` to `out` (a new file; nothing is there unless the pack is complete), reading the payload
 * from one read transaction of a connection of its own, so every file shows the same moment, and the report of the
 * period in `language`. The private key signs on main and goes nowhere else. Returns the record to keep (recordEvidenceExport).
 */
export async function writeEvidencePack(
  ctx: ServiceContext,
  request: { scope: EvidenceScope; out: string; language?: ReportLanguage },
  call: JobCallOptions<'evidence-export'> = {},
): Promise<Omit<EvidenceExport, 'exportId'>> {
  requirePermission(ctx.actor, 'evidence.export');
  const { scope, out } = request;
  requireNewFile(out, 'out');
  requireChosenExist(ctx.reader, scope);
  const at = ctx.now();
  call.onProgress?.({ done: 0, total: 1, phase: 'risk report' });
  const report = await drawReport(ctx, { period: rangePeriod(scope.from, scope.to), language: request.language ?? 'en' }, call.signal ? { signal: call.signal } : {});
  const snapshot = openReadSnapshot(ctx.workspace.readerSpec());
  const { db } = snapshot;
  try {
    const head = auditChainHead(db);
    const about = { exportedBy: ctx.actor.username, exportedAt: at.toISOString(), ...workspaceAbout(ctx) };
    const files: PayloadFile[] = [
      { path: REPORT_PATH, content: async function* pdf() { yield report.pdf; } },
      ...evidencePayloadFiles(db, scope, { exportedBy: about.exportedBy, exportedAt: about.exportedAt, fingerprint: about.fingerprint, workspaceName: about.name }),
    ];
    const bagName = evidencePackName(scope, at);
    const auditHead = head.hash;
    const summary = await writeBag(files, {
      out,
      bagName,
      at,
      signingKey: workspaceSigningKey(ctx.workspace.db),
      pending: pendingOutputsOf(ctx.workspace.path),
      info: [
        ['Source-Organization', `RiskDesk workspace ${about.name}`],
        ['Contact-Name', ctx.actor.username],
        ['External-Identifier', bagName],
        ['External-Description', describeScope(scope)],
        ['Audit-Chain-Head', `${head.seq} ${head.hash}`],
      ],
      ...(call.signal ? { signal: call.signal } : {}),
      onProgress: (p) => call.onProgress?.({ done: p.filesDone, total: files.length, phase: p.file }),
    });
    return {
      fileName: path.basename(out),
      scope,
      exportedBy: about.exportedBy,
      exportedAt: about.exportedAt,
      bytes: summary.bytes,
      sha256: summary.sha256,
      payloadFiles: summary.payloadFiles,
      payloadBytes: summary.payloadBytes,
      fingerprint: summary.fingerprint,
      auditHead,
    };
  } finally {
    snapshot.close();
  }
}

/** Lists a pack among past exports and records it in the audit trail, in one transaction (after the file is complete). */
export function recordEvidenceExport(ctx: ServiceContext, written: Omit<EvidenceExport, 'exportId'>): EvidenceExport {
  requirePermission(ctx.actor, 'evidence.export');
  const { db } = ctx.workspace;
  return inTransaction(db, () => {
    const record = insertEvidenceExport(db, written);
    appendAuditEvent(db, {
      actor: ctx.actor.username,
      at: ctx.now().toISOString(),
      action: 'evidence.export',
      subject: `evidence export ${record.exportId}`,
      details: { file: record.fileName, scope: record.scope, bytes: record.bytes, sha256: record.sha256, payloadFiles: record.payloadFiles, fingerprint: record.fingerprint, auditHead: record.auditHead },
    });
    return record;
  });
}

export function listExports(ctx: ServiceContext): EvidenceExport[] {
  requirePermission(ctx.actor, 'evidence.export');
  return listEvidenceExports(ctx.reader);
}

/**
 * Checks a pack without any workspace (the command line's `evidence verify`), or, given one, also says whether the
 * pack was signed with its key.
 */
export async function checkEvidencePack(
  file: string,
  options: { fileName?: string; ownPublicKeyDer?: Buffer; signal?: AbortSignal; onProgress?: (p: { done: number; total: number; phase: string }) => void } = {},
): Promise<BagVerification> {
  const result = await verifyBag(file, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p) => options.onProgress?.({ done: p.filesDone, total: p.filesTotal, phase: p.file }),
  });
  const ownWorkspace = options.ownPublicKeyDer && result.publicKeyDer ? options.ownPublicKeyDer.equals(result.publicKeyDer) : options.ownPublicKeyDer ? false : null;
  return { ok: result.ok, fileName: options.fileName ?? path.basename(file), fingerprint: result.fingerprint, ownWorkspace, bagInfo: result.bagInfo, checks: result.checks };
}

/** Checks an uploaded pack in the app, saying whether this workspace signed it. */
export function verifyEvidencePack(ctx: ServiceContext, upload: { file: string; name: string }, call: JobCallOptions<'evidence-verify'> = {}): Promise<BagVerification> {
  requirePermission(ctx.actor, 'evidence.verify');
  return checkEvidencePack(upload.file, { fileName: upload.name, ownPublicKeyDer: workspacePublicKey(ctx.workspace.db), ...call });
}

/** A failed check as the command line reports it: exit 1, with every line in the error's details. */
export function evidenceInvalid(verification: BagVerification): RiskDeskError {
  const failed = verification.checks.filter((c) => !c.ok);
  return new RiskDeskError('EVIDENCE_INVALID', `${verification.fileName} failed ${failed.length} check${failed.length === 1 ? '' : 's'}: ${failed.map((c) => (c.file ? `${c.file}: ${c.message}` : c.message)).join('; ')}`, verification);
}
