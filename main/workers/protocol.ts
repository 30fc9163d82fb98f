import type { MessagePort } from 'node:worker_threads';
import type { AuditVerification } from '../store/audit.ts';
import type { CreditAnalytics, DevelopmentReport, ModelMonitoring, RunSummary } from '../../preload/contract/credit.ts';
import type { CreditBinningInput, CreditBinningResult } from './jobs/credit-binning.ts';
import type { CreditDevelopmentInput } from './jobs/credit-development.ts';
import type { CreditMonitoringInput } from './jobs/credit-monitoring.ts';
import type { CreditRunInput } from './jobs/credit-run.ts';
import type { DashboardSummary } from './jobs/dashboard-summary.ts';

/**
 * What crosses the thread boundary between the pool (main) and an engine worker. Every job reads the
 * workspace through its own read-only connection, so each task carries where and how to open it.
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

/** Rows read per query; small batches in tests make progress visible, large ones in production cut overhead. */
export interface BatchedInput {
  readonly batchSize?: number;
}

/** Each job kind's input and result. Both must survive structured cloning (no functions, no class instances). */
export type EngineJobs = {
  'audit-verify': { input: BatchedInput; result: AuditVerification };
  'dashboard-summary': { input: Record<string, never>; result: DashboardSummary };
  'credit-development': { input: CreditDevelopmentInput; result: DevelopmentReport };
  'credit-binning': { input: CreditBinningInput; result: CreditBinningResult };
  'credit-run': { input: CreditRunInput; result: RunSummary };
  'credit-analytics': { input: Record<string, never>; result: CreditAnalytics };
  'credit-monitoring': { input: CreditMonitoringInput; result: ModelMonitoring };
};

export type JobMap = Record<string, { input: unknown; result: unknown }>;
export type JobKind = keyof EngineJobs;

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
  readonly port: MessagePort;
}

/**
 * A worker answers with a value rather than by throwing, so that the pool can tell a job that failed
 * (an ordinary error, reported here) from a worker that died (which rejects the task instead).
 */
export type WorkerReply<Result = unknown> =
  | { readonly ok: true; readonly value: Result }
  | { readonly ok: false; readonly message: string; readonly code?: string };
