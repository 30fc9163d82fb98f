import { Decimal } from 'decimal.js';

/**
 * The liquidity engine's decimal arithmetic. 40 significant digits hold any sum of a workspace's amounts exactly
 * (a million lines near 1e15 minor units is about 1e21, 22 digits) and leave the ratios' divisions far more digits
 * than the Number they end up as can keep.
 */
export const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN });
export type Exact = Decimal;
export type ExactValue = Decimal.Value;

/** An integer count of minor units (a bigint for sums past 2^53) in major units: the decimal point moved, nothing rounded. */
export function majorUnits(minor: bigint | number, minorDigits: number): Exact {
  return new Exact(minor.toString()).div(new Exact(10).pow(minorDigits));
}

/** A factor or rate as the parameter set writes it (0.05 is read as exactly 5/100, not as the double nearest it). */
export function exactFactor(factor: number): Exact {
  return new Exact(factor);
}

export function checkMinorDigits(minorDigits: number): number {
  if (!Number.isInteger(minorDigits) || minorDigits < 0 || minorDigits > 4) throw new RangeError(`minorDigits must be a whole number from 0 to 4; got ${minorDigits}`);
  return minorDigits;
}
