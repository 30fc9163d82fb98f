import { Exact } from './exact.ts';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { FAN_PATHS, type MonteCarloResult, type PathChunk } from '../../../preload/contract/liquidity.ts';
import { streamGenerator } from '../random-streams.ts';
import type { FlowHistory } from './flow-history.ts';
import { orderStatisticInterval, quantileRank } from './order-statistics.ts';

/**
 * Monte Carlo of the investor products' net outflows by a moving-block bootstrap of their daily flow history: a path
 * strings together blocks of blockDays consecutive history days, each block starting at a uniform day of the
 * history, until it has `days` days. Blocks keep what single days would lose: a run lasts several days, and a quiet
 * week follows a quiet week. Each product's flows are rates of its own balance, so a history recorded at another size
 * applies to today's balance.
 *
 * Day d of a path replays history day j(d). A product with a notice period of n days (the parameter set's noticeDays)
 * pays the redemptions asked for on day d on day d + n, and requests made before day 1 are among the contractual
 * lines already, so on day d the path pays outflowMultiplier × its outflow rate of history day j(d − n) × its balance
 * if d > n, and nothing on days 1 … n. Subscriptions arrive the day they are made: subscriptionFactor × the inflow
 * rate of j(d) × the balance. Day d's net outflow is the sum over the products.
 *
 * Path i draws from its own stream (seed, MONTE_CARLO_STREAM, i), so a path is the same whichever worker computes it,
 * and the merged result is the same however the paths are split.
 */

/** The Monte Carlo's random stream: apart from the demo's (1–8), so that a simulation seeded like the demo does not replay its draws. */
const MONTE_CARLO_STREAM = 0x4d43;

export interface PathSettings {
  readonly days: number;
  readonly blockDays: number;
  readonly outflowMultiplier: number;
  readonly subscriptionFactor: number;
  readonly seed: number;
}

/** How often simulatePaths reports: often enough for a progress bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 1024;
/** The reserve is the buffer needed to survive this many days (or the simulation's days, if fewer). */
const RESERVE_DAYS = 30;

export function simulatePaths(history: FlowHistory, settings: PathSettings, bufferMinor: number, firstPath: number, count: number, onProgress?: (done: number) => void): PathChunk {
  const { days, blockDays, outflowMultiplier, subscriptionFactor, seed } = settings;
  const historyDays = history.outflowRate.length;
  if (historyDays < blockDays) {
    throw new RiskDeskError('VALIDATION', `The flow history has ${historyDays} days, fewer than one bootstrap block of ${blockDays}: use shorter blocks or a longer history.`, { historyDays, blockDays });
  }
  // What history day j adds on the day it is replayed (the on-demand products' net outflows and every product's
  // subscriptions), and what it adds n days later (each product on notice's redemptions).
  const net = new Float64Array(historyDays);
  const delayed: { noticeDays: number; outflow: Float64Array }[] = [];
  for (const product of history.perProduct) {
    const { noticeDays, outflowRate, inflowRate, balanceMinor } = product;
    if (noticeDays === 0) {
      for (let j = 0; j < historyDays; j++) net[j] = (net[j] as number) + (outflowMultiplier * (outflowRate[j] as number) - subscriptionFactor * (inflowRate[j] as number)) * balanceMinor;
    } else {
      for (let j = 0; j < historyDays; j++) net[j] = (net[j] as number) - subscriptionFactor * (inflowRate[j] as number) * balanceMinor;
      if (noticeDays < days) delayed.push({ noticeDays, outflow: outflowRate.map((rate) => outflowMultiplier * rate * balanceMinor) });
    }
  }

  const reserveDays = Math.min(days, RESERVE_DAYS);
  const lastStart = historyDays - blockDays;
  const fanPaths = Math.max(0, Math.min(firstPath + count, FAN_PATHS) - firstPath);
  const survivalDay = new Int32Array(count);
  const peak30 = new Float64Array(count);
  const fan = new Float32Array(fanPaths * days);
  /** The path's history day of each simulated day so far: a product on notice pays the redemptions of an earlier one. */
  const replayed = new Int32Array(days);
  for (let p = 0; p < count; p++) {
    const rng = streamGenerator(seed, MONTE_CARLO_STREAM, firstPath + p);
    const fanOffset = p < fanPaths ? p * days : -1;
    let cumulative = 0;
    let peak = 0;
    let survival = 0;
    let day = 0;
    while (day < days) {
      const start = uniformInt(rng, 0, lastStart);
      const end = start + Math.min(blockDays, days - day);
      for (let j = start; j < end; j++) {
        replayed[day] = j;
        cumulative += net[j] as number;
        day += 1;
        for (const { noticeDays, outflow } of delayed) {
          if (day > noticeDays) cumulative += outflow[replayed[day - noticeDays - 1] as number] as number;
        }
        if (survival === 0 && cumulative > bufferMinor) survival = day;
        if (day <= reserveDays && cumulative > peak) peak = cumulative;
        if (fanOffset >= 0) fan[fanOffset + day - 1] = cumulative;
      }
    }
    survivalDay[p] = survival;
    peak30[p] = peak;
    if (onProgress !== undefined && ((p + 1) % PROGRESS_EVERY === 0 || p + 1 === count)) onProgress(p + 1);
  }
  return { firstPath, count, survivalDay, peak30, fan };
}

export type MonteCarloSummary = Pick<MonteCarloResult, 'buffer' | 'survivalHistogram' | 'survived' | 'survival30' | 'reserve' | 'fan'>;

/** The levels of the reserve quantiles, and the fan chart's percentiles. */
const RESERVE_LEVELS = [0.99, 0.999] as const;
const FAN_LEVELS = { p1: 0.01, p5: 0.05, p25: 0.25, p50: 0.5, p75: 0.75, p95: 0.95, p99: 0.99 } as const;
const CONFIDENCE = 0.95;

/** Sorts the chunks by first path and checks that they cover paths 0 … paths − 1 once each. */
function tiledChunks(chunks: readonly PathChunk[], paths: number, days: number): PathChunk[] {
  const sorted = [...chunks].sort((a, b) => a.firstPath - b.firstPath);
  let next = 0;
  for (const chunk of sorted) {
    if (chunk.firstPath !== next) throw new RangeError(`path chunks must tile 0…${paths - 1}: expected one starting at path ${next}, got one at ${chunk.firstPath}`);
    const fanPaths = Math.max(0, Math.min(chunk.firstPath + chunk.count, FAN_PATHS) - chunk.firstPath);
    if (chunk.survivalDay.length !== chunk.count || chunk.peak30.length !== chunk.count || chunk.fan.length !== fanPaths * days) {
      throw new RangeError(`the chunk at path ${chunk.firstPath} holds arrays of the wrong length for ${chunk.count} paths of ${days} days`);
    }
    next += chunk.count;
  }
  if (next !== paths) throw new RangeError(`path chunks must tile 0…${paths - 1}: they end at path ${next - 1}`);
  return sorted;
}

/**
 * The distribution of a simulation from its chunks. Quantiles are order statistics: the q-quantile of n values is
 * the ⌈q·n⌉-th smallest (the inverse of the empirical distribution function), and its 95 % interval the pair of order
 * statistics that the binomial(n, q) law puts around it (order-statistics.ts).
 */
export function mergePathChunks(chunks: readonly PathChunk[], settings: { readonly paths: number; readonly days: number }, bufferMinor: number, minorDigits: number): MonteCarloSummary {
  const { paths, days } = settings;
  const sorted = tiledChunks(chunks, paths, days);
  const unit = new Exact(10).pow(minorDigits);
  const major = (minor: number): number => new Exact(minor).div(unit).toNumber();

  const survivalHistogram = new Array<number>(days).fill(0);
  let survived = 0;
  let survived30 = 0;
  const peaks = new Float64Array(paths);
  for (const chunk of sorted) {
    for (const day of chunk.survivalDay) {
      if (day === 0) survived += 1;
      else survivalHistogram[day - 1] = (survivalHistogram[day - 1] as number) + 1;
      if (day === 0 || day > RESERVE_DAYS) survived30 += 1;
    }
    peaks.set(chunk.peak30, chunk.firstPath);
  }
  peaks.sort();
  const reserve = RESERVE_LEVELS.map((level) => {
    const { low, high } = orderStatisticInterval(paths, level, CONFIDENCE);
    return { level, value: major(peaks[quantileRank(paths, level) - 1] as number), low: major(peaks[low - 1] as number), high: major(peaks[high - 1] as number) };
  });

  const fanPaths = Math.min(paths, FAN_PATHS);
  const column = new Float32Array(fanPaths);
  const fan: MonteCarloSummary['fan'] = [];
  for (let day = 1; day <= days; day++) {
    let p = 0;
    for (const chunk of sorted) {
      for (let offset = day - 1; offset < chunk.fan.length; offset += days) column[p++] = chunk.fan[offset] as number;
    }
    column.sort();
    const at = (level: number): number => major(column[quantileRank(fanPaths, level) - 1] as number);
    fan.push({ day, p1: at(FAN_LEVELS.p1), p5: at(FAN_LEVELS.p5), p25: at(FAN_LEVELS.p25), p50: at(FAN_LEVELS.p50), p75: at(FAN_LEVELS.p75), p95: at(FAN_LEVELS.p95), p99: at(FAN_LEVELS.p99) });
  }
  return { buffer: major(bufferMinor), survivalHistogram, survived, survival30: survived30 / paths, reserve, fan };
}
