import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { streamGenerator } from '../engines/random-streams.ts';

/**
 * Independent random streams, one per (seed, stream, entity index). Every entity draws from its own stream,
 * so its data depends only on the seed and its index: not on batch sizes, on the order of phases, or on
 * how many draws another entity made. That is what makes a run reproducible byte for byte, and lets the
 * wallet phase recompute a borrower's profile instead of keeping every borrower in memory.
 */
export const STREAMS = {
  borrower: 1,
  loans: 2,
  account: 3,
  ring: 4,
  sharedIp: 5,
  investor: 6,
  liquidity: 7,
  dailyFlows: 8,
} as const;
export type Stream = (typeof STREAMS)[keyof typeof STREAMS];

/** The demo's draws for one entity: a DemoRandom over the stream (seed, stream, index) of engines/random-streams.ts. */
export function demoRandom(seed: number, stream: Stream, index: number): DemoRandom {
  return new DemoRandom(streamGenerator(seed, stream, index));
}

/** A weighted choice with its cumulative weights computed once (tables are shared by millions of draws). */
export interface WeightedTable<T> {
  readonly values: readonly T[];
  readonly cumulative: readonly number[];
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  for (const [value, weight] of entries) {
    total += weight;
    values.push(value);
    cumulative.push(total);
  }
  return { values, cumulative: cumulative.map((c) => c / total) };
}

export class DemoRandom {
  private readonly rng: RandomGenerator;

  constructor(rng: RandomGenerator) {
    this.rng = rng;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.rng);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return uniformInt(this.rng, min, max);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('internal: pick from an empty list');
    return item;
  }

  weighted<T>(table: WeightedTable<T>): T {
    const u = this.float();
    const { cumulative, values } = table;
    let i = 0;
    while (i < cumulative.length - 1 && (cumulative[i] ?? 1) <= u) i += 1;
    return values[i] as T;
  }

  /** Box–Muller; one value per call keeps the stream's consumption independent of call history. */
  normal(mean = 0, sd = 1): number {
    const u1 = 1 - this.float();
    const u2 = this.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Knuth's method for small means, a rounded normal above 30 (only counts of events use this). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.float();
    while (p > limit) {
      k += 1;
      p *= this.float();
    }
    return k;
  }

  hex(length: number): string {
    let text = '';
    while (text.length < length) text += ((this.rng.next() >>> 0) + 0x1_0000_0000).toString(16).slice(1);
    return text.slice(0, length);
  }
}
