import { currencyMinorDigits } from '../../engines/currency.ts';
import { isCodeOf, type PlausibleRange } from '../../../preload/contract/loan-vocabulary.ts';
import type { NumberCheck } from './numbers.ts';

/*
 * The checks behind preload/contract/loan-vocabulary.ts's table: hard limits refuse a value (a NumberCheck), usual
 * bands only warn (the caller logs the reason with RowReader.warn). Messages say the limit and what to write instead.
 */

function shown(value: number): string {
  // toPrecision drops binary noise (9.99 × 100 is 998.9999…) before the number is put in a sentence.
  return Number(value.toPrecision(12)).toLocaleString('en-US', { maximumFractionDigits: 10 });
}

/** Whether `value` (in the range's own unit) is within its hard limits: null, or why not. */
function outsideLimits(value: number, range: PlausibleRange): string | null {
  const low = range.minExclusive ? value <= range.min : value < range.min;
  if (!low && value <= range.max) return null;
  const limits = range.minExclusive ? `more than ${shown(range.min)} and at most ${shown(range.max)}` : `between ${shown(range.min)} and ${shown(range.max)}`;
  return `must be ${limits} ${range.unit}`;
}

/** A rate of 5 is 5 % typed as a number: the message says so and gives the decimal to write. */
export function rateWithinLimits(range: PlausibleRange): NumberCheck {
  return (value) => {
    if (value > range.max) return `is more than ${shown(range.max)}: rates are decimals, so ${shown(value)} means ${shown(value * 100)} %; write ${shown(value / 100)} for ${shown(value)} %`;
    return outsideLimits(value, range);
  };
}

export function withinLimits(range: PlausibleRange): NumberCheck {
  return (value) => outsideLimits(value, range);
}

/** Limits stated in major units, checked on an amount in minor units of `currency`. */
export function amountWithinLimits(range: PlausibleRange, currency: string | null): NumberCheck {
  return (minor) => outsideLimits(majorUnits(minor, currency), range);
}

function majorUnits(minor: number, currency: string | null): number {
  // A null currency never reaches a check (RowReader.money skips it); 2 digits keeps the type honest.
  return minor / 10 ** (currency === null ? 2 : currencyMinorDigits(currency));
}

/** Why a value within its limits is still unusual (null when it is not), in the range's own unit. */
export function unusual(value: number | null, range: PlausibleRange): string | null {
  if (value === null || value <= range.usualMax) return null;
  return `is more than ${shown(range.usualMax)} ${range.unit}, which is unusual; check that it is meant`;
}

export function unusualAmount(minor: number | null, currency: string | null, range: PlausibleRange): string | null {
  return minor === null ? null : unusual(majorUnits(minor, currency), range);
}

/** The codes a coded column accepts (LOAN_CODES.product, BORROWER_CODES.industry…), as RowReader.choice's last two arguments. */
export function codeChoice<Code extends string>(codes: readonly Code[]): [isAllowed: (value: string) => value is Code, allowed: string] {
  return [(value): value is Code => isCodeOf(codes, value), codes.join(', ')];
}
