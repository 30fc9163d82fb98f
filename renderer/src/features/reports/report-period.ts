/* The periods a report covers, as the contract writes them: a calendar month (2026-11) or an ISO 8601 week (2026-W47). */

export type PeriodKind = 'month' | 'week';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'week'];

const DAY_MS = 86_400_000;
const two = (value: number) => String(value).padStart(2, '0');

/** The month before the one `today` falls in (UTC): the last complete month, what a monthly report usually covers. */
export function lastMonth(today: Date): string {
  const month = today.getUTCMonth(); // 0-based: the previous month is `month` counted from 1
  return month === 0 ? `${today.getUTCFullYear() - 1}-12` : `${today.getUTCFullYear()}-${two(month)}`;
}

/** The ISO 8601 week of a day: weeks start on Monday, and week 1 holds the year's first Thursday. */
export function isoWeekOf(day: Date): string {
  const date = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of the same week decides the year the week belongs to.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${date.getUTCFullYear()}-W${two(week)}`;
}

/** The week before the one `today` falls in: the last complete week. */
export function lastWeek(today: Date): string {
  return isoWeekOf(new Date(today.getTime() - 7 * DAY_MS));
}

export function periodKindOf(period: string): PeriodKind {
  return period.includes('W') ? 'week' : 'month';
}

/** The first and last day (UTC, both included) of the month before `today`'s: the default scope of an evidence pack. */
export function lastMonthDates(today: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
