// Concentration of the outstanding book along one dimension: shares, the Herfindahl–Hirschman index and the
// equivalent number of equal exposures.

export type ConcentrationDimension = 'region' | 'product' | 'industry';

export interface ConcentrationItem {
  readonly key: string;
  readonly loans: number;
  readonly outstandingMinor: number;
}

export interface Concentration {
  readonly dimension: ConcentrationDimension;
  /** Σ share², from 1 / (number of items) (even spread) to 1 (all in one). */
  readonly hhi: number;
  /** 1 / HHI: how many equal exposures would be as concentrated. */
  readonly effectiveNumber: number;
  /** Largest outstanding first (ties by key). */
  readonly items: (ConcentrationItem & { readonly share: number })[];
}

export function concentration(dimension: ConcentrationDimension, items: readonly ConcentrationItem[]): Concentration {
  const total = items.reduce((sum, item) => sum + item.outstandingMinor, 0);
  const shared = items
    .map((item) => ({ key: item.key, loans: item.loans, outstandingMinor: item.outstandingMinor, share: total > 0 ? item.outstandingMinor / total : 0 }))
    .sort((a, b) => b.outstandingMinor - a.outstandingMinor || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const hhi = shared.reduce((sum, item) => sum + item.share * item.share, 0);
  // Nothing outstanding: no concentration to speak of, and 1 / 0 must not reach the screen as Infinity.
  return { dimension, hhi, effectiveNumber: hhi > 0 ? 1 / hhi : 0, items: shared };
}
