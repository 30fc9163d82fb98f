/**
 * Slows down repeated wrong passphrases for a workspace: the n-th consecutive failure is answered only after
 * min(2^(n-1), 30) seconds. Waiting before answering (rather than before the next try) also slows a one-shot
 * CLI run by a second per guess; in a long-lived app the wait grows. With scrypt's own cost this keeps online
 * guessing slow. A success clears the count.
 */
export class UnlockThrottle {
  private readonly failures = new Map<string, number>();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxDelayMs: number;

  constructor(options: { sleep?: (ms: number) => Promise<void>; maxDelayMs?: number } = {}) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
  }

  delayFor(workspace: string): number {
    const failures = this.failures.get(workspace) ?? 0;
    return failures === 0 ? 0 : Math.min(1000 * 2 ** (failures - 1), this.maxDelayMs);
  }

  /** Counts a failure and waits out its penalty. */
  async penalise(workspace: string): Promise<void> {
    this.failures.set(workspace, (this.failures.get(workspace) ?? 0) + 1);
    await this.sleep(this.delayFor(workspace));
  }

  recordSuccess(workspace: string): void {
    this.failures.delete(workspace);
  }
}

/** The process-wide throttle used when callers do not bring their own. */
export const defaultUnlockThrottle = new UnlockThrottle();
