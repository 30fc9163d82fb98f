// PD term structure from a 12-month PD, assuming a constant monthly hazard h = 1 − (1 − PD12)^(1/12):
// survival S(t) = (1 − h)^t, marginal PD of month t = S(t − 1)·h, lifetime PD over n months = 1 − (1 − h)^n.

/** The constant monthly default probability implied by a 12-month PD (PD12 = 1 → h = 1). */
export function monthlyHazard(pd12: number): number {
  if (pd12 >= 1) return 1;
  if (pd12 <= 0) return 0;
  return 1 - Math.pow(1 - pd12, 1 / 12);
}

/** The probability of default within `months` months: 1 − (1 − h)^n, computed as 1 − (1 − PD12)^(n/12), the same number with one rounding fewer. */
export function lifetimePd(pd12: number, months: number): number {
  if (pd12 >= 1) return months > 0 ? 1 : 0;
  if (pd12 <= 0) return 0;
  return 1 - Math.pow(1 - pd12, months / 12);
}

/** The unconditional default probability of each month 1…months (element t − 1 = S(t − 1)·h). */
export function marginalPds(pd12: number, months: number): Float64Array {
  const h = monthlyHazard(pd12);
  const out = new Float64Array(months);
  let survival = 1;
  for (let t = 0; t < months; t++) {
    out[t] = survival * h;
    survival *= 1 - h;
  }
  return out;
}
