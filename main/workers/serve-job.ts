import { openEncryptedDatabase, type Db } from '../store/database.ts';
import { isRiskDeskError } from '../../preload/contract/errors.ts';
import { PROGRESS_END, type JobProgress, type ProgressMessage, type ReaderSpec, type WorkerReply, type WorkerTask } from './protocol.ts';

export type ReportProgress = (progress: JobProgress) => void;

/**
 * A job as a worker runs it: synchronous reads on the worker's own read-only connection, progress as it goes.
 * The workspace spec is there for the one job that writes (a credit run opens its own writable connection).
 */
export type Job<Input, Result> = (db: Db, input: Input, report: ReportProgress, workspace: ReaderSpec) => Result;

// One read-only connection per workspace per worker: a worker serves many jobs over its life. A task whose key
// differs from the cached connection's (a re-keyed workspace, or a wrong key) must not read through it.
const readers = new Map<string, { db: Db; key: Buffer }>();

function readerFor(spec: ReaderSpec): Db {
  const key = Buffer.from(spec.key);
  const cached = readers.get(spec.path);
  if (cached && cached.key.equals(key)) return cached.db;
  if (cached) {
    readers.delete(spec.path);
    cached.db.close();
  }
  const db = openEncryptedDatabase(spec.path, key, { readonly: true });
  readers.set(spec.path, { db, key });
  return db;
}

/**
 * Runs one job inside a worker and answers in the pool's protocol: errors become a failed reply (never a
 * throw, which the pool would take for a dead worker), and the progress port ends with PROGRESS_END.
 */
export function serveJob<Input, Result>(task: WorkerTask<string, Input>, job: Job<Input, Result>): WorkerReply<Result> {
  try {
    const db = readerFor(task.reader);
    const report: ReportProgress = (progress) => post(task, progress);
    return { ok: true, value: job(db, task.input, report, task.reader) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Nothing in this codebase puts the key in a message; this keeps a driver or SQLite message from doing so.
    const safeMessage = message.replaceAll(Buffer.from(task.reader.key).toString('hex'), '[key]');
    return isRiskDeskError(error) ? { ok: false, message: safeMessage, code: error.code } : { ok: false, message: safeMessage };
  } finally {
    endProgress(task);
  }
}

function post(task: WorkerTask<string, unknown>, message: ProgressMessage): void {
  task.port.postMessage(message);
}

export function endProgress(task: WorkerTask<string, unknown>): void {
  post(task, PROGRESS_END);
  task.port.close();
}
