import type { Settings } from '../../../preload/contract/index.ts';
import type { Db } from '../../store/database.ts';
import { dataVersion, openReadConnection } from '../../store/read-connection.ts';
import type { Workspace } from '../../store/workspace.ts';
import type { EnginePool } from '../../workers/pool.ts';
import { contextFor, type CachedReads, type ServiceContext } from '../context.ts';
import { SessionFolder } from '../session-folder.ts';
import { readSettings } from '../settings-service.ts';
import { JobRegistry, type JobRegistryOptions } from './job-registry.ts';
import { ReadCache } from './read-cache.ts';
import { Uploads } from './uploads.ts';
import type { WriteLock } from './write-lock.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

/** Up to about four full key lists of a 1M-loan view (a few MB each) and many counts. */
const READ_CACHE_WEIGHT = 4_000_000;

/**
 * One unlocked workspace: the writable connection (through the write lock only), a read-only connection for
 * queries, the acting user and their settings, the session's jobs, and what was read before (row counts per
 * filter, the dashboard), valid while the reader's data_version says nothing was committed since. Its services'
 * context (`ctx`) reads through that connection and keeps its reads here.
 */
export class Session implements CachedReads {
  readonly workspace: Workspace;
  readonly reader: Db;
  readonly jobs: JobRegistry;
  readonly ctx: ServiceContext;
  /** Exports and uploads of this session, beside the workspace; removed when it ends. */
  readonly folder: SessionFolder;
  /** Files the page is sending for import, kept in `folder`. */
  readonly uploads: Uploads;
  settings: Settings;
  private readonly writeLock: WriteLock;
  private readonly cache = new ReadCache(READ_CACHE_WEIGHT);
  private closed = false;

  constructor(workspace: Workspace, options: { now: () => Date; pool: () => EnginePool; writeLock: WriteLock; jobs: Omit<JobRegistryOptions, 'writeLock' | 'writerSpec' | 'now'> }) {
    this.reader = openReadConnection(workspace.readerSpec());
    this.workspace = workspace;
    this.writeLock = options.writeLock;
    this.ctx = contextFor(workspace, { reader: this.reader, now: options.now, pool: options.pool, reads: this });
    this.settings = readSettings(this.ctx);
    this.jobs = new JobRegistry({ ...options.jobs, writeLock: options.writeLock, writerSpec: () => workspace.writerSpec(), now: options.now });
    this.folder = new SessionFolder(workspace.path);
    this.uploads = new Uploads(this.folder);
  }

  get user(): Workspace['user'] {
    return this.workspace.user;
  }

  /** Runs a change on the writable connection once every earlier change has finished. */
  write<T>(change: () => Promise<T> | T): Promise<T> {
    return this.writeLock.run(() => {
      if (this.closed) throw new RiskDeskError('LOCKED', 'The workspace was locked before this change could start; nothing was changed. Unlock it and try again.');
      return change();
    });
  }

  /** A value read from the workspace (a count, a view's keys, the dashboard), read again only once the workspace has changed. */
  cached<T>(key: string, read: () => T, weigh?: (value: T) => number): T {
    return this.cache.get(key, dataVersion(this.reader), read, weigh);
  }

  /**
   * Like `cached` for a value computed elsewhere (a worker): the promise is shared by concurrent callers, and
   * a failure is not remembered.
   */
  cachedAsync<T>(key: string, read: () => Promise<T>): Promise<T> {
    const pending = this.cache.get(key, dataVersion(this.reader), read);
    pending.catch(() => this.cache.forget(key));
    return pending;
  }

  isCached(key: string): boolean {
    return this.cache.has(key, dataVersion(this.reader));
  }

  /**
   * Cancels the jobs, lets changes already under way finish, runs `lastWrite` (the session's end, for the audit
   * trail) as the last change, then closes both connections (dropping the key).
   */
  async close(lastWrite?: () => void): Promise<void> {
    this.closed = true;
    await this.jobs.close();
    this.folder.remove();
    this.cache.clear();
    await this.writeLock.run(() => {
      lastWrite?.();
      if (this.reader.open) this.reader.close();
      this.workspace.close();
      // readerSpec() hands out the workspace's own key buffer: overwrite it so the key does not outlive the session.
      this.workspace.readerSpec().key.fill(0);
    });
  }
}
