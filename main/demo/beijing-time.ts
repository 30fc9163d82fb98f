import { MS_PER_DAY } from '../engines/calendar.ts';

/**
 * The demo's platform keeps Beijing time (UTC+8, no daylight saving): its timestamps are built from a Beijing civil
 * day and second of day, and stored as UTC ISO 8601 like every imported one.
 */
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** UTC epoch milliseconds of a Beijing wall-clock moment. */
export function beijingMs(day: number, secondOfDay: number): number {
  return day * MS_PER_DAY + secondOfDay * 1000 - BEIJING_OFFSET_MS;
}

export function utcIso(ms: number): string {
  return new Date(ms).toISOString();
}
