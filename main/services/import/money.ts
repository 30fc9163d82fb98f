import { currencyMinorDigits, isCurrencyCode } from '../../engines/currency.ts';
import { Invalid } from './invalid.ts';
import { DECIMAL, whyNotADecimal } from './numbers.ts';

export function parseCurrency(text: string): string | Invalid {
  if (isCurrencyCode(text)) return text;
  if (isCurrencyCode(text.trim().toUpperCase())) return new Invalid(`is not written as its ISO 4217 code; write ${text.trim().toUpperCase()}`);
  return new Invalid('is not an ISO 4217 currency code (such as CNY, USD, JPY)');
}

/**
 * Major-unit decimal text → integer minor units by moving the decimal point in the string, so no binary
 * float ever holds the amount ('0.29' would be 28.999… as a double). More significant decimals than the
 * currency has are an error rather than rounded: rounding money silently is how ledgers drift.
 */
export function parseMoney(text: string, currency: string): number | Invalid {
  const match = text.match(DECIMAL);
  if (!match) return new Invalid(whyNotADecimal(text).replace('a number like', 'an amount like'));
  const [, sign = '', whole = '', written = ''] = match;
  const digits = currencyMinorDigits(currency);
  // Zeros past the currency's minor unit lose nothing ('1000.00' JPY is 1000), so they are accepted.
  const fraction = written.length > digits ? written.replace(/0+$/, '').padEnd(digits, '0') : written;
  if (fraction.length > digits) {
    return new Invalid(digits === 0 ? `has decimals but ${currency} has no minor unit` : `has ${fraction.length} decimals but ${currency} has ${digits}`);
  }
  const minorText = whole + fraction.padEnd(digits, '0');
  // Up to 15 digits a double is exact; beyond that, compare as a bigint before trusting Number().
  if (minorText.length > 15 && BigInt(minorText) > BigInt(Number.MAX_SAFE_INTEGER)) return new Invalid('is too large');
  const minor = Number(minorText);
  return sign === '-' && minor !== 0 ? -minor : minor;
}
