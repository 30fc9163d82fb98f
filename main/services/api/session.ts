import type { Dashboard, Settings } from '../../../preload/contract/index.ts';
import type { Db } from '../../store/database.ts';
import { dataVersion, openReadConnection } from '../../store/read-connection.ts';
import { readUserSettings } from '../../store/user-settings.ts';
import type { Workspace } from '../../store/workspace.ts';
import { contextFor, type ServiceContext } from '../context.ts';
import { ApiFailure } from './api-errors.ts';
import { JobRegistry, type JobRegistryOptions } from './job-registry.ts';
import type { WriteLock } from './write-lock.ts';

const COUNT_CACHE_ENTRIES = 64;

/**
 * One unlocked workspace: the writable connection (through the write lock only), a read-only connection for
 * queries, the acting user and their settings, the session's jobs, and what was read before (row counts per
 * filter, the dashboard), valid while the reader's data_version says nothing was committed since.
 */
export class Session {
  readonly workspace: Workspace;
  readonly reader: Db;
  readonly jobs: JobRegistry;
  readonly ctx: ServiceContext;
  settings: Settings;
  private readonly writeLock: WriteLock;
  private readonly counts = new Map<string, number>();
  private dashboard: { version: number; value: Dashboard } | null = null;
  private closed = false;

  constructor(workspace: Workspace, options: { now: () => Date; writeLock: WriteLock; jobs: Omit<JobRegistryOptions, 'writeLock' | 'now'> }) {
    this.reader = openReadConnection(workspace.readerSpec());
    this.workspace = workspace;
    this.writeLock = options.writeLock;
    this.ctx = contextFor(workspace, options.now);
    this.settings = readUserSettings(this.reader, workspace.user.username);
    this.jobs = new JobRegistry({ ...options.jobs, writeLock: options.writeLock, now: options.now });
  }

  get user(): Workspace['user'] {
    return this.workspace.user;
  }

  /** Runs a change on the writable connection once every earlier change has finished. */
  write<T>(change: () => Promise<T> | T): Promise<T> {
    return this.writeLock.run(() => {
      if (this.closed) throw new ApiFailure('LOCKED', 'The workspace was locked before this change could start; nothing was changed. Unlock it and try again.');
      return change();
    });
  }

  /** A row count for a filter, recounted only when the workspace has changed since. */
  cachedCount(key: string, count: () => number): number {
    const versioned = `${dataVersion(this.reader)}\u0000${key}`;
    const known = this.counts.get(versioned);
    if (known !== undefined) return known;
    const value = count();
    if (this.counts.size >= COUNT_CACHE_ENTRIES) this.counts.delete(this.counts.keys().next().value as string);
    this.counts.set(versioned, value);
    return value;
  }

  cachedDashboard(compute: () => Dashboard): Dashboard {
    const version = dataVersion(this.reader);
    if (this.dashboard?.version !== version) this.dashboard = { version, value: compute() };
    return this.dashboard.value;
  }

  /** Cancels the jobs, lets changes already under way finish, then closes both connections (dropping the key). */
  async close(): Promise<void> {
    this.closed = true;
    await this.jobs.close();
    await this.writeLock.run(() => {
      if (this.reader.open) this.reader.close();
      this.workspace.close();
      // readerSpec() hands out the workspace's own key buffer: overwrite it so the key does not outlive the session.
      this.workspace.readerSpec().key.fill(0);
    });
  }
}
