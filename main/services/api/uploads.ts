import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MAX_UPLOAD_BYTES } from '../../../preload/contract/index.ts';
import type { SessionFolder } from '../session-folder.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

/**
 * Files the page sends to main for import: the way a file from anywhere on the user's machine reaches
 * RiskDesk without the renderer naming a path (file-access.ts). The page reads the file the user picked and
 * sends it in order, in chunks of at most half a megabyte, over the same contract as every other call, so it
 * works alike in the desktop window and the browser host. The bytes land in the session's private folder
 * (session-folder.ts), are imported from there by one import job, and are removed when that job ends or the
 * session does.
 */
/** Uploads of one session not yet used (by an import, a case attachment or an evidence pack check). */
const MAX_OPEN_UPLOADS = 6;
/** Room left on the disk after an upload, so that the workspace itself can still grow. */
const DISK_HEADROOM_BYTES = 256 * 1024 ** 2;

interface Upload {
  readonly file: string;
  readonly name: string;
  readonly bytes: number;
  received: number;
}

export interface CompletedUpload {
  readonly file: string;
  /** The name the user's file had, for messages and the audit trail. */
  readonly name: string;
  readonly bytes: number;
}

/** Removes a taken upload's bytes once the import they were for has ended, whatever its outcome. */
export function removeUpload(upload: CompletedUpload): void {
  fs.rmSync(upload.file, { force: true });
}

/** The file's own name without folders, controls or invisible formatting (bidi overrides), as the page reported it. */
function displayName(reported: string): string {
  const base = reported.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').trim().slice(0, 200);
  return clean === '' ? 'upload.csv' : clean;
}

function freeBytes(dir: string): number {
  const stats = fs.statfsSync(dir);
  return stats.bavail * stats.bsize;
}

export class Uploads {
  private readonly folder: SessionFolder;
  private readonly entries = new Map<string, Upload>();

  constructor(folder: SessionFolder) {
    this.folder = folder;
  }

  start(reportedName: string, bytes: number): { uploadId: string } {
    if (this.entries.size >= MAX_OPEN_UPLOADS) {
      throw new RiskDeskError('INVALID_STATE', `This session already has ${MAX_OPEN_UPLOADS} uploads waiting to be used; import, attach or check them, or lock, to clear them first.`);
    }
    if (bytes > MAX_UPLOAD_BYTES) throw new RiskDeskError('VALIDATION', `bytes: an upload may hold at most ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB.`, [{ path: 'bytes', message: 'too large' }]);
    const uploadId = randomBytes(16).toString('hex');
    const file = this.folder.pathFor(`upload-${uploadId}.csv`);
    const free = freeBytes(path.dirname(file));
    if (bytes + DISK_HEADROOM_BYTES > free) {
      throw new RiskDeskError('INVALID_ARGUMENT', `There is not enough free disk space beside the workspace for this file (${bytes.toLocaleString('en-US')} bytes; ${free.toLocaleString('en-US')} free).`);
    }
    fs.writeFileSync(file, '', { mode: 0o600, flag: 'wx' });
    this.entries.set(uploadId, { file, name: displayName(reportedName), bytes, received: 0 });
    return { uploadId };
  }

  /** Appends the next chunk; chunks arrive in order, each at the offset where the last one ended. */
  async append(uploadId: string, offset: number, chunk: Buffer): Promise<{ received: number; complete: boolean }> {
    const upload = this.open(uploadId);
    if (offset !== upload.received) {
      throw new RiskDeskError('VALIDATION', `offset: this upload continues at byte ${upload.received}, not ${offset}.`, [{ path: 'offset', message: `expected ${upload.received}` }]);
    }
    if (upload.received + chunk.length > upload.bytes) {
      this.discard(uploadId);
      throw new RiskDeskError('VALIDATION', `data: the upload is longer than the ${upload.bytes} bytes announced; it was discarded.`, [{ path: 'data', message: 'past the announced size' }]);
    }
    // Counted before the write, so that a second call with the same offset is refused rather than interleaved.
    upload.received += chunk.length;
    try {
      await fs.promises.appendFile(upload.file, chunk);
    } catch (error) {
      this.discard(uploadId);
      throw error;
    }
    return { received: upload.received, complete: upload.received === upload.bytes };
  }

  /** Hands a complete upload over (to an import job, which removes the file when it ends). */
  take(uploadId: string): CompletedUpload {
    const upload = this.open(uploadId);
    if (upload.received !== upload.bytes) {
      throw new RiskDeskError('INVALID_STATE', `The upload of ${upload.name} is incomplete (${upload.received} of ${upload.bytes} bytes); send the rest first.`);
    }
    this.entries.delete(uploadId);
    return { file: upload.file, name: upload.name, bytes: upload.bytes };
  }

  private open(uploadId: string): Upload {
    const upload = this.entries.get(uploadId);
    if (!upload) throw new RiskDeskError('NOT_FOUND', `There is no upload ${uploadId.slice(0, 40)} in this session.`);
    return upload;
  }

  private discard(uploadId: string): void {
    const upload = this.entries.get(uploadId);
    this.entries.delete(uploadId);
    if (upload) fs.rmSync(upload.file, { force: true });
  }
}
