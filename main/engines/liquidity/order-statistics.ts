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
  const { from, pmf } = binomialPmf(n, q);
  // Every k below the window has F(k) ≈ 0 ≤ tail, so low is at least the window's first rank.
  let cumulative = 0;
  let low = from;
  let high = n + 1;
  for (let i = 0; i < pmf.length; i++) {
    const k = from + i;
    cumulative += pmf[i] as number;
    if (cumulative <= tail) low = k + 1;
    if (cumulative >= 1 - tail) {
      high = k + 1;
      break;
    }
  }
  return { low: Math.max(1, low), high: Math.min(n, high) };
}

/** Standard deviations either side of the mode past which binomial probabilities are below 1e-300: nothing to add. */
const PMF_WINDOW_SDS = 40;

/**
 * binomial(n, q) probabilities over the ranks where they are not negligible (`from` onwards), from the mode outwards in
 * logarithms (unnormalised, then scaled to sum to 1): direct powers such as 0.01^1,000,000 underflow, and a recurrence
 * started at a tail would carry its rounding across the whole range. Only the window around the mode is computed, so
 * a million paths cost a few thousand logarithms rather than a million.
 */
function binomialPmf(n: number, q: number): { from: number; pmf: Float64Array } {
  if (q <= 0 || q >= 1) {
    const pmf = new Float64Array(n + 1);
    pmf[q <= 0 ? 0 : n] = 1;
    return { from: 0, pmf };
  }
  const mode = Math.min(n, Math.floor((n + 1) * q));
  const reach = Math.ceil(PMF_WINDOW_SDS * Math.sqrt(n * q * (1 - q))) + PMF_WINDOW_SDS;
  const from = Math.max(0, mode - reach);
  const to = Math.min(n, mode + reach);
  const logPmf = new Float64Array(to - from + 1);
  const logOdds = Math.log(q) - Math.log1p(-q);
  for (let k = mode; k < to; k++) logPmf[k + 1 - from] = (logPmf[k - from] as number) + Math.log((n - k) / (k + 1)) + logOdds;
  for (let k = mode; k > from; k--) logPmf[k - 1 - from] = (logPmf[k - from] as number) - Math.log((n - k + 1) / k) - logOdds;
  const pmf = logPmf.map(Math.exp);
  const total = pmf.reduce((sum, p) => sum + p, 0);
  return { from, pmf: pmf.map((p) => p / total) };
}
