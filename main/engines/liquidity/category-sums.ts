import type { CategoryTotal } from '../../../preload/contract/liquidity.ts';
import { Exact, exactFactor, majorUnits } from './exact.ts';

interface Sum {
  /** The part of the sum still in a Number: always a safe integer. */
  pending: number;
  settled: bigint;
  lines: number;
}

/**
 * Exact per-category sums of integer minor units, fast enough for a million lines: each category adds into a
 * plain Number while the running sum is a safe integer and moves it into a BigInt only when the next amount would
 * take it past 2^53, so the common case is one float addition per line and no sum is ever rounded.
 */
export class CategorySums<C extends string> {
  private readonly sums: ReadonlyMap<string, Sum>;

  readonly categories: readonly C[];

  constructor(categories: readonly C[]) {
    this.categories = categories;
    this.sums = new Map(categories.map((category) => [category, { pending: 0, settled: 0n, lines: 0 }]));
  }

  add(category: C, amountMinor: number): void {
    const sum = this.sums.get(category);
    if (sum === undefined) throw new RangeError(`${JSON.stringify(category)} is not one of the categories being summed`);
    if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`an amount must be a whole number of minor units; got ${amountMinor}`);
    const next = sum.pending + amountMinor;
    // Rounding is monotonic and 2^53 is a double, so an exact sum past the safe range never rounds back into it.
    if (Math.abs(next) > Number.MAX_SAFE_INTEGER) {
      sum.settled += BigInt(sum.pending);
      sum.pending = amountMinor;
    } else {
      sum.pending = next;
    }
    sum.lines += 1;
  }

  lines(category: C): number {
    return this.sums.get(category)?.lines ?? 0;
  }

  total(category: C): bigint {
    const sum = this.sums.get(category);
    return sum === undefined ? 0n : sum.settled + BigInt(sum.pending);
  }
}

/** One category's lines added up and weighted, still exact. */
export interface WeighedCategory<C extends string> {
  readonly category: C;
  readonly lines: number;
  readonly factor: number;
  readonly amount: Exact;
  readonly weighted: Exact;
}

/** Each category that has lines, in the order given, with amount (major units) × factor = weighted. */
export function weighCategories<C extends string>(sums: CategorySums<C>, factorOf: (category: C) => number, minorDigits: number): WeighedCategory<C>[] {
  return sums.categories
    .filter((category) => sums.lines(category) > 0)
    .map((category) => {
      const factor = factorOf(category);
      const amount = majorUnits(sums.total(category), minorDigits);
      return { category, lines: sums.lines(category), factor, amount, weighted: amount.times(exactFactor(factor)) };
    });
}

export function categoryTotal<C extends string>(weighed: WeighedCategory<C>): CategoryTotal {
  return { category: weighed.category, lines: weighed.lines, amount: weighed.amount.toNumber(), factor: weighed.factor, weighted: weighed.weighted.toNumber() };
}

/** Σ weighted over the categories `include` picks. */
export function sumWeighted<C extends string>(weighed: readonly WeighedCategory<C>[], include: (category: C) => boolean): Exact {
  return weighed.filter((w) => include(w.category)).reduce((total, w) => total.plus(w.weighted), new Exact(0));
}
