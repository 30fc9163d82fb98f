import assert from 'node:assert/strict';
import { test } from 'node:test';
import { orderStatisticInterval, quantileRank } from './order-statistics.ts';

test('quantileRank is ⌈q·n⌉ taken exactly, at least 1', () => {
  assert.equal(quantileRank(100, 0.07), 7); // 0.07 × 100 is 7.000000000000001 in floating point
  assert.equal(quantileRank(1000, 0.999), 999);
  assert.equal(quantileRank(1001, 0.999), 1000); // 999.999 → 1000
  assert.equal(quantileRank(10, 0.01), 1);
  assert.equal(quantileRank(10, 1), 10);
});

test('the median of 100 values: X(40) to X(61), the textbook 95 % interval', () => {
  // binomial(100, ½): F(39) = 0.0176 ≤ 0.025 < F(40) = 0.0284, so low = 40; F(59) = 0.9716 < 0.975 ≤ F(60) = 0.9824, so high = 61.
  assert.deepEqual(orderStatisticInterval(100, 0.5, 0.95), { low: 40, high: 61 });
});

test('a tail quantile: 99 % of 1,000 values', () => {
  // binomial(1000, 0.99) by exact sums: F(982) = 0.0138 ≤ 0.025 < F(983) = 0.0264 → low 983;
  // F(995) = 0.9713 < 0.975 ≤ F(996) = 0.9899 → high 997.
  assert.deepEqual(orderStatisticInterval(1000, 0.99, 0.95), { low: 983, high: 997 });
});

test('too few values for the level: the missing bound is the largest value', () => {
  // 100 values and q = 0.999: P(B ≤ 99) = 1 − 0.999^100 = 0.095 < 0.975, so no rank reaches the upper tail.
  assert.equal(orderStatisticInterval(100, 0.999, 0.95).high, 100);
});

test('one million values stay finite and centred', () => {
  const { low, high } = orderStatisticInterval(1_000_000, 0.999, 0.95);
  // mean 999,000, sd √(10⁶ · 0.999 · 0.001) = 31.6: about ±1.96 sd = ±62.
  assert.ok(Math.abs(low - (999_000 - 62)) <= 2 && Math.abs(high - (999_000 + 62)) <= 2, `${low} ${high}`);
});

test('the window around the mode gives the ranks the whole distribution gives', () => {
  // An independent reference: every binomial probability from k = 0, by the recurrence P(k + 1) = P(k) · (n − k)/(k + 1) · q/(1 − q)
  // in logarithms from log P(0) = n · log(1 − q), summed from the bottom.
  const reference = (n: number, q: number, confidence: number) => {
    const tail = (1 - confidence) / 2;
    let logP = n * Math.log1p(-q);
    let cumulative = 0;
    let low = 0;
    for (let k = 0; k <= n; k++) {
      cumulative += Math.exp(logP);
      if (cumulative <= tail) low = k + 1;
      if (cumulative >= 1 - tail) return { low: Math.max(1, low), high: Math.min(n, k + 1) };
      logP += Math.log((n - k) / (k + 1)) + Math.log(q) - Math.log1p(-q);
    }
    return { low: Math.max(1, low), high: n };
  };
  for (const [n, q] of [[5_000, 0.99], [20_000, 0.999], [200_000, 0.99], [50_000, 0.5]] as const) {
    assert.deepEqual(orderStatisticInterval(n, q, 0.95), reference(n, q, 0.95), `n ${n}, q ${q}`);
  }
});
