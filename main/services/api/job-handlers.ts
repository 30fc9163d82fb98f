import fs from 'node:fs';
import path from 'node:path';
import type { ImportKind } from '../../../preload/contract/vocabulary.ts';
import { backupWorkspace } from '../backup-service.ts';
import { runDemo } from '../demo-service.ts';
import { importCsv } from '../import/import-csv.ts';
import { verifyAudit } from '../jobs-service.ts';
import { LOAN_GRID } from '../../store/portfolio-queries.ts';
import type { ApiCore } from './api-core.ts';
import type { HandlerTable } from './handler.ts';
import { auditLoanExport, exportColumns, exportLoansCsv, readExportChunk } from './loan-export.ts';
import { checkGridQuery } from './portfolio-handlers.ts';
import { startJob } from './start-job.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

type JobMethods = 'jobs.startImport' | 'jobs.importUpload' | 'jobs.startDemo' | 'jobs.list' | 'jobs.cancel' | 'audit.verify' | 'portfolio.exportLoans' | 'jobs.readExport' | 'workspace.backup';

/** The CLI's default, so the same scale gives the same demo from either. */
const DEFAULT_DEMO_SEED = 1;

function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Imports `file` (reported as `name`) as a job; `after` runs when the job has ended, whatever its outcome. */
function startImportJob(core: ApiCore, source: { kind: ImportKind; file: string; name: string }, after?: () => void): { jobId: string } {
  return startJob(core, 'import', `Import ${source.kind} from ${source.name}`, async (session, control) => {
    try {
      return await importCsv(session.ctx, {
        kind: source.kind,
        file: source.file,
        name: source.name,
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
    return startImportJob(core, { kind: args.kind, file, name: path.basename(file) });
  },

  'jobs.importUpload': (core, args) => {
    const upload = core.requireSession().uploads.take(args.uploadId);
    // The uploaded bytes are for this one import: they go when it ends, whatever its outcome.
    return startImportJob(core, { kind: args.kind, file: upload.file, name: upload.name }, () => fs.rmSync(upload.file, { force: true }));
  },

  'jobs.startDemo': (core, args) => {
    const seed = args.seed ?? DEFAULT_DEMO_SEED;
    return startJob(core, 'demo', `Demo portfolio (${args.scale}, seed ${seed})`, (session, control) => runDemo(session.ctx, { scale: args.scale, seed, signal: control.signal, onProgress: control.onProgress }));
  },

  'audit.verify': (core) => startJob(core, 'audit-verify', 'Audit chain check', (session, control) => verifyAudit(session.ctx, core.pool(), control)),

  'workspace.backup': (core, args) => {
    const target = core.files.newFile(args.path, 'path');
    return startJob(core, 'backup', `Backup to ${path.basename(target)}`, async (session, control) => {
      control.onProgress({ done: 0, total: 1, phase: 'copying' });
      const summary = await backupWorkspace(session.workspace, target, core.now);
      control.onProgress({ done: 1, total: 1, phase: 'copied' });
      return summary;
    });
  },

  'portfolio.exportLoans': (core, args) => {
    checkGridQuery(LOAN_GRID, args);
    const scope = { filterModel: args.filterModel, sortModel: args.sortModel, columns: exportColumns(args.columns) };
    return startJob(core, 'export-loans', 'Loan export (CSV)', async (session, control) => {
      const file = session.folder.pathFor(`loans-${fileStamp(core.now())}-${control.jobId.slice(0, 8)}.csv`);
      const summary = await exportLoansCsv({ ...scope, reader: session.workspace.readerSpec(), file, control });
      await session.write(() => auditLoanExport(session.ctx, summary, scope));
      return summary;
    });
  },

  'jobs.readExport': async (core, { jobId, offset }) => {
    const { result, files } = core.requireSession().jobs.finished(jobId, 'export-loans');
    const file = files[0];
    if (!file) throw new RiskDeskError('NOT_FOUND', `The export of job ${jobId} is no longer there.`);
    const chunk = await readExportChunk(file, offset);
    return { ...chunk, fileName: result.fileName };
  },

  'jobs.list': (core) => core.requireSession().jobs.list(),
  'jobs.cancel': (core, { jobId }) => {
    core.requireSession().jobs.cancel(jobId);
    return { ok: true };
  },
};
