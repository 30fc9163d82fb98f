import type { PowerMonitor } from 'electron';

/** The system events after which an unattended workspace must not stay unlocked. */
export const LOCKING_SYSTEM_EVENTS = ['suspend', 'lock-screen'] as const;

/**
 * Locks the workspace when the machine sleeps or its screen locks (the ApiService's own idle timer covers
 * a screen left on). `lock` must not throw; its failures are the caller's to report.
 */
export function lockOnSystemEvents(powerMonitor: Pick<PowerMonitor, 'on'>, lock: () => void): void {
  for (const event of LOCKING_SYSTEM_EVENTS) {
    // The overloads of PowerMonitor.on are per event; every one of these takes a no-argument listener.
    (powerMonitor.on as (event: string, listener: () => void) => unknown)(event, lock);
  }
}
