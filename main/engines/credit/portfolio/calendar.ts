// Month arithmetic on ISO date strings with whole numbers only: a month is an integer (year · 12 + month − 1),
// so consecutive calendar months are consecutive integers and no Date object (or local time zone) is involved.

export interface CivilDate {
  readonly year: number;
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
  const wellFormed = text.length === 10 && text[4] === '-' && text[7] === '-' && year >= 0 && month >= 1 && month <= 12;
  if (!wellFormed || !(day >= 1 && day <= daysInMonth(year, month))) throw new RangeError(`expected a date written YYYY-MM-DD; got ${JSON.stringify(text)}`);
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
