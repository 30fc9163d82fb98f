/** The timer functions the idle lock uses; tests pass fakes so nobody waits fifteen minutes. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // An idle lock pending is no reason to keep a CLI or test process alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Calls `onIdle` once after `minutes` without a `touch()`; `stop()` disarms it. */
export class IdleTimer {
  private readonly timers: Timers;
  private readonly onIdle: () => void;
  private handle: unknown = null;
  private minutes = 0;

  constructor(timers: Timers, onIdle: () => void) {
    this.timers = timers;
    this.onIdle = onIdle;
  }

  start(minutes: number): void {
    this.minutes = minutes;
    this.touch();
  }

  touch(): void {
    if (this.minutes <= 0) return;
    this.clear();
    this.handle = this.timers.setTimeout(() => {
      this.handle = null;
      this.minutes = 0;
      this.onIdle();
    }, this.minutes * 60_000);
  }

  stop(): void {
    this.clear();
    this.minutes = 0;
  }

  private clear(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
  }
}
