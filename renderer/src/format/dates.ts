/**
 * Dates in the user's language: one formatter for every screen, so a day reads the same everywhere (en "Dec 5, 2026",
 * zh-CN "2026年12月5日"). Data carries days as ISO `YYYY-MM-DD` (DOMAIN.md) and months as `YYYY-MM`: civil dates
 * with no zone, so they are formatted in UTC, where midnight of that day cannot slip to the day before.
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let format = cache.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    cache.set(locale, format);
  }
  return format;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** A day (`YYYY-MM-DD`, or a timestamp whose date part is read as written) in the locale's medium style; other text as it is. */
export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const match = ISO_DAY.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return Number.isNaN(date.getTime()) ? iso : cached(dayFormats, locale, { dateStyle: 'medium' }).format(date);
}

/** A month (`YYYY-MM`) as the locale writes it (en "Dec 2026", zh-CN "2026年12月"); other text as it is. */
export function formatMonth(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const match = ISO_MONTH.exec(iso);
  if (!match) return iso;
  const [, year, month] = match;
  return cached(monthFormats, locale, { year: 'numeric', month: 'short' }).format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
}
