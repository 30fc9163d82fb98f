import { Exact } from './exact.ts';

/**
 * Distribution-free quantiles and their confidence intervals from order statistics, for the Monte Carlo's reserve
 * and fan chart. X_(1) ≤ … ≤ X_(n) are the sorted values.
 */

/**
 * The rank k of the q-quantile: the ⌈q·n⌉-th smallest value (at least the first), i.e. the inverse of the empirical
 * distribution function (Hyndman and Fan's type 1). q·n is taken exactly: 0.07 × 100 is 7 here, not 7.000000000000001.
 */
export function quantileRank(n: number, q: number): number {
  return Math.min(n, Math.max(1, new Exact(q).times(n).ceil().toNumber()));
}

/**
 * The ranks (low, high) of a distribution-free interval for the q-quantile ξ of a continuous distribution: the number
 * B of the n values at or below ξ is binomial(n, q), X_(low) ≤ ξ exactly when B ≥ low, and ξ < X_(high) exactly when
 * B < high, so P(X_(low) ≤ ξ < X_(high)) = F(high − 1) − F(low − 1) with F the binomial distribution function. low is
 * the largest rank with F(low − 1) ≤ (1 − confidence) / 2 and high the smallest with F(high − 1) ≥ (1 + confidence) / 2,
 * which covers ξ with at least `confidence`. When n is too small for the level (few values beyond the quantile),
 * the bound that does not exist is clamped to X_(1) or X_(n) and the interval's coverage is below `confidence`.
 */
export function orderStatisticInterval(n: number, q: number, confidence: number): { low: number; high: number } {
  const tail = (1 - confidence) / 2;
  const pmf = binomialPmf(n, q);
  let cumulative = 0;
  let low = 0;
  let high = n + 1;
  for (let k = 0; k <= n; k++) {
    cumulative += pmf[k] as number;
    if (cumulative <= tail) low = k + 1;
    if (cumulative >= 1 - tail) {
      high = k + 1;
      break;
    }
  }
  return { low: Math.max(1, low), high: Math.min(n, high) };
}

/**
 * binomial(n, q) probabilities, from the mode outwards in logarithms (unnormalised, then scaled to sum to 1): direct
 * powers such as 0.01^1,000,000 underflow, and a recurrence started at a tail would carry its rounding across the
 * whole range.
 */
function binomialPmf(n: number, q: number): Float64Array {
  const logPmf = new Float64Array(n + 1);
  if (q <= 0 || q >= 1) {
    const pmf = new Float64Array(n + 1);
    pmf[q <= 0 ? 0 : n] = 1;
    return pmf;
  }
  const logOdds = Math.log(q) - Math.log1p(-q);
  const mode = Math.min(n, Math.floor((n + 1) * q));
  for (let k = mode; k < n; k++) logPmf[k + 1] = (logPmf[k] as number) + Math.log((n - k) / (k + 1)) + logOdds;
  for (let k = mode; k > 0; k--) logPmf[k - 1] = (logPmf[k] as number) - Math.log((n - k + 1) / k) - logOdds;
  const pmf = logPmf.map(Math.exp);
  const total = pmf.reduce((sum, p) => sum + p, 0);
  return pmf.map((p) => p / total);
}
