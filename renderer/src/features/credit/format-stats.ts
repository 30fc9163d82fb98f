/** Model statistics (IV, WOE, coefficients, AUC, PSI): plain decimals with a fixed number of digits. */
export function formatDecimal(value: number | null | undefined, locale: string, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** p-values below a thousandth read as "< 0.001": more digits say nothing a reader can use. */
export function formatPValue(value: number, locale: string): string {
  return value < 0.001 ? `< ${formatDecimal(0.001, locale)}` : formatDecimal(value, locale);
}
