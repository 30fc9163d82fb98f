/**
 * Display formatting. Money crosses the boundary as integer minor units with its ISO 4217 currency; it is
 * turned into major units only here, for display, with the currency's own number of decimals.
 */
const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currency, digits);
  }
  return digits;
}

export function minorToMajor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

export function formatMoney(minor: number | null | undefined, currency: string, locale: string, options: { compact?: boolean } = {}): string {
  if (minor === null || minor === undefined) return '';
  return formatMajorMoney(minorToMajor(minor, currency), currency, locale, options);
}

/** An amount already in major units (the liquidity engine's results, summed exactly and converted once in main). */
export function formatMajorMoney(major: number | null | undefined, currency: string, locale: string, options: { compact?: boolean } = {}): string {
  if (major === null || major === undefined) return '';
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(options.compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}),
    }).format(major);
  } catch {
    return `${major.toFixed(currencyDigits(currency))} ${currency}`;
  }
}

/** Major units without a currency sign (grid cells, where the currency has its own column). */
export function formatAmount(minor: number | null | undefined, currency: string, locale: string): string {
  if (minor === null || minor === undefined) return '';
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minorToMajor(minor, currency));
}

export function formatCount(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '';
  return new Intl.NumberFormat(locale).format(value);
}

/** A file's size in binary units (B, KiB, MiB, GiB), one decimal above bytes. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit] ?? 'B'}`;
}

/** Rates are decimals (0.125 = 12.5 %). */
export function formatPercent(rate: number | null | undefined, locale: string, fractionDigits = 2): string {
  if (rate === null || rate === undefined) return '';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(rate);
}

/** Local time as `YYYY-MM-DD HH:mm:ss`: sortable, unambiguous, the same in every language. */
export function formatTimestamp(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}
