import path from 'node:path';
import type { ImportEncoding, ImportKind } from '../../../preload/contract/vocabulary.ts';
import { verifyAudit } from '../audit-service.ts';
import { backupWorkspace } from '../backup-service.ts';
import { runDemo } from '../demo-service.ts';
import { readFileChunk } from '../export/file-chunks.ts';
import { auditAuditExport, auditExportFileName, auditExportScope, exportAuditCsv } from '../export/audit-export.ts';
import { auditLoanExport, exportLoansCsv, loanExportScope, loanExportFileName } from '../export/loan-export.ts';
import { importCsv } from '../import/import-csv.ts';
import type { ApiCore } from './api-core.ts';
import type { HandlerTable } from './handler.ts';
import { readJobFileChunk } from './job-file-chunks.ts';
import { startJob } from './start-job.ts';
import { removeUpload } from './uploads.ts';

type JobMethods = 'jobs.startImport' | 'jobs.importUpload' | 'jobs.startDemo' | 'jobs.list' | 'jobs.cancel' | 'audit.verify' | 'portfolio.exportLoans' | 'audit.export' | 'jobs.readExport' | 'workspace.backup';

/** The CLI's default, so the same scale gives the same demo from either. */
const DEFAULT_DEMO_SEED = 1;

/** Imports (or, with checkOnly, checks) `file` (reported as `name`) as a job; `after` runs when the job has ended, whatever its outcome. */
function startImportJob(core: ApiCore, source: { kind: ImportKind; file: string; name: string; encoding?: ImportEncoding | undefined; checkOnly?: boolean | undefined }, after?: () => void): { jobId: string } {
  const title = `${source.checkOnly ? 'Check' : 'Import'} ${source.kind} from ${source.name}`;
  return startJob(core, 'import', title, async (session, control) => {
    try {
      return await importCsv(session.ctx, source, {
        signal: control.signal,
        onProgress: (p) => control.onProgress({ done: p.bytesRead, total: p.totalBytes, phase: `${p.rows} rows` }),
      });
    } finally {
      after?.();
    }
  });
}

/** Long work returns a job id at once; progress and the result arrive as job.progress and job.done events. */
export const jobHandlers: HandlerTable<JobMethods> = {
  'jobs.startImport': (core, args) => {
    const file = core.files.existingFile(args.path, 'path');
    return startImportJob(core, { kind: args.kind, file, name: path.basename(file), encoding: args.encoding, checkOnly: args.checkOnly });
  },

  'jobs.importUpload': (core, args) => {
    const upload = core.requireSession().uploads.take(args.uploadId);
    // The uploaded bytes are for this one import (or check: confirming sends the file again, so that no upload waits
    // on a user who never confirms): they go when it ends, whatever its outcome.
    return startImportJob(core, { kind: args.kind, file: upload.file, name: upload.name, encoding: args.encoding, checkOnly: args.checkOnly }, () => removeUpload(upload));
  },

  'jobs.startDemo': (core, args) => {
    const seed = args.seed ?? DEFAULT_DEMO_SEED;
    return startJob(core, 'demo', `Demo portfolio (${args.scale}, seed ${seed})`, (session, control) => runDemo(session.ctx, { scale: args.scale, seed }, control));
  },

  'audit.verify': (core, { anchors }) => startJob(core, 'audit-verify', 'Audit chain check', (session, control) => verifyAudit(session.ctx, control, anchors)),

  'workspace.backup': (core, args) => {
    const target = core.files.newFile(args.path, 'path');
    return startJob(core, 'backup', `Backup to ${path.basename(target)}`, (session, control) => backupWorkspace(session.ctx, { to: target }, control));
  },

  'portfolio.exportLoans': (core, args) => {
    const scope = loanExportScope(core.requireSession().ctx, args);
    return startJob(core, 'export-loans', 'Loan export (CSV)', async (session, control) => {
      const file = session.folder.pathFor(loanExportFileName(session.ctx, control.jobId));
      const summary = await exportLoansCsv(session.ctx, { scope, file }, control);
      await session.write(() => auditLoanExport(session.ctx, summary, scope));
      return summary;
    });
  },

  'audit.export': (core, args) => {
    const scope = auditExportScope(core.requireSession().ctx, args);
    return startJob(core, 'export-audit', 'Audit trail export (CSV)', async (session, control) => {
      const file = session.folder.pathFor(auditExportFileName(session.ctx, control.jobId));
      const summary = await exportAuditCsv(session.ctx, { scope, file }, control);
      await session.write(() => auditAuditExport(session.ctx, summary, scope));
      return summary;
    });
  },

  'jobs.readExport': async (core, { jobId, offset }) => {
    const session = core.requireSession();
    // Both CSV exports are read the same way; a job of neither kind is NOT_FOUND as a loan export.
    const kind = session.jobs.kindOf(jobId) === 'export-audit' ? 'export-audit' : 'export-loans';
    const { data, ...chunk } = await readJobFileChunk(session, { jobId, kind, what: 'The export' }, (file) => readFileChunk(file, offset, 'utf8'));
    return { chunk: data, ...chunk };
  },

  'jobs.list': (core) => core.requireSession().jobs.list(),
  'jobs.cancel': (core, { jobId }) => {
    core.requireSession().jobs.cancel(jobId);
    return { ok: true };
  },
};
