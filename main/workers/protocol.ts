import type { MessagePort } from 'node:worker_threads';
import type { JobAccess, JobInput, JobProgressOf, JobResult, ParsedJobInput, WorkerJobKind } from '../../preload/contract/jobs.ts';
import type { Db } from '../store/database.ts';
import type { WriterSpec } from '../store/write-connection.ts';

/**
 * What crosses the thread boundary between the pool (main) and an engine worker. Every job reads the workspace
 * through the worker's own read-only connection, so each task carries where and how to open it; a job that writes
 * (JOBS in the contract says which) also carries the writer spec main handed it under its write lock.
 */

/** Where a worker opens its read-only connection. Never logged, never put in an error message. */
export interface ReaderSpec {
  readonly path: string;
  readonly key: Uint8Array;
}

export interface JobProgress {
  readonly done: number;
  readonly total: number;
  readonly phase: string;
}

/** Each worker job kind as the pool runs it, from the contract's registry. Input and result survive structured cloning. */
export type EngineJobs = { [K in WorkerJobKind]: { input: JobInput<K>; progress: JobProgressOf<K>; result: JobResult<K>; access: JobAccess<K> } };

export type JobMap = Record<string, { input: unknown; progress: JobProgress; result: unknown; access: 'read' | 'write' }>;

/** The connections a job works on: the worker's read-only one and, for a job that writes, a writable one of its own. */
export interface ReadConnections {
  readonly reader: Db;
}
export interface WriteConnections extends ReadConnections {
  readonly writer: Db;
}

export type ReportProgress<Progress extends JobProgress = JobProgress> = (progress: Progress) => void;

/** A worker job of one kind: synchronous work on its connections, with progress in the phases its kind declares. */
export type EngineJob<K extends WorkerJobKind> = (
  connections: JobAccess<K> extends 'write' ? WriteConnections : ReadConnections,
  input: ParsedJobInput<K>,
  report: ReportProgress<JobProgressOf<K>>,
) => JobResult<K>;

/**
 * What a worker posts on its progress port: progress, then END once, after its last progress message. The
 * pool waits for END before it settles the job, because the reply travels on another port and can overtake
 * progress. (Closing the port is no substitute: the close reaches main only when the worker's event loop
 * runs again, and an idle pooled worker is parked in Atomics.wait.)
 */
export const PROGRESS_END = 'end';
export type ProgressMessage = JobProgress | typeof PROGRESS_END;

/** The message a worker receives. `port` is transferred; the worker posts ProgressMessage on it. */
export interface WorkerTask<Kind extends string = string, Input = unknown> {
  readonly kind: Kind;
  readonly input: Input;
  readonly reader: ReaderSpec;
  /** Only for a job that writes, and only while main holds the write lock for it. */
  readonly writer?: WriterSpec;
  readonly port: MessagePort;
}

/**
 * A worker answers with a value rather than by throwing, so that the pool can tell a job that failed
 * (an ordinary error, reported here) from a worker that died (which rejects the task instead).
 */
export type WorkerReply<Result = unknown> =
  | { readonly ok: true; readonly value: Result }
  | { readonly ok: false; readonly message: string; readonly code?: string };
