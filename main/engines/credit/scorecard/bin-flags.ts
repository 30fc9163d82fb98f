// What a scorecard reviewer checks in a feature's bins before trusting their WOE (the checks SAS and FICO tools
// print beside the bins): a bin under the minimum share, a bin holding one class only (whose WOE is then the
// smoothed one of woe.ts, not an observed one), a bin holding no rows at all, and an event rate that breaks
// the monotonic trend of a feature binned to be monotonic.
import type { BinFlag } from '../../../../preload/contract/credit.ts';
import type { FeatureBinning } from './binning.ts';
import type { BinCounts } from './woe.ts';

export interface BinFlagOptions {
  /** Smallest share of all rows a bin should hold (the binning's own setting, default 0.05). */
  readonly minBinShare: number;
  /** Whether the feature's intervals are meant to have a monotonic event rate (the binning's own setting). */
  readonly monotonic: boolean;
}

/** A bin with no development rows has no WOE (nothing to weigh): a scorecard cannot be fitted with it, acceptance or not. */
export const UNFITTABLE_BIN_FLAG: BinFlag = 'empty';

const rateOf = (bin: BinCounts): number => bin.events / bin.count;

/**
 * The intervals whose event rate does not continue the trend from the first interval to the last (strictly, as
 * the binning's own pool-adjacent-violators merge requires): each is flagged against the interval before it.
 */
function trendBreaks(binning: FeatureBinning, counts: readonly BinCounts[]): Set<number> {
  const intervals = binning.bins.flatMap((bin, i) => (bin.rule.kind === 'interval' && (counts[i]?.count ?? 0) > 0 ? [i] : []));
  const breaks = new Set<number>();
  const first = counts[intervals[0] ?? -1];
  const last = counts[intervals.at(-1) ?? -1];
  if (!first || !last || intervals.length < 3) return breaks;
  const increasing = rateOf(last) >= rateOf(first);
  intervals.forEach((bin, k) => {
    const previous = counts[intervals[k - 1] ?? -1];
    const current = counts[bin];
    if (!previous || !current) return;
    if (increasing ? rateOf(current) <= rateOf(previous) : rateOf(current) >= rateOf(previous)) breaks.add(bin);
  });
  return breaks;
}

/** The flags of each bin of `binning` (in its order), given the bins' development counts. */
export function binFlags(binning: FeatureBinning, counts: readonly BinCounts[], options: BinFlagOptions): BinFlag[][] {
  const total = counts.reduce((sum, bin) => sum + bin.count, 0);
  const breaks = binning.type === 'numeric' && options.monotonic ? trendBreaks(binning, counts) : new Set<number>();
  return binning.bins.map((_, i) => {
    const bin = counts[i] ?? { count: 0, events: 0 };
    if (bin.count === 0) return ['empty'];
    const flags: BinFlag[] = [];
    if (bin.count < options.minBinShare * total) flags.push('small');
    if (bin.events === 0) flags.push('no_events');
    if (bin.events === bin.count) flags.push('no_non_events');
    if (breaks.has(i)) flags.push('not_monotonic');
    return flags;
  });
}
