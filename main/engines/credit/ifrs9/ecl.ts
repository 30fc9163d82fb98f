// Expected credit loss in minor units, kept as a float (the caller rounds once, at the end).
// Performing loans (stages 1 and 2): ECL = Σ_t marginalPd_t · LGD · EAD_t · DF_t over the horizon, with the
// constant-hazard term structure of term-structure.ts and DF_t = (1 + i)^(−t) at the monthly contract rate i
// (the effective interest rate of a loan without fees). Credit-impaired loans (stage 3): the loss has occurred.
import type { ExposureRunoff } from './exposure.ts';
import { monthlyHazard } from './term-structure.ts';

/** One month of an ECL sum (the contract's eclMonthSchema); survival is S(t), to the end of the month. */
export interface EclMonth {
  readonly month: number;
  readonly marginalPd: number;
  readonly survival: number;
  readonly eadMinor: number;
  readonly lgd: number;
  readonly discountFactor: number;
  readonly eclMinor: number;
}

export interface DiscountedEclInput {
  readonly pd12m: number;
  readonly lgd: number;
  readonly monthlyRate: number;
  readonly horizonMonths: number;
  /** A fresh runoff of the loan's exposure, positioned before month 1. */
  readonly exposure: ExposureRunoff;
}

/** Σ_t marginalPd_t · LGD · EAD_t · DF_t for t = 1…horizonMonths; each month is appended to `schedule` when one is given. */
export function discountedEcl(input: DiscountedEclInput, schedule: EclMonth[] | null): number {
  const h = monthlyHazard(input.pd12m);
  const discount = 1 / (1 + input.monthlyRate);
  let survival = 1;
  let discountFactor = 1;
  let ecl = 0;
  for (let month = 1; month <= input.horizonMonths; month++) {
    const marginalPd = survival * h;
    survival *= 1 - h;
    discountFactor *= discount;
    const eadMinor = input.exposure.next();
    const monthEcl = marginalPd * input.lgd * eadMinor * discountFactor;
    ecl += monthEcl;
    schedule?.push({ month, marginalPd, survival, eadMinor, lgd: input.lgd, discountFactor, eclMinor: monthEcl });
  }
  return ecl;
}

/** A credit-impaired loan: ECL = LGD × EAD, undiscounted (one schedule line, month 0, when one is given). */
export function impairedEcl(lgd: number, eadMinor: number, schedule: EclMonth[] | null): number {
  const ecl = lgd * eadMinor;
  schedule?.push({ month: 0, marginalPd: 1, survival: 0, eadMinor, lgd, discountFactor: 1, eclMinor: ecl });
  return ecl;
}
