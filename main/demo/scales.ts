import { RiskDeskError } from '../../preload/contract/errors.ts';
import { DEMO_SCALES, type DemoScale } from '../../preload/contract/vocabulary.ts';

/**
 * Entity counts per scale. Loans come out at about 1.5 per borrower and transactions at about
 * `transactionsPerAccount` per account, so the totals land near the targets (small ≈ 3k loans / 50k
 * transactions, medium ≈ 100k / 1M, large ≈ 1M / 10M) without any phase having to count ahead.
 */
export interface ScaleSizes {
  readonly borrowers: number;
  readonly accounts: number;
  readonly transactionsPerAccount: number;
  readonly investors: number;
  /** Merchants per category grow with the scale so that large runs do not concentrate on a few merchants. */
  readonly merchantsPerCategory: number;
}

export const SCALE_SIZES: Readonly<Record<DemoScale, ScaleSizes>> = {
  small: { borrowers: 2_000, accounts: 2_500, transactionsPerAccount: 20, investors: 4_000, merchantsPerCategory: 60 },
  medium: { borrowers: 66_000, accounts: 50_000, transactionsPerAccount: 20, investors: 40_000, merchantsPerCategory: 800 },
  large: { borrowers: 660_000, accounts: 500_000, transactionsPerAccount: 20, investors: 300_000, merchantsPerCategory: 5_000 },
};

/** Share of accounts that belong to a borrower; the rest are wallet-only users. */
export const LINKED_ACCOUNT_SHARE = 0.8;

export function isDemoScale(value: unknown): value is DemoScale {
  return typeof value === 'string' && (DEMO_SCALES as readonly string[]).includes(value);
}

export function requireDemoScale(value: unknown): DemoScale {
  if (!isDemoScale(value)) throw new RiskDeskError('INVALID_ARGUMENT', `scale must be one of ${DEMO_SCALES.join(', ')}; got ${JSON.stringify(value)}.`);
  return value;
}

export function requireDemoSeed(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new RiskDeskError('INVALID_ARGUMENT', `seed must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}; got ${JSON.stringify(value)}.`);
  }
  return value;
}
