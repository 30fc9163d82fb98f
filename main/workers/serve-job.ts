import { openEncryptedDatabase, type Db } from '../store/database.ts';
import { openWriteConnection } from '../store/write-connection.ts';
import { isRiskDeskError } from '../../preload/contract/errors.ts';
import { PROGRESS_END, type ProgressMessage, type ReadConnections, type ReaderSpec, type ReportProgress, type WorkerReply, type WorkerTask, type WriteConnections } from './protocol.ts';

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
 *
 * A job that writes gets a writable connection of its own, opened from the writer spec main sent with the task and
 * closed before the job is reported settled, so that it never outlives main's write lock; a job that reads is never
 * sent one, and refuses a task that carries it.
 */
export function serveJob<Result>(task: WorkerTask, access: 'read' | 'write', job: (connections: ReadConnections | WriteConnections, report: ReportProgress) => Result): WorkerReply<Result> {
  let writer: Db | undefined;
  try {
    const reader = readerFor(task.reader);
    if (access === 'write') {
      if (!task.writer) throw new Error(`internal: the ${task.kind} job writes, and was sent no writer spec`);
      writer = openWriteConnection(task.writer);
    } else if (task.writer) {
      throw new Error(`internal: the ${task.kind} job only reads, and was sent a writer spec`);
    }
    const report: ReportProgress = (progress) => post(task, progress);
    return { ok: true, value: job(writer ? { reader, writer } : { reader }, report) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Nothing in this codebase puts the key in a message; this keeps a driver or SQLite message from doing so.
    const safeMessage = [task.reader.key, task.writer?.key].reduce((text, key) => (key ? text.replaceAll(Buffer.from(key).toString('hex'), '[key]') : text), message);
    return isRiskDeskError(error) ? { ok: false, message: safeMessage, code: error.code } : { ok: false, message: safeMessage };
  } finally {
    try {
      writer?.close();
    } finally {
      endProgress(task);
    }
  }
}

function post(task: WorkerTask, message: ProgressMessage): void {
  task.port.postMessage(message);
}

export function endProgress(task: WorkerTask): void {
  post(task, PROGRESS_END);
  task.port.close();
}
