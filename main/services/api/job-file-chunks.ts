import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { Session } from './session.ts';

/** The jobs that leave one file in the session's folder for the page to save. */
type FileJobKind = 'export-loans' | 'export-audit' | 'evidence-export';

/**
 * A chunk of the file a finished job left in the session's folder (a loan export, an evidence pack), for the page to
 * save. The file is plaintext outside the encrypted workspace, so it goes as soon as its last chunk has been read: it
 * has served its purpose then (the page holds the bytes), and another copy means making it again. A file the page
 * never reads goes when the session ends (or, after a crash, at the next start or unlock: session-folder.ts).
 */
export async function readJobFileChunk<C extends { done: boolean }>(
  session: Pick<Session, 'jobs'>,
  request: { jobId: string; kind: FileJobKind; what: string },
  read: (file: string) => Promise<C>,
): Promise<C & { fileName: string }> {
  const { jobId, kind, what } = request;
  const { result, files } = session.jobs.finished(jobId, kind);
  const gone = () => new RiskDeskError('NOT_FOUND', `${what} of job ${jobId} is no longer here: it is removed once it has been read to its end. Make it again to save another copy.`);
  const file = files[0];
  if (!file) throw gone();
  let chunk: C;
  try {
    chunk = await read(file);
  } catch (error) {
    // Another read of the last chunk removed it in the meantime.
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') throw gone();
    throw error;
  }
  if (chunk.done) session.jobs.discardFiles(jobId);
  return { ...chunk, fileName: result.fileName };
}
