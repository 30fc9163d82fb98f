// Calendar arithmetic with whole numbers only, for the engines, the import, the demo and the store alike: a month
// is an integer (year · 12 + month − 1) and a day a count of days since 1970-01-01 in the proleptic Gregorian
// calendar, so consecutive months and days are consecutive integers. No Date object is involved, and with it
// neither a local time zone nor Date's reading of years 0–99 as 1900–1999.

export const MS_PER_DAY = 86_400_000;

export interface CivilDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether the month and day exist in that year (2025-02-30 does not; NaN anywhere does not). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The value of `length` decimal digits of `text` from `at`, or NaN if any of them is not a digit. */
function digits(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Parses YYYY-MM-DD, rejecting impossible dates such as 2025-02-30. Read digit by digit rather than by a regular
 * expression: a portfolio run parses a few dates for each of a million loans.
 */
export function parseDay(text: string): CivilDate {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const wellFormed = text.length === 10 && text[4] === '-' && text[7] === '-' && year >= 0;
  if (!wellFormed || !isCalendarDate(year, month, day)) throw new RangeError(`expected a date written YYYY-MM-DD; got ${JSON.stringify(text)}`);
  return { year, month, day };
}

/** The month index of YYYY-MM or YYYY-MM-DD (streamed analytics call this once per loan-month row). */
export function monthIndex(text: string): number {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const wellFormed = (text.length === 7 || (text.length === 10 && text[7] === '-' && digits(text, 8, 2) >= 0)) && text[4] === '-' && year >= 0 && month >= 1 && month <= 12;
  if (!wellFormed) throw new RangeError(`expected a month written YYYY-MM; got ${JSON.stringify(text)}`);
  return year * 12 + month - 1;
}

/** YYYY-MM of a month index. */
export function monthText(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The calendar quarter of a month index, e.g. 2024-Q3. */
export function quarterText(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-Q${Math.floor((index % 12) / 3) + 1}`;
}

/** The same day of month `months` later, clamped at month end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + date.month - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

function dayKey(date: CivilDate): number {
  return date.year * 10_000 + date.month * 100 + date.day;
}

/**
 * Whole months from `from` to `to`, a partial month counting as a whole one: the fewest months m with
 * from + m months ≥ to (0 when `to` is not after `from`; negative when `to` lies months before it).
 */
export function monthsUntil(from: CivilDate, to: CivilDate): number {
  const months = to.year * 12 + to.month - (from.year * 12 + from.month);
  return dayKey(addMonths(from, months)) < dayKey(to) ? months + 1 : months;
}

// Day numbers: H. Hinnant's days_from_civil and civil_from_days, which count in 400-year eras of 146 097 days
// with years starting on 1 March, so that the leap day falls at the end of a year.

/** Days since 1970-01-01 of a date (negative before it). */
export function dayNumber(date: CivilDate): number {
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((date.month + 9) % 12) + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date of a day number. */
export function civilDate(day: number): CivilDate {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1 };
}

/** YYYY-MM-DD of a day number. */
export function dayText(day: number): string {
  const date = civilDate(day);
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The month index of a day number. */
export function monthOfDay(day: number): number {
  const date = civilDate(day);
  return date.year * 12 + date.month - 1;
}

/** The day number of a day of a month index, the day clamped to the month's length. */
export function dayInMonth(month: number, dayOfMonth: number): number {
  const year = Math.floor(month / 12);
  const monthOfYear = (month % 12) + 1;
  return dayNumber({ year, month: monthOfYear, day: Math.min(dayOfMonth, daysInMonth(year, monthOfYear)) });
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
