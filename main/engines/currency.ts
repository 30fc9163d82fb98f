// ISO 4217 facts as ICU knows them: which codes exist and how many minor-unit digits each has. Engines turn integer
// minor units into major units with them; imports parse amounts with them.
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));
const minorDigitsByCurrency = new Map<string, number>();

export function isCurrencyCode(code: string): boolean {
  return CURRENCIES.has(code);
}

/** ISO 4217 minor unit (CNY 2, JPY 0, KWD 3). Only for codes `isCurrencyCode` accepts. */
export function currencyMinorDigits(currency: string): number {
  let digits = minorDigitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    minorDigitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * Integer minor units → major units as exact decimal text (12345 CNY → '123.45'), by moving the decimal point in the
 * string: a division would put the amount through a binary float. Codes `isCurrencyCode` rejects are taken as 2 digits.
 */
export function majorUnitsText(minor: number, currency: string): string {
  const digits = isCurrencyCode(currency) ? currencyMinorDigits(currency) : 2;
  const sign = minor < 0 ? '-' : '';
  const whole = String(Math.abs(minor));
  if (digits === 0) return sign + whole;
  const padded = whole.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}
