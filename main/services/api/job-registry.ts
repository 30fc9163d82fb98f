import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ApiError, EventName } from '../../../preload/contract/index.ts';
import { isRiskDeskError, RiskDeskError } from '../../../preload/contract/errors.ts';
import { JOBS, type Job, type JobAccess, type JobProgressOf, type JobResult, type SessionJobKind } from '../../../preload/contract/jobs.ts';
import type { WriterSpec } from '../../store/write-connection.ts';
import { toApiError } from './api-errors.ts';
import type { WriteLock } from './write-lock.ts';

/**
 * What a running job gets: its cancellation signal, a progress reporter (in its kind's phases), a way to register
 * files it leaves and, for a kind that writes, the writer spec, valid for as long as the job holds the write lock.
 * The control is what services take as a job's call options (context.ts: JobCallOptions, WriteCallOptions).
 */
export type JobControl<K extends SessionJobKind> = {
  readonly jobId: string;
  readonly signal: AbortSignal;
  readonly onProgress: (update: JobProgressOf<K>) => void;
  /** A file that belongs to the job: removed if the job does not finish, and when the session ends. */
  keepFile(file: string): void;
} & (JobAccess<K> extends 'write' ? { readonly writer: WriterSpec } : unknown);

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
  /** The workspace's writer spec, asked for only once a writing job holds the write lock. */
  readonly writerSpec: () => WriterSpec;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

/** At most ten progress events a second per job; the last state is always in jobs.list and job.done. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * The jobs of one session: each runs in the background with an AbortController, reports progress as
 * throttled `job.progress` events and ends with one `job.done` carrying its result, parsed by its kind's schema.
 * Jobs whose kind writes (JOBS in the contract: import, demo, backup, credit run) take the session's write lock
 * first, so they run one at a time and never interleave with other writes.
 */
export class JobRegistry {
  private readonly entries = new Map<string, JobEntry>();
  private readonly options: JobRegistryOptions;

  constructor(options: JobRegistryOptions) {
    this.options = options;
  }

  start<K extends SessionJobKind>(kind: K, label: string, run: (control: JobControl<K>) => Promise<JobResult<K>>): string {
    const jobId = randomUUID();
    const controller = new AbortController();
    const files: string[] = [];
    const writes = JOBS[kind].access === 'write';
    const job: Job = { jobId, kind, label, state: 'running', done: 0, total: 0, phase: writes ? 'queued' : 'starting', startedAt: this.options.now().toISOString() };
    let lastEmit = -Infinity;
    const control = {
      jobId,
      signal: controller.signal,
      onProgress: (update: JobProgressOf<K>) => {
        const entry = this.entries.get(jobId);
        if (!entry || entry.job.state !== 'running' || controller.signal.aborted) return;
        entry.job = { ...entry.job, done: update.done, total: update.total, phase: update.phase };
        const at = performance.now();
        if (at - lastEmit < PROGRESS_INTERVAL_MS) return;
        lastEmit = at;
        this.options.emit('job.progress', entry.job);
      },
      keepFile: (file: string) => void files.push(file),
    };
    const body = async (withWriter: object): Promise<unknown> => {
      controller.signal.throwIfAborted();
      // The writer spec is part of the control only for a kind that writes (JobControl's type says when).
      return run({ ...control, ...withWriter } as JobControl<K>);
    };
    const execution = writes ? this.options.writeLock.run(() => body({ writer: this.options.writerSpec() })) : body({});
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
    if (state === 'done') {
      // What job.done carries and finished() hands back is what the kind declares, whatever the job returned.
      const parsed = JOBS[entry.job.kind].result.safeParse(outcome.result);
      if (parsed.success) {
        entry.job = { ...entry.job, state };
        entry.result = parsed.data;
        this.options.emit('job.done', { job: entry.job, result: entry.result });
        return;
      }
      this.options.log(`RiskDesk: the ${entry.job.kind} job returned a result its kind does not declare: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
      return this.finish(jobId, 'failed', { error: new RiskDeskError('INTERNAL', `${entry.job.label} finished, but its result could not be read.`) });
    }
    entry.job = { ...entry.job, state };
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

  /** A finished job's result (as its kind declares it) and files: an export to read, a development to save. */
  finished<K extends SessionJobKind>(jobId: string, kind: K): { result: JobResult<K>; files: readonly string[] } {
    const entry = this.entries.get(jobId);
    if (!entry || entry.job.kind !== kind) throw new RiskDeskError('NOT_FOUND', `There is no ${kind} job ${jobId} in this session.`);
    if (entry.job.state !== 'done') throw new RiskDeskError('NOT_FOUND', `Job ${jobId} is ${entry.job.state}; only a finished job's result can be read.`);
    // finish() stored it parsed by the schema of this very kind.
    return { result: entry.result as JobResult<K>, files: entry.files };
  }

  /** The kind of a job of this session, if there is one with this id. */
  kindOf(jobId: string): SessionJobKind | undefined {
    return this.entries.get(jobId)?.job.kind;
  }

  /** Removes a finished job's files now that they have served their purpose (an export read to its end). */
  discardFiles(jobId: string): void {
    const entry = this.entries.get(jobId);
    if (entry) removeFiles(entry.files.splice(0));
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
