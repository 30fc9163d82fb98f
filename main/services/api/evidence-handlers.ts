import { checkEvidenceScope, evidencePackName, listExports, previewEvidence, recordEvidenceExport, verifyEvidencePack, writeEvidencePack } from '../evidence/evidence-service.ts';
import { readFileChunk } from '../export/file-chunks.ts';
import type { HandlerTable } from './handler.ts';
import { readJobFileChunk } from './job-file-chunks.ts';
import { startJob } from './start-job.ts';
import { removeUpload } from './uploads.ts';

type EvidenceMethods = 'evidence.preview' | 'evidence.startExport' | 'evidence.readPack' | 'evidence.exports' | 'evidence.startVerify';

/**
 * Packs are written into the session's private folder (removed at lock) and read from there in chunks, and removed once
 * read to the end; the pack is listed and audited once it is complete, behind the write lock. A verify takes an uploaded pack and removes it after.
 */
export const evidenceHandlers: HandlerTable<EvidenceMethods> = {
  'evidence.preview': (core, scope) => previewEvidence(core.requireSession().ctx, scope),
  'evidence.startExport': (core, scope) => {
    // Refuses a scope naming ids that do not exist now, rather than as a failed job a moment later.
    checkEvidenceScope(core.requireSession().ctx, scope);
    return startJob(core, 'evidence-export', `Evidence pack ${scope.from} – ${scope.to}`, async (session, control) => {
      const out = session.folder.pathFor(`${evidencePackName(scope, session.ctx.now())}.zip`);
      const written = await writeEvidencePack(session.ctx, { scope, out, language: session.settings.language }, control);
      control.keepFile(out);
      return session.write(() => recordEvidenceExport(session.ctx, written));
    });
  },
  'evidence.readPack': (core, { jobId, offset }) => readJobFileChunk(core.requireSession(), { jobId, kind: 'evidence-export', what: 'The evidence pack' }, (file) => readFileChunk(file, offset, 'base64')),
  'evidence.exports': (core) => listExports(core.requireSession().ctx),
  'evidence.startVerify': (core, { uploadId }) => {
    const upload = core.requireSession().uploads.take(uploadId);
    return startJob(core, 'evidence-verify', `Check of ${upload.name}`, async (session, control) => {
      try {
        return await verifyEvidencePack(session.ctx, { file: upload.file, name: upload.name }, control);
      } finally {
        removeUpload(upload);
      }
    });
  },
};
