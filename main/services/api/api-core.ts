import path from 'node:path';
import { events, type EventName, type SessionStatus } from '../../../preload/contract/index.ts';
import type { UnlockThrottle } from '../../store/unlock-throttle.ts';
import { sweepStaleSessionFolders } from '../session-folder.ts';
import { defaultSettings } from '../settings-service.ts';
import { createEnginePool, unlockWorkspace, type EnginePool } from '../workspace-service.ts';
import type { FileAccess } from './file-access.ts';
import { IdleTimer, systemTimers, type Timers } from './idle-timer.ts';
import { startScheduledReport } from './report-handlers.ts';
import { auditSessionLock, auditSessionUnlock, type SessionEndReason } from '../session-audit.ts';
import { Session } from './session.ts';
import { WriteLock } from './write-lock.ts';
import { isRiskDeskError, RiskDeskError } from '../../../preload/contract/errors.ts';

export interface WorkspaceLocator {
  /** The path to unlock for a requested workspace (undefined = the default); throws RiskDeskError INVALID_ARGUMENT if not allowed. */
  resolve(requested?: string): string;
  recent(): { path: string; name: string; lastOpenedAt: string | null; demo: boolean }[];
  remember(path: string): void;
  isDemo(path: string): boolean;
}

export interface ApiServiceOptions {
  readonly workspaces: WorkspaceLocator;
  /** Where files the renderer names (imports, backups, restores) may be: the user's RiskDesk folder, normally. */
  readonly files: FileAccess;
  readonly now?: () => Date;
  /** Engine workers (the dashboard, audit checks, credit work); by default one worker, started on first use and closed with the service. */
  readonly pool?: EnginePool;
  /** The idle lock's timer functions (tests pass fakes). */
  readonly timers?: Timers;
  /** Slows repeated wrong passphrases (default: the process-wide throttle). */
  readonly throttle?: UnlockThrottle;
  /** Where unexpected errors are logged, already scrubbed of passphrases (default: stderr). */
  readonly log?: (line: string) => void;
}

export type LockReason = 'idle' | 'user' | 'restore' | 'rekey' | 'restoreFailed' | 'rekeyFailed';
type Listener = (name: EventName, payload: unknown) => void;

/** The state behind an ApiService: at most one unlocked session, its idle lock, the write lock, and the event listeners. */
export class ApiCore {
  readonly now: () => Date;
  readonly log: (line: string) => void;
  readonly workspaces: WorkspaceLocator;
  readonly files: FileAccess;
  readonly throttle: UnlockThrottle | undefined;
  private readonly listeners = new Set<Listener>();
  private readonly writeLock = new WriteLock();
  private readonly idle: IdleTimer;
  private readonly givenPool: EnginePool | undefined;
  private ownPool: EnginePool | null = null;
  private current: Session | null = null;
  /** Unlocks wait for a restore in progress, which is swapping the workspace's files. */
  private restoring: Promise<unknown> = Promise.resolve();

  constructor(options: ApiServiceOptions) {
    this.workspaces = options.workspaces;
    this.files = options.files;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((line) => console.error(line));
    this.throttle = options.throttle;
    this.givenPool = options.pool;
    this.idle = new IdleTimer(options.timers ?? systemTimers, () => void this.lock('idle'));
    // Exports and uploads of a RiskDesk that was killed are still on disk: remove them before anyone unlocks.
    for (const { path: file } of this.workspaces.recent()) this.sweep(file);
  }

  /** Removes what sessions of ended processes left beside a workspace; a failure is logged, never fatal. */
  private sweep(workspacePath: string): void {
    try {
      sweepStaleSessionFolders(workspacePath);
    } catch (error) {
      this.log(`RiskDesk: could not remove stale session files beside ${workspacePath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  onEvent(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Pushes an event to every listener; a payload that does not match the contract is logged and dropped. */
  emit(name: EventName, payload: unknown): void {
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      this.log(`RiskDesk: dropped a ${name} event that does not match the contract: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(name, parsed.data);
      } catch (error) {
        this.log(`RiskDesk: a ${name} listener failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  get session(): Session | null {
    return this.current;
  }

  requireSession(): Session {
    if (!this.current) throw new RiskDeskError('LOCKED', 'The workspace is locked. Unlock it to continue.');
    return this.current;
  }

  /** Any call but a status poll counts as activity. */
  touch(): void {
    if (this.current) this.idle.touch();
  }

  status(): SessionStatus {
    const session = this.current;
    if (!session) return { state: 'locked', workspace: null, user: null, idleLockMinutes: defaultSettings().idleLockMinutes };
    const file = session.workspace.path;
    return {
      state: 'unlocked',
      workspace: { path: file, name: path.basename(file, path.extname(file)), demo: this.workspaces.isDemo(file) },
      user: { username: session.user.username, role: session.user.role },
      idleLockMinutes: session.settings.idleLockMinutes,
    };
  }

  /** Unlocks a workspace the locator allows; a session already open is closed (without a locked event) once the new one is open. */
  async unlock(request: { workspace?: string; username?: string; passphrase: string }): Promise<SessionStatus> {
    await this.restoring;
    const file = this.workspaces.resolve(request.workspace);
    this.sweep(file);
    const workspace = await unlockWorkspace({ path: file, passphrase: request.passphrase, now: this.now, ...(request.username ? { username: request.username } : {}), ...(this.throttle ? { throttle: this.throttle } : {}) });
    let session: Session;
    try {
      session = new Session(workspace, { now: this.now, pool: () => this.pool(), writeLock: this.writeLock, jobs: { emit: (name, payload) => this.emit(name, payload), log: this.log } });
    } catch (error) {
      workspace.close();
      throw error;
    }
    await this.lock(null, 'switched');
    try {
      // A session the trail does not show is not opened: the unlock fails as a whole (a full disk, say).
      await session.write(() => auditSessionUnlock(session.ctx));
    } catch (error) {
      await session.close();
      throw error;
    }
    this.current = session;
    this.workspaces.remember(file);
    this.idle.start(session.settings.idleLockMinutes);
    startScheduledReport(this, this.log);
    return this.status();
  }

  /**
   * Ends the session: jobs cancelled, the end recorded in the audit trail (`recorded`: why), connections closed, key
   * dropped; then `session.locked` (unless reason is null). A lock is never refused: an end that cannot be recorded
   * (a full disk) is logged, and the session ends all the same.
   */
  async lock(reason: Extract<LockReason, 'idle' | 'user'> | null, recorded: SessionEndReason = reason ?? 'closed'): Promise<void> {
    const session = this.current;
    if (!session) return;
    this.current = null;
    this.idle.stop();
    await session.close(() => {
      try {
        auditSessionLock(session.ctx, recorded);
      } catch (error) {
        this.log(`RiskDesk: the end of ${session.user.username}'s session could not be recorded in the audit trail: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    if (reason) this.emit('session.locked', { reason });
  }

  applyIdleMinutes(minutes: number): void {
    if (this.current) this.idle.start(minutes);
  }

  /**
   * Ends the session to replace the workspace's files (a restore, a re-key) with `work`, unlocks held back until it
   * ends, and only then says why the session is locked: `reason` once the work is done, or `${reason}Failed` with the
   * error's message (a RiskDeskError's, written for the user), so that the unlock screen never claims what failed.
   */
  lockFor(reason: 'restore' | 'rekey', work: () => Promise<void>): Promise<void> {
    const run = this.restoring.then(async () => {
      await this.lock(null, reason);
      try {
        await work();
      } catch (error) {
        this.emit('session.locked', { reason: `${reason}Failed`, ...(isRiskDeskError(error) ? { message: error.message } : {}) });
        throw error;
      }
      this.emit('session.locked', { reason });
    });
    this.restoring = run.catch(() => undefined);
    return run;
  }

  private pool(): EnginePool {
    if (this.givenPool) return this.givenPool;
    this.ownPool ??= createEnginePool({ size: 1 });
    return this.ownPool;
  }

  async close(): Promise<void> {
    await this.lock(null);
    await this.ownPool?.close();
    this.ownPool = null;
    this.listeners.clear();
  }
}
