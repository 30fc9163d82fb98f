/**
 * Slows down repeated wrong passphrases for a workspace: after n consecutive failures the next attempt waits
 * min(2^(n-1), 30) seconds before the key derivation even starts. Combined with scrypt's own cost this keeps
 * online guessing through the app slow. A success clears the count.
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

  async beforeAttempt(workspace: string): Promise<void> {
    const delay = this.delayFor(workspace);
    if (delay > 0) await this.sleep(delay);
  }

  recordFailure(workspace: string): void {
    this.failures.set(workspace, (this.failures.get(workspace) ?? 0) + 1);
  }

  recordSuccess(workspace: string): void {
    this.failures.delete(workspace);
  }
}

/** The process-wide throttle used when callers do not bring their own. */
export const defaultUnlockThrottle = new UnlockThrottle();
