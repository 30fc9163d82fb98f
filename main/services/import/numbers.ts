import { Invalid } from './invalid.ts';

/** Plain decimal notation only: what a person types and a spreadsheet exports with number formatting off. */
export const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const INTEGER = /^-?\d+$/;
const MAX_NUMBER_IN_SUGGESTION = 20;

/** Says why `text` is not a plain decimal, naming the habit that produced it so the fix is obvious. */
export function whyNotADecimal(text: string): string {
  if (text.trim() !== text) return 'has spaces before or after the number';
  if (/^[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+$/.test(text)) return 'uses exponent notation; write the number out in full (1000, not 1e3)';
  if (text.includes(',')) return 'has a comma; write numbers without thousands separators and with a decimal point (1234.56)';
  if (/^-?\d+\.$/.test(text)) {
    // The suggestion repeats the number, so only for one short enough to be a real amount: a reason must not echo a cell.
    return text.length <= MAX_NUMBER_IN_SUGGESTION ? `ends with a decimal point; write ${text.slice(0, -1)} or ${text}00` : 'ends with a decimal point; remove it or write the decimals after it';
  }
  if (/^-?\.\d+$/.test(text)) return 'has no digit before the decimal point; write 0.5, not .5';
  if (text.startsWith('+')) return 'has a plus sign; write positive numbers without one';
  if (text.endsWith('%')) return 'is a percentage; write rates as decimals (0.125 for 12.5 %)';
  return 'is not a number like 1234.56';
}

/** A rate or other dimensionless decimal (0.125 = 12.5 %). Stored as a double: these are not money. */
export function parseDecimal(text: string): number | Invalid {
  if (!DECIMAL.test(text)) return new Invalid(whyNotADecimal(text));
  const value = Number(text);
  if (!Number.isFinite(value)) return new Invalid('is too large');
  return value;
}

export function parseInteger(text: string): number | Invalid {
  if (!INTEGER.test(text)) return new Invalid(DECIMAL.test(text) ? 'is not a whole number' : whyNotADecimal(text));
  const value = Number(text);
  if (!Number.isSafeInteger(value)) return new Invalid('is too large');
  return value === 0 ? 0 : value;
}

/** A domain rule on a parsed number: null when it holds, else the reason. */
export type NumberCheck = (value: number) => string | null;

export const positive: NumberCheck = (value) => (value > 0 ? null : 'must be more than 0');
export const nonNegative: NumberCheck = (value) => (value >= 0 ? null : 'must not be negative');

export function between(low: number, high: number, hint = ''): NumberCheck {
  return (value) => (value >= low && value <= high ? null : `must be between ${low} and ${high}${hint}`);
}
