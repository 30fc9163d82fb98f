import { RiskDeskError } from '../../preload/contract/errors.ts';

/**
 * Calendar arithmetic on whole numbers (days since 1970-01-01, months since year 0), so the generator never
 * reads a clock: every date is derived from the `asOf` argument. Dates are civil dates; timestamps are built
 * from Beijing local time (UTC+8, no daylight saving) and stored as UTC ISO 8601.
 */
export const MS_PER_DAY = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** Parses YYYY-MM-DD into a day number, rejecting impossible dates such as 2025-02-30. */
export function parseIsoDate(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (isoDate(ms / MS_PER_DAY) === text) return ms / MS_PER_DAY;
  }
  throw new RiskDeskError('INVALID_ARGUMENT', `asOf must be a date written YYYY-MM-DD; got ${JSON.stringify(text)}.`);
}

export function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Months counted from January of year 0, so that consecutive months are consecutive integers. */
export function monthOfDay(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

export function dayOfMonthOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDate();
}

/** The day number of a given day of a month (day of month clamped to the month's length). */
export function dayInMonth(month: number, dayOfMonth: number): number {
  const clamped = Math.min(dayOfMonth, daysInMonth(month));
  return Date.UTC(Math.floor(month / 12), month % 12, clamped) / MS_PER_DAY;
}

export function daysInMonth(month: number): number {
  return new Date(Date.UTC(Math.floor(month / 12), (month % 12) + 1, 0)).getUTCDate();
}

export function isoMonth(month: number): string {
  return `${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}

/** Same day of month `months` later, clamped at month end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: number, months: number): number {
  return dayInMonth(monthOfDay(day) + months, dayOfMonthOf(day));
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** UTC epoch milliseconds of a Beijing wall-clock moment. */
export function beijingMs(day: number, secondOfDay: number): number {
  return day * MS_PER_DAY + secondOfDay * 1000 - BEIJING_OFFSET_MS;
}

/** The Beijing civil day that a UTC instant falls on. */
export function beijingDayOf(ms: number): number {
  return Math.floor((ms + BEIJING_OFFSET_MS) / MS_PER_DAY);
}

export function utcIso(ms: number): string {
  return new Date(ms).toISOString();
}
