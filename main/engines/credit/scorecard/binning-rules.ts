// Bins that arrive from outside (an analyst's edits, sent by the renderer) are checked before they are applied:
// applyBinning finds an interval by binary search over ascending, contiguous bounds and a level by a map, so
// gaps, overlaps, misplaced rules or a level in two bins would put values in the wrong bin without an error.
import type { FeatureBinning } from './binning.ts';

function numericProblems(binning: FeatureBinning): string[] {
  const problems: string[] = [];
  const intervals = binning.bins.flatMap((bin) => (bin.rule.kind === 'interval' ? [bin.rule] : []));
  if (binning.bins.some((bin) => bin.rule.kind === 'levels' || bin.rule.kind === 'other')) problems.push('a numeric feature takes interval, missing and special bins only');
  if (intervals.length === 0) return [...problems, 'there is no interval bin'];
  if (intervals[0]?.lower !== Number.NEGATIVE_INFINITY) problems.push('the first interval must start at -inf');
  if (intervals.at(-1)?.upper !== Number.POSITIVE_INFINITY) problems.push('the last interval must end at +inf');
  intervals.forEach((interval, i) => {
    if (!(interval.lower < interval.upper)) problems.push(`interval ${i + 1} is empty or reversed`);
    const previous = intervals[i - 1];
    if (previous && previous.upper !== interval.lower) problems.push(`interval ${i + 1} does not start where interval ${i} ends`);
  });
  const specials = binning.bins.flatMap((bin) => (bin.rule.kind === 'special' ? [bin.rule.value] : []));
  if (new Set(specials).size < specials.length) problems.push('a special value has two bins');
  return problems;
}

function categoricalProblems(binning: FeatureBinning): string[] {
  const problems: string[] = [];
  if (binning.bins.some((bin) => bin.rule.kind === 'interval' || bin.rule.kind === 'special')) problems.push('a categorical feature takes level, other and missing bins only');
  if (binning.bins.filter((bin) => bin.rule.kind === 'other').length > 1) problems.push('there is more than one (other) bin');
  const seen = new Set<string>();
  for (const bin of binning.bins) {
    if (bin.rule.kind !== 'levels' && bin.rule.kind !== 'other') continue;
    for (const level of bin.rule.levels) {
      if (seen.has(level)) problems.push(`the level "${level}" is in two bins`);
      seen.add(level);
    }
  }
  return problems;
}

/** What is wrong with a binning, in words; empty when it can be applied as it is. */
export function binningProblems(binning: FeatureBinning): string[] {
  const problems = binning.type === 'numeric' ? numericProblems(binning) : categoricalProblems(binning);
  if (binning.bins.filter((bin) => bin.rule.kind === 'missing').length > 1) problems.push('there is more than one missing bin');
  return problems;
}
