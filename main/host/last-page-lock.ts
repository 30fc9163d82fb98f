import { systemTimers, type Timers } from '../services/api/idle-timer.ts';

/**
 * Locks the session once the last page has gone (its tab or window closed), so that reopening the address asks for
 * the passphrase again. It waits `graceMs` with no page connected first: a reload drops its socket and opens a new one
 * within a second, and keeps the session.
 */
export class LastPageLock {
  readonly #lock: () => void;
  readonly #graceMs: number;
  readonly #timers: Timers;
  #pages = 0;
  #pending: unknown = null;

  constructor(lock: () => void, options: { graceMs: number; timers?: Timers }) {
    this.#lock = lock;
    this.#graceMs = options.graceMs;
    this.#timers = options.timers ?? systemTimers;
  }

  opened(): void {
    this.#pages += 1;
    this.stop();
  }

  closed(): void {
    this.#pages = Math.max(0, this.#pages - 1);
    if (this.#pages > 0) return;
    this.stop();
    this.#pending = this.#timers.setTimeout(() => {
      this.#pending = null;
      if (this.#pages === 0) this.#lock();
    }, this.#graceMs);
  }

  stop(): void {
    if (this.#pending !== null) this.#timers.clearTimeout(this.#pending);
    this.#pending = null;
  }
}
