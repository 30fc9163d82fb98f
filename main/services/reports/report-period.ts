import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ResolvedPeriod } from '../../../preload/contract/reports.ts';
import { civilDate, dayNumber, dayText, daysInMonth, parseDay, weekdayOf } from '../../engines/calendar.ts';

/**
 * Report periods as UTC calendar dates, both ends included: a month (2026-11), an ISO 8601 week (2026-W47: Monday to
 * Sunday, week 1 being the one with the year's first Thursday) or an evidence pack's range. Pure: today is an argument.
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const WEEK = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;

function monthPeriod(label: string, year: number, month: number): ResolvedPeriod {
  const first = dayNumber({ year, month, day: 1 });
  return { label, kind: 'month', from: dayText(first), to: dayText(first + daysInMonth(year, month) - 1) };
}

/** The day number of week 1's Monday: 4 January is always in week 1 (it is the week of the first Thursday). */
function firstIsoMonday(year: number): number {
  const fourth = dayNumber({ year, month: 1, day: 4 });
  return fourth - weekdayOf(fourth);
}

/** 52 or 53: a year has 53 ISO weeks when the next one's week 1 starts 53 weeks after its own. */
function isoWeeksIn(year: number): number {
  return (firstIsoMonday(year + 1) - firstIsoMonday(year)) / 7;
}

function weekPeriod(label: string, year: number, week: number): ResolvedPeriod {
  if (week > isoWeeksIn(year)) throw new RiskDeskError('VALIDATION', `There is no week ${label}: ${year} has 52 ISO weeks.`, { period: label });
  const monday = firstIsoMonday(year) + (week - 1) * 7;
  return { label, kind: 'week', from: dayText(monday), to: dayText(monday + 6) };
}

/** A month (2026-11) or an ISO week (2026-W47) as its first and last day. */
export function resolveReportPeriod(label: string): ResolvedPeriod {
  const month = label.match(MONTH);
  if (month) return monthPeriod(label, Number(month[1]), Number(month[2]));
  const week = label.match(WEEK);
  if (week) return weekPeriod(label, Number(week[1]), Number(week[2]));
  throw new RiskDeskError('VALIDATION', `A report period is a month (2026-11) or an ISO week (2026-W47), not ${JSON.stringify(label)}.`, { period: label });
}

function checkedDate(date: string, end: 'from' | 'to'): void {
  try {
    parseDay(date);
  } catch {
    throw new RiskDeskError('VALIDATION', `The period's ${end} date must be a date written YYYY-MM-DD, not ${JSON.stringify(date)}.`, { [end]: date });
  }
}

/** An evidence pack's scope: the dates as given (YYYY-MM-DD, `from` not after `to`). */
export function rangePeriod(from: string, to: string): ResolvedPeriod {
  checkedDate(from, 'from');
  checkedDate(to, 'to');
  if (from > to) throw new RiskDeskError('VALIDATION', `The period starts (${from}) after it ends (${to}); swap the dates.`, { from, to });
  return { label: `${from} – ${to}`, kind: 'range', from, to };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * The latest period of `frequency` that ended before `today`'s UTC date: the one a schedule makes next. On a Monday
 * that is the week that ended the day before; on the 1st, the month that did.
 */
export function lastCompletePeriod(frequency: 'weekly' | 'monthly', today: Date): string {
  const day = Math.floor(today.getTime() / 86_400_000);
  if (frequency === 'monthly') {
    const { year, month } = civilDate(day);
    return month === 1 ? `${pad(year - 1, 4)}-12` : `${pad(year, 4)}-${pad(month - 1, 2)}`;
  }
  const lastMonday = day - weekdayOf(day) - 7;
  // A week belongs to the ISO year of its Thursday.
  const year = civilDate(lastMonday + 3).year;
  return `${pad(year, 4)}-W${pad((lastMonday - firstIsoMonday(year)) / 7 + 1, 2)}`;
}
