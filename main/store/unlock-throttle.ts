import { RiskDeskError } from '../../preload/contract/errors.ts';
import { recordUnlockFailure, type FailedUnlock, type UnlockFailureOutcome } from './unlock-failures.ts';

/**
 * Slows down guessing through RiskDesk. Passphrase checks (unlocks, and the current-passphrase check before a
 * change) run one at a time in this process, so a burst of parallel guesses costs what the same guesses one
 * after another would, and only one scrypt (128 MiB) is in memory at once; at most MAX_PENDING are checked
 * or waiting, and further ones are refused at once. The n-th consecutive failure is answered only after
 * min(2^(n-1), 30) seconds, while the next check waits. Failures are counted in a file beside the workspace
 * (unlock-failures.ts), so a new process continues the count; a success clears it once the failures are in
 * the audit trail.
 */
export const MAX_PENDING = 5;

export interface ThrottledAttempt<T extends object> {
  /** The workspace file whose failures are counted (a restore counts against the backup it unlocks). */
  readonly workspace: string;
  readonly username: string;
  /** Checks the passphrase: a value on success, or why it failed. */
  readonly check: () => Promise<T | UnlockFailureOutcome>;
}

export class UnlockThrottle {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxDelayMs: number;
  private readonly now: () => Date;
  private turn: Promise<void> = Promise.resolve();
  private pending = 0;
  /** Counts where the record cannot be written (a read-only folder): they then last as long as the process. */
  private readonly unrecorded = new Map<string, number>();

  constructor(options: { sleep?: (ms: number) => Promise<void>; maxDelayMs?: number; now?: () => Date } = {}) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.now = options.now ?? (() => new Date());
  }

  /** The delay that answers the n-th consecutive failure. */
  delayAfter(failures: number): number {
    return failures === 0 ? 0 : Math.min(1000 * 2 ** (failures - 1), this.maxDelayMs);
  }

  /**
   * Runs one passphrase check in turn. A failure is recorded, then answered after its delay with the outcome
   * and the number of consecutive failures; a success is returned as it is (the caller clears the record once
   * it has audited it).
   */
  async attempt<T extends object>(request: ThrottledAttempt<T>): Promise<{ ok: true; value: T } | { ok: false; outcome: UnlockFailureOutcome; failures: number; delayMs: number }> {
    if (this.pending >= MAX_PENDING) {
      throw new RiskDeskError('INVALID_STATE', 'Other unlock attempts are already waiting to be checked, one at a time; wait for their answers and try again.');
    }
    this.pending += 1;
    const previous = this.turn;
    let release = (): void => {};
    this.turn = new Promise((resolve) => (release = resolve));
    try {
      await previous;
      const result = await request.check();
      if (typeof result !== 'string') return { ok: true, value: result };
      const failures = this.record(request.workspace, { at: this.now().toISOString(), username: request.username, outcome: result });
      const delayMs = this.delayAfter(failures);
      await this.sleep(delayMs);
      return { ok: false, outcome: result, failures, delayMs };
    } finally {
      this.pending -= 1;
      release();
    }
  }

  private record(workspace: string, attempt: FailedUnlock): number {
    try {
      const recorded = recordUnlockFailure(workspace, attempt).consecutive;
      this.unrecorded.delete(workspace);
      return recorded;
    } catch {
      // The folder may be read-only (a backup on a mounted archive): the count still holds in this process.
      const inMemory = (this.unrecorded.get(workspace) ?? 0) + 1;
      this.unrecorded.set(workspace, inMemory);
      return inMemory;
    }
  }

  /** Forgets the in-memory count after a success (the file is cleared by the caller, after auditing it). */
  recordSuccess(workspace: string): void {
    this.unrecorded.delete(workspace);
  }
}

/** The process-wide throttle used when callers do not bring their own. */
export const defaultUnlockThrottle = new UnlockThrottle();
