import { RiskDeskError } from '../../preload/contract/errors.ts';
import type { JobKind, JobProgressOf } from '../../preload/contract/jobs.ts';
import type { Db } from '../store/database.ts';
import type { Workspace } from '../store/workspace.ts';
import type { WriterSpec } from '../store/write-connection.ts';
import type { EnginePool } from '../workers/pool.ts';
import type { Role } from './permissions.ts';

export interface Actor {
  readonly username: string;
  readonly role: Role;
}

/**
 * What services use of the unlocked workspace: its writable connection (main is the only writer; changes go
 * through it, in one transaction with their audit event), its path and id, its keyring, and where an engine worker
 * opens a read-only connection of its own. The key in `readerSpec()` stays inside this process and its worker
 * threads; never serialise it, log it or hand it to the renderer. Not its writer spec: that is valid only while a
 * writing job holds the write lock, so it comes with that job's call options (WriteCallOptions).
 */
export type ServiceWorkspace = Pick<Workspace, 'path' | 'id' | 'db' | 'readerSpec' | 'readKeyring' | 'wrapKeyFor' | 'changeKeyring' | 'writeKeyringForCopy'>;

/**
 * Reads kept while the workspace is unchanged (a view's keys, row counts, the dashboard): the API session keeps them
 * on its reader's data_version; elsewhere (the CLI, one command a process) every read is made again.
 */
export interface CachedReads {
  /** `read()`'s value, read again only once the workspace has changed; `weigh` says how much room it takes. */
  cached<T>(key: string, read: () => T, weigh?: (value: T) => number): T;
  /** Like `cached` for work done elsewhere (a worker): concurrent callers share the promise; a failure is not kept. */
  cachedAsync<T>(key: string, read: () => Promise<T>): Promise<T>;
  isCached(key: string): boolean;
}

/** Nothing kept: every read is made again. */
export const UNCACHED: CachedReads = {
  cached: (_key, read) => read(),
  cachedAsync: (_key, read) => read(),
  isCached: () => false,
};

/**
 * The one first argument of every service function, whatever the front end: the unlocked workspace, the
 * connection queries read through, who is acting (checked against the permission table by each service), the
 * clock, the engine workers and what was read before. A service function takes `(ctx, its arguments as one object
 * or plain values, call options)`, the last only for work that runs as a job (CallOptions, WriteCallOptions).
 */
export interface ServiceContext {
  readonly workspace: ServiceWorkspace;
  /** Where queries read: the API session's own read-only connection, so the writable one stays free for changes; the workspace's db in the CLI. */
  readonly reader: Db;
  readonly actor: Actor;
  now(): Date;
  /** The engine workers, started on first use (and closed by whoever made the context). */
  pool(): EnginePool;
  readonly reads: CachedReads;
}

/** What the caller of a job controls: cancelling it, and where its progress goes. */
export interface CallOptions<Progress> {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

/** The call options of a job of a contract kind, in its kind's progress phases. */
export type JobCallOptions<K extends JobKind> = CallOptions<JobProgressOf<K>>;

/**
 * A job that writes through a connection of its own (a worker's) gets the writer spec with its call options: the
 * caller holds the workspace's write lock for the whole call (the API's job registry does both for a kind that
 * writes; the CLI runs one command at a time).
 */
/** How the caller writes: the API behind the session's write lock, the CLI directly (one command a process). */
export type Write = <T>(change: () => T) => Promise<T>;

export type WriteCallOptions<K extends JobKind> = JobCallOptions<K> & { readonly writer: WriterSpec };

export interface ContextOptions {
  /** Default: the workspace's own connection. */
  readonly reader?: Db;
  readonly now?: () => Date;
  /** Default: none, for callers that start no engine work (a call that needs one fails as INTERNAL). */
  readonly pool?: () => EnginePool;
  readonly reads?: CachedReads;
}

function noPool(): never {
  throw new RiskDeskError('INTERNAL', 'This call needs the engine workers, and none were given to it.');
}

/** The context for calls made by the user who unlocked `workspace`. */
export function contextFor(workspace: ServiceWorkspace & { readonly user: Actor }, options: ContextOptions = {}): ServiceContext {
  return {
    workspace,
    reader: options.reader ?? workspace.db,
    actor: workspace.user,
    now: options.now ?? (() => new Date()),
    pool: options.pool ?? noPool,
    reads: options.reads ?? UNCACHED,
  };
}
