import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { PathChunk } from '../../../preload/contract/liquidity.ts';
import type { FlowHistory } from './flow-history.ts';
import { mergePathChunks, simulatePaths, type PathSettings } from './monte-carlo.ts';

/** The history of one product on demand: its own rates are the products' rates. */
function onDemandHistory(outflowRate: Float64Array, inflowRate: Float64Array, balanceMinor: number): FlowHistory {
  const product = 'mmf_t0';
  const dates = Array.from(outflowRate, (_, i) => `d${i}`);
  return { products: [product], dates, outflowRate, inflowRate, balanceMinor, perProduct: [{ product, noticeDays: 0, outflowRate, inflowRate, balanceMinor }] };
}

/** A history of `days` days whose outflow and inflow rates are seeded normals (Box–Muller). */
function normalHistory(days: number, seed: number): FlowHistory {
  const rng = xoroshiro128plus(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniformFloat64(rng))) * Math.cos(2 * Math.PI * uniformFloat64(rng));
  const outflowRate = Float64Array.from({ length: days }, () => 0.02 + 0.004 * normal());
  const inflowRate = Float64Array.from({ length: days }, () => 0.018 + 0.003 * normal());
  return onDemandHistory(outflowRate, inflowRate, 100_000_000);
}

const SETTINGS: PathSettings = { days: 45, blockDays: 5, outflowMultiplier: 1.5, subscriptionFactor: 1, seed: 20261205 };
/** About 45 × (1.5 × 2 % − 1.8 %) × 1,000,000.00 = 540,000.00 on average by day 45: a buffer that some paths outlast. */
const BUFFER = 50_000_000;

function simulateSplit(history: FlowHistory, settings: PathSettings, bounds: readonly number[]): PathChunk[] {
  const chunks: PathChunk[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) chunks.push(simulatePaths(history, settings, BUFFER, bounds[i] as number, (bounds[i + 1] as number) - (bounds[i] as number)));
  return chunks;
}

describe('simulatePaths and mergePathChunks', () => {
  const history = normalHistory(250, 7);
  const paths = 12_000; // beyond FAN_PATHS (10,000), so that one chunk straddles the fan's end
  const whole = mergePathChunks(simulateSplit(history, SETTINGS, [0, paths]), { paths, days: SETTINGS.days }, BUFFER, 2);

  test('the same seed gives the same result for 1, 2 and 4 chunks, in any order', () => {
    const two = simulateSplit(history, SETTINGS, [0, 6_000, paths]);
    const four = simulateSplit(history, SETTINGS, [0, 2_500, 9_000, 10_500, paths]);
    assert.deepEqual(mergePathChunks(two, { paths, days: SETTINGS.days }, BUFFER, 2), whole);
    assert.deepEqual(mergePathChunks([four[2], four[0], four[3], four[1]] as PathChunk[], { paths, days: SETTINGS.days }, BUFFER, 2), whole);
    assert.equal(four[2]?.fan.length, (10_000 - 9_000) * SETTINGS.days);
    assert.equal(four[3]?.fan.length, 0);
  });

  test('the result is a distribution, not a degenerate one', () => {
    assert.equal(whole.survivalHistogram.length, 45);
    assert.equal(whole.survivalHistogram.reduce((sum, n) => sum + n, 0) + whole.survived, paths);
    assert.ok(whole.survived > 0 && whole.survived < paths, `survived ${whole.survived}`);
    assert.equal(whole.buffer, 500_000);
    const last = whole.fan.at(-1);
    assert.ok(last !== undefined && last.p1 < last.p25 && last.p25 < last.p50 && last.p50 < last.p75 && last.p75 < last.p99);
  });

  test('a different seed gives different paths', () => {
    const other = mergePathChunks(simulateSplit(history, { ...SETTINGS, seed: SETTINGS.seed + 1 }, [0, paths]), { paths, days: SETTINGS.days }, BUFFER, 2);
    assert.notDeepEqual(other.fan, whole.fan);
    assert.notEqual(other.reserve[0]?.value, whole.reserve[0]?.value);
  });

  test('chunks that leave a gap, overlap or stop short are refused', () => {
    const chunks = simulateSplit(history, SETTINGS, [0, 100, 200]);
    const merge = (list: PathChunk[], total: number) => () => mergePathChunks(list, { paths: total, days: SETTINGS.days }, BUFFER, 2);
    assert.throws(merge([chunks[1] as PathChunk], 200), /expected one starting at path 0/);
    assert.throws(merge([chunks[0] as PathChunk, chunks[0] as PathChunk, chunks[1] as PathChunk], 300), /expected one starting at path 100, got one at 0/);
    assert.throws(merge(chunks, 300), /they end at path 199/);
  });

  test('a block longer than the history is refused', () => {
    assert.throws(() => simulatePaths(normalHistory(4, 1), SETTINGS, BUFFER, 0, 10), (error: unknown) => error instanceof RiskDeskError && error.code === 'VALIDATION' && /4 days, fewer than one bootstrap block of 5/.test(error.message));
  });
});

test('a constant history: every path runs out on the same day, worked by hand', () => {
  // Net outflow every day (1 × 2 % − 0.5 × 1 %) × 100,000.00 = 1,500.00; buffer 10,000.00: cumulative 9,000 on
  // day 6, 10,500 > 10,000 on day 7. Peak over the first 30 days: 45,000.00.
  const history = onDemandHistory(Float64Array.of(0.02, 0.02, 0.02), Float64Array.of(0.01, 0.01, 0.01), 10_000_000);
  const settings = { days: 40, blockDays: 2, outflowMultiplier: 1, subscriptionFactor: 0.5, seed: 1 };
  const progress: number[] = [];
  const chunk = simulatePaths(history, settings, 1_000_000, 0, 2_000, (done) => progress.push(done));
  assert.deepEqual(progress, [1024, 2000]);
  const summary = mergePathChunks([chunk], { paths: 2_000, days: 40 }, 1_000_000, 2);
  assert.equal(summary.survivalHistogram[6], 2_000);
  assert.deepEqual([summary.survived, summary.survival30], [0, 0]);
  assert.deepEqual(summary.reserve[0], { level: 0.99, value: 45_000, low: 45_000, high: 45_000 });
  assert.deepEqual(summary.fan[0], { day: 1, p1: 1_500, p5: 1_500, p25: 1_500, p50: 1_500, p75: 1_500, p95: 1_500, p99: 1_500 });
  assert.equal(summary.fan[39]?.p50, 60_000);
});

test('blockDays 1 on an i.i.d. normal history: the last day matches the normal of the sum', () => {
  // With blocks of one day, the day-D cumulative is a sum of D independent draws from the history's empirical
  // distribution of daily net outflows: mean D·μ̂ and variance D·σ̂² (σ̂² the population variance of the history,
  // the distribution the bootstrap draws from), close to normal for D = 30 of a normal history. The q-quantile of
  // N = 10,000 paths (the fan's paths) scatters with standard error √(q(1 − q)/N) / φ(z_q) standard deviations:
  // 0.021 at 5 % and 95 %, 0.0125 at 50 %. The tolerance is 4 standard errors; the normal approximation of a 30-day
  // sum of a symmetric history adds far less than that.
  const history = normalHistory(2_000, 2026);
  const settings = { days: 30, blockDays: 1, outflowMultiplier: 1, subscriptionFactor: 1, seed: 99 };
  const paths = 10_000;
  const summary = mergePathChunks([simulatePaths(history, settings, Number.MAX_VALUE, 0, paths)], { paths, days: 30 }, Number.MAX_VALUE, 2);
  const net = history.outflowRate.map((rate, j) => (rate - (history.inflowRate[j] as number)) * history.balanceMinor / 100);
  const mean = net.reduce((sum, x) => sum + x, 0) / net.length;
  const variance = net.reduce((sum, x) => sum + (x - mean) ** 2, 0) / net.length;
  const sd = Math.sqrt(30 * variance);
  const last = summary.fan.at(-1);
  for (const [key, z, standardErrors] of [['p5', -1.6449, 0.021], ['p50', 0, 0.0125], ['p95', 1.6449, 0.021]] as const) {
    const expected = 30 * mean + z * sd;
    const got = last?.[key] as number;
    assert.ok(Math.abs(got - expected) < 4 * standardErrors * sd, `${key}: ${got} against ${expected} ± ${4 * standardErrors * sd}`);
  }
});

test('the reserve interval holds the quantile, narrows with more paths, and holds a far more precise estimate', () => {
  const history = normalHistory(500, 11);
  const settings = { days: 30, blockDays: 3, outflowMultiplier: 1.2, subscriptionFactor: 1, seed: 5 };
  const reserveOf = (paths: number) => mergePathChunks([simulatePaths(history, settings, BUFFER, 0, paths)], { paths, days: 30 }, BUFFER, 2).reserve;
  const small = reserveOf(2_000);
  const large = reserveOf(20_000);
  const reference = reserveOf(200_000);
  for (const [i, reserve] of [small, large].entries()) {
    for (const level of reserve) assert.ok(level.low <= level.value && level.value <= level.high, JSON.stringify(level));
    const q99 = reserve[0] as { low: number; high: number };
    assert.ok(q99.low < (reference[0]?.value as number) && (reference[0]?.value as number) < q99.high, `run ${i}: ${JSON.stringify(q99)} against ${reference[0]?.value}`);
  }
  const width = (r: typeof small, i: number) => (r[i]?.high as number) - (r[i]?.low as number);
  assert.ok(width(large, 0) < width(small, 0) / 2, `${width(large, 0)} against ${width(small, 0)}`);
  assert.ok(width(large, 1) < width(small, 1));
});

test('a product on notice pays each redemption n days late: nothing on days 1 … n, then the on-demand path shifted by n days', () => {
  // Two products over a 6-day history, rates in 64ths of a balance of 64.00 so that every day's flow is a whole number
  // of minor units and the fan's 32-bit floats hold the cumulative sums exactly:
  //   now   (on demand):  outflows 1, 2, 3, 4, 5, 6 by history day; subscriptions 1 a day
  //   later (notice 3):   outflows 10, 20, 30, 40, 50, 60; subscriptions 2 a day, not delayed
  // With outflowMultiplier 2 and subscriptionFactor 1, day d of a path that replays history day j(d) nets
  //   2·now(j(d)) − 1 − 2 + (d > 3 ? 2·later(j(d − 3)) : 0).
  // The same seed replays the same history days whatever the products, so each product alone on demand gives the
  // per-day terms to check the pair against.
  const balanceMinor = 6_400;
  const perDay = (flows: readonly number[]) => Float64Array.from(flows, (flow) => flow / balanceMinor);
  const now = { product: 'now', noticeDays: 0, outflowRate: perDay([100, 200, 300, 400, 500, 600]), inflowRate: perDay([100, 100, 100, 100, 100, 100]), balanceMinor };
  const later = { product: 'later', noticeDays: 3, outflowRate: perDay([1000, 2000, 3000, 4000, 5000, 6000]), inflowRate: perDay([200, 200, 200, 200, 200, 200]), balanceMinor };
  // simulatePaths reads only the per-product rates: the products-together fields are the helper's filler.
  const historyOf = (...perProduct: (typeof now)[]): FlowHistory => ({ ...onDemandHistory(now.outflowRate, now.inflowRate, balanceMinor), products: perProduct.map((p) => p.product), perProduct });
  const settings = { days: 12, blockDays: 2, outflowMultiplier: 2, subscriptionFactor: 1, seed: 42 };
  const paths = 300;
  const dailyNet = (history: FlowHistory): number[][] => {
    const { fan } = simulatePaths(history, settings, Number.MAX_VALUE, 0, paths);
    return Array.from({ length: paths }, (_, p) => Array.from({ length: settings.days }, (_, d) => (fan[p * settings.days + d] as number) - (d === 0 ? 0 : (fan[p * settings.days + d - 1] as number))));
  };
  const nowAlone = dailyNet(historyOf(now));
  const laterOnDemand = dailyNet(historyOf({ ...later, noticeDays: 0 }));
  const pair = dailyNet(historyOf(now, later));
  let shiftedDays = 0;
  for (let p = 0; p < paths; p++) {
    for (let d = 1; d <= settings.days; d++) {
      const laterRedemptions = d > 3 ? (laterOnDemand[p]?.[d - 4] as number) + 200 : 0;
      assert.equal(pair[p]?.[d - 1], (nowAlone[p]?.[d - 1] as number) - 200 + laterRedemptions, `path ${p}, day ${d}`);
      if (d > 3 && laterOnDemand[p]?.[d - 4] !== laterOnDemand[p]?.[d - 1]) shiftedDays += 1;
    }
  }
  // The check would not notice a missing shift if the history days replayed n days apart were always the same.
  assert.ok(shiftedDays > paths, `${shiftedDays} days on which the shift matters`);
});
