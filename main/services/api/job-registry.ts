import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ApiError, EventName, Job } from '../../../preload/contract/index.ts';
import { isRiskDeskError } from '../../../preload/contract/errors.ts';
import { toApiError } from './api-errors.ts';
import type { WriteLock } from './write-lock.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

export interface JobProgressUpdate {
  readonly done: number;
  readonly total: number;
  readonly phase: string;
}

/** What a running job gets: its cancellation signal, a progress reporter, and a way to register files it leaves. */
export interface JobControl {
  readonly jobId: string;
  readonly signal: AbortSignal;
  progress(update: JobProgressUpdate): void;
  /** A file that belongs to the job: removed if the job does not finish, and when the session ends. */
  keepFile(file: string): void;
}

interface JobEntry {
  job: Job;
  readonly controller: AbortController;
  readonly settled: Promise<void>;
  readonly files: string[];
  result?: unknown;
}

export interface JobRegistryOptions {
  readonly emit: (name: EventName, payload: unknown) => void;
  readonly writeLock: WriteLock;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

/** At most ten progress events a second per job; the last state is always in jobs.list and job.done. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * The jobs of one session: each runs in the background with an AbortController, reports progress as
 * throttled `job.progress` events and ends with one `job.done`. Write jobs (import, demo, backup) take the
 * session's write lock first, so they run one at a time and never interleave with other writes.
 */
export class JobRegistry {
  private readonly entries = new Map<string, JobEntry>();
  private readonly options: JobRegistryOptions;

  constructor(options: JobRegistryOptions) {
    this.options = options;
  }

  start(kind: Job['kind'], label: string, run: (control: JobControl) => Promise<unknown>, options: { write: boolean }): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const files: string[] = [];
    const job: Job = { jobId, kind, label, state: 'running', done: 0, total: 0, phase: options.write ? 'queued' : 'starting', startedAt: this.options.now().toISOString() };
    let lastEmit = -Infinity;
    const control: JobControl = {
      jobId,
      signal: controller.signal,
      progress: (update) => {
        const entry = this.entries.get(jobId);
        if (!entry || entry.job.state !== 'running' || controller.signal.aborted) return;
        entry.job = { ...entry.job, done: update.done, total: update.total, phase: update.phase };
        const at = performance.now();
        if (at - lastEmit < PROGRESS_INTERVAL_MS) return;
        lastEmit = at;
        this.options.emit('job.progress', entry.job);
      },
      keepFile: (file) => void files.push(file),
    };
    const body = async (): Promise<unknown> => {
      controller.signal.throwIfAborted();
      return run(control);
    };
    const execution = options.write ? this.options.writeLock.run(body) : body();
    const settled = execution.then(
      (result) => this.finish(jobId, 'done', { result }),
      (error: unknown) => this.finish(jobId, controller.signal.aborted || (isRiskDeskError(error) && error.code === 'JOB_CANCELLED') ? 'cancelled' : 'failed', { error }),
    );
    this.entries.set(jobId, { job, controller, settled, files });
    this.options.emit('job.progress', job);
    return jobId;
  }

  private finish(jobId: string, state: 'done' | 'failed' | 'cancelled', outcome: { result?: unknown; error?: unknown }): void {
    const entry = this.entries.get(jobId);
    if (!entry) return;
    entry.job = { ...entry.job, state };
    if (state === 'done') {
      entry.result = outcome.result;
      this.options.emit('job.done', { job: entry.job, result: outcome.result });
      return;
    }
    removeFiles(entry.files.splice(0));
    const error: ApiError =
      state === 'cancelled' && !(isRiskDeskError(outcome.error) && outcome.error.code === 'JOB_CANCELLED')
        ? { code: 'JOB_CANCELLED', message: `${entry.job.label} was cancelled; nothing half-done was kept.` }
        : toApiError(outcome.error, { method: `job ${entry.job.kind}`, secrets: [], log: this.options.log });
    this.options.emit('job.done', { job: entry.job, error });
  }

  list(): Job[] {
    return [...this.entries.values()].map((entry) => entry.job);
  }

  /** Cancels a running job (finished ones stay as they are). */
  cancel(jobId: string): void {
    const entry = this.entries.get(jobId);
    if (!entry) throw new RiskDeskError('NOT_FOUND', `There is no job ${jobId} in this session.`);
    if (entry.job.state === 'running') entry.controller.abort();
  }

  /** A finished job's result and files (an export to read, a development to save). */
  finished(jobId: string, kind: Job['kind']): { result: unknown; files: readonly string[] } {
    const entry = this.entries.get(jobId);
    if (!entry || entry.job.kind !== kind) throw new RiskDeskError('NOT_FOUND', `There is no ${kind} job ${jobId} in this session.`);
    if (entry.job.state !== 'done') throw new RiskDeskError('NOT_FOUND', `Job ${jobId} is ${entry.job.state}; only a finished job's result can be read.`);
    return { result: entry.result, files: entry.files };
  }

  /** Cancels every running job, waits for all of them to settle, and removes the files they left. */
  async close(): Promise<void> {
    for (const entry of this.entries.values()) if (entry.job.state === 'running') entry.controller.abort();
    await Promise.all([...this.entries.values()].map((entry) => entry.settled));
    for (const entry of this.entries.values()) removeFiles(entry.files.splice(0));
  }
}

function removeFiles(files: readonly string[]): void {
  for (const file of files) fs.rmSync(file, { force: true });
}
