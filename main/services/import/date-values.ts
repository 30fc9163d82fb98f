import { dayNumber, isCalendarDate, MS_PER_DAY } from '../../engines/calendar.ts';
import { Invalid } from './invalid.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
// RFC 3339 (ISO 8601 extended): 'T' or a space between date and time, optional seconds and fraction.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const MS_PER_MINUTE = 60_000;

/*
 * The dates a portfolio, a birth or a transaction can plausibly have. Anything outside is a typo (2204 for 2024)
 * or a placeholder (0001-01-01, 9999-12-31) that would otherwise skew ages, terms and maturity ladders.
 */
const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '2200-12-31';
const EARLIEST_MONTH = EARLIEST_DATE.slice(0, 7);
const LATEST_MONTH = LATEST_DATE.slice(0, 7);
const EARLIEST_MS = Date.parse(`${EARLIEST_DATE}T00:00:00.000Z`);
const LATEST_MS = Date.parse(`${LATEST_DATE}T23:59:59.999Z`);

/** YYYY-MM-DD that exists on the calendar; returned as given (it is already the stored form). */
export function parseDate(text: string): string | Invalid {
  const match = text.match(DATE);
  if (!match) return new Invalid('is not a date in the form YYYY-MM-DD');
  if (!isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) return new Invalid('is not a date on the calendar');
  // Same fixed shape, so text order is date order.
  if (text < EARLIEST_DATE || text > LATEST_DATE) return new Invalid(`is outside the accepted range ${EARLIEST_DATE} to ${LATEST_DATE}`);
  return text;
}

export function parseYearMonth(text: string): string | Invalid {
  const match = text.match(YEAR_MONTH);
  if (!match) return new Invalid('is not a month in the form YYYY-MM');
  const month = Number(match[2]);
  if (month < 1 || month > 12) return new Invalid('is not a month on the calendar');
  if (text < EARLIEST_MONTH || text > LATEST_MONTH) return new Invalid(`is outside the accepted range ${EARLIEST_MONTH} to ${LATEST_MONTH}`);
  return text;
}

/**
 * A timestamp with its zone, stored as UTC in one fixed shape (YYYY-MM-DDTHH:MM:SS.sssZ) so that text order is
 * time order in the indexes. A zone is required because guessing one shifts every event of a file by hours.
 * Fractions finer than a millisecond are truncated: the stored shape has milliseconds.
 */
export function parseTimestamp(text: string): string | Invalid {
  const match = text.match(TIMESTAMP);
  if (!match) {
    if (DATE.test(text)) return new Invalid('is a date without a time; timestamps look like 2024-01-31T09:30:00+08:00');
    return new Invalid('is not a timestamp like 2024-01-31T09:30:00+08:00');
  }
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = match;
  if (zone === undefined) return new Invalid('has no time zone; add Z for UTC or an offset such as +08:00');
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isCalendarDate(year, month, day)) return new Invalid('is not a date on the calendar');
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59) return new Invalid('is not a time of day');
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetRest = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetRest > 59) return new Invalid('has a time zone offset that does not exist');
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = dayNumber({ year, month, day }) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offsetMinutes * MS_PER_MINUTE;
  // Judged in UTC, as stored; this also keeps every stored timestamp at four-digit years, so text order is time order.
  if (utc < EARLIEST_MS || utc > LATEST_MS) return new Invalid(`is outside the accepted range ${EARLIEST_DATE} to ${LATEST_DATE} (in UTC)`);
  return new Date(utc).toISOString();
}
