import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import type { WriterSpec } from '../store/write-connection.ts';
import { PROGRESS_END, type EngineJobs, type JobMap, type ProgressMessage, type ReaderSpec, type WorkerReply, type WorkerTask } from './protocol.ts';

export interface EnginePoolOptions {
  /** Worker threads at most; defaults to one fewer than the cores, so the main process keeps one. */
  readonly size?: number;
  /** The worker entry (absolute path or file: URL); a .ts entry is loaded through tsx-worker.mjs. Tests pass fixtures. */
  readonly workerFile?: string | URL;
  /** How long an idle worker (and its open connection) is kept for the next job. */
  readonly idleTimeoutMs?: number;
  /** Heap limit per worker; a job that exceeds it fails alone instead of taking the process down. */
  readonly maxHeapMb?: number;
  /** A worker error outside any job (nothing to reject); by default written to stderr. */
  readonly onStrayError?: (error: Error) => void;
}

/**
 * Where and how one job runs: the reader spec always; for a kind that writes, the writer spec too, which main hands
 * out only while it holds the write lock for this job (and which a reading kind cannot be given).
 */
export type RunJobOptions<Job extends JobMap[string] = JobMap[string]> = {
  readonly reader: ReaderSpec;
  readonly onProgress?: (progress: Job['progress']) => void;
  readonly signal?: AbortSignal;
} & (Job['access'] extends 'write' ? { readonly writer: WriterSpec } : { readonly writer?: never });

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

// Running from source (tests, dev) the entry is TypeScript; running from dist it is the emitted JavaScript.
const DEFAULT_WORKER = new URL(import.meta.url.endsWith('.ts') ? './engine-worker.ts' : './engine-worker.js', import.meta.url);
const TSX_WORKER = new URL('./tsx-worker.mjs', import.meta.url);

function workerLaunch(entry: string | URL): { filename: string; workerData?: { tsEntry: string } } {
  const url = entry instanceof URL ? entry : entry.startsWith('file:') ? new URL(entry) : pathToFileURL(entry);
  if (!url.pathname.endsWith('.ts')) return { filename: fileURLToPath(url) };
  return { filename: fileURLToPath(TSX_WORKER), workerData: { tsEntry: url.href } };
}

/**
 * Runs engine jobs on worker threads so that the main process (UI, IPC, the single writer) stays responsive.
 * Every job settles with its result or a RiskDeskError: JOB_CANCELLED when its signal aborts (the worker
 * running it is terminated and replaced on demand), JOB_FAILED when the job throws or its worker dies.
 */
export class EnginePool<Jobs extends JobMap = EngineJobs> {
  private readonly piscina: Piscina<WorkerTask, WorkerReply>;
  private closed = false;

  constructor(options: EnginePoolOptions = {}) {
    const size = options.size ?? defaultPoolSize();
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`engine pool size must be a positive integer, not ${size}`);
    this.piscina = new Piscina({
      ...workerLaunch(options.workerFile ?? DEFAULT_WORKER),
      minThreads: 0,
      maxThreads: size,
      idleTimeout: options.idleTimeoutMs ?? 30_000,
      ...(options.maxHeapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } }),
    });
    // Without a listener, an error from an idle worker would be an unhandled 'error' event and end the process.
    const onStrayError = options.onStrayError ?? ((error: Error) => console.error(`RiskDesk engine worker failed outside a job: ${error.message}`));
    this.piscina.on('error', onStrayError);
  }

  get size(): number {
    return this.piscina.options.maxThreads;
  }

  async run<K extends keyof Jobs & string>(kind: K, input: Jobs[K]['input'], options: RunJobOptions<Jobs[K]>): Promise<Jobs[K]['result']> {
    const { signal, onProgress } = options;
    if (this.closed) throw new RiskDeskError('JOB_CANCELLED', `The ${kind} job was not started: the engine pool is closed.`);
    if (signal?.aborted) throw cancelled(kind);
    const { port1: progress, port2: workerPort } = new MessageChannel();
    let endProgress = (): void => {};
    const progressEnded = new Promise<void>((resolve) => (endProgress = resolve));
    progress.on('message', (message: ProgressMessage) => {
      if (message === PROGRESS_END) endProgress();
      else if (!signal?.aborted) onProgress?.(message as Jobs[K]['progress']);
    });
    let reply: WorkerReply;
    try {
      const task: WorkerTask = { kind, input, reader: options.reader, ...(options.writer ? { writer: options.writer } : {}), port: workerPort };
      reply = await this.piscina.run(task, { transferList: [workerPort], ...(signal ? { signal } : {}) });
      await progressEnded;
    } catch (error) {
      if (signal?.aborted) throw cancelled(kind);
      if (this.closed) throw new RiskDeskError('JOB_CANCELLED', `The ${kind} job was stopped: the engine pool was closed.`);
      throw new RiskDeskError('JOB_FAILED', `The ${kind} job's worker stopped unexpectedly: ${describe(error)}`);
    } finally {
      progress.close();
    }
    if (!reply.ok) throw new RiskDeskError('JOB_FAILED', `The ${kind} job failed: ${reply.message}`, reply.code ? { cause: reply.code } : undefined);
    return reply.value as Jobs[K]['result'];
  }

  /** Terminates every worker; jobs still running or queued fail. */
  async close(): Promise<void> {
    this.closed = true;
    await this.piscina.destroy();
  }
}

function cancelled(kind: string): RiskDeskError {
  return new RiskDeskError('JOB_CANCELLED', `The ${kind} job was cancelled before it finished.`);
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const exited = /^worker exited with code: (-?\d+)$/.exec(error.message);
  return exited ? `it exited with code ${exited[1]}` : error.message;
}
