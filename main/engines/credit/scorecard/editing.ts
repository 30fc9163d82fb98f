// The analyst's hand edits of a feature's bins (split, merge, move a boundary), each returning a new
// binning or the reason it cannot be done, and the WOE/IV of any binning on development data at once.
import { applyBinning, binCounts, intervalLabel, type Bin, type BinRule, type FeatureBinning, type FeatureColumn } from './binning.ts';
import { weightOfEvidence, type BinCounts } from './woe.ts';

export type BinEdit = { readonly ok: true; readonly binning: FeatureBinning } | { readonly ok: false; readonly message: string };

function intervalAt(binning: FeatureBinning, index: number): { lower: number; upper: number } | null {
  const rule = binning.bins[index]?.rule;
  return rule?.kind === 'interval' ? { lower: rule.lower, upper: rule.upper } : null;
}

function interval(lower: number, upper: number): Bin {
  return { label: intervalLabel(lower, upper), rule: { kind: 'interval', lower, upper } };
}

function replace(binning: FeatureBinning, index: number, count: number, bins: Bin[]): FeatureBinning {
  const next = [...binning.bins];
  next.splice(index, count, ...bins);
  return { ...binning, bins: next };
}

/** Splits interval `index` at `at` into (lower, at] and (at, upper]. */
export function splitInterval(binning: FeatureBinning, index: number, at: number): BinEdit {
  const bin = intervalAt(binning, index);
  if (!bin) return { ok: false, message: `Bin ${index} of ${binning.name} is not an interval; only intervals can be split.` };
  if (!(at > bin.lower && at < bin.upper)) return { ok: false, message: `${at} is not inside ${intervalLabel(bin.lower, bin.upper)}.` };
  return { ok: true, binning: replace(binning, index, 1, [interval(bin.lower, at), interval(at, bin.upper)]) };
}

/** Merges bin `index` with bin `index + 1`: adjacent intervals into one interval, category bins into one group. */
export function mergeWithNext(binning: FeatureBinning, index: number): BinEdit {
  const first = binning.bins[index];
  const second = binning.bins[index + 1];
  if (!first || !second) return { ok: false, message: `${binning.name} has no bins ${index} and ${index + 1} to merge.` };
  const a = first.rule;
  const b = second.rule;
  if (a.kind === 'interval' && b.kind === 'interval') return { ok: true, binning: replace(binning, index, 2, [interval(a.lower, b.upper)]) };
  const isLevels = (rule: BinRule): rule is Extract<BinRule, { levels: readonly string[] }> => rule.kind === 'levels' || rule.kind === 'other';
  if (isLevels(a) && isLevels(b)) {
    const levels = [...a.levels, ...b.levels];
    const other = a.kind === 'other' || b.kind === 'other';
    const label = other ? `(other: ${levels.join(', ')})` : levels.join(', ');
    const rule: BinRule = other ? { kind: 'other', levels } : { kind: 'levels', levels };
    return { ok: true, binning: replace(binning, index, 2, [{ label, rule }]) };
  }
  return { ok: false, message: `${first.label} and ${second.label} cannot be merged: missing and special values keep bins of their own, and only adjacent intervals merge.` };
}

/** Moves the boundary between interval `index` and interval `index + 1` to `to`. */
export function moveBoundary(binning: FeatureBinning, index: number, to: number): BinEdit {
  const left = intervalAt(binning, index);
  const right = intervalAt(binning, index + 1);
  if (!left || !right) return { ok: false, message: `Bins ${index} and ${index + 1} of ${binning.name} are not two adjacent intervals.` };
  if (!(to > left.lower && to < right.upper)) return { ok: false, message: `The boundary must stay inside ${intervalLabel(left.lower, right.upper)}.` };
  return { ok: true, binning: replace(binning, index, 2, [interval(left.lower, to), interval(to, right.upper)]) };
}

/** Counts, WOE per bin and IV of `binning` on development rows. */
export function evaluateBinning(binning: FeatureBinning, column: FeatureColumn, events: Uint8Array): { counts: BinCounts[]; woe: Float64Array; iv: number } {
  let totalEvents = 0;
  for (const e of events) totalEvents += e;
  const counts = binCounts(binning, applyBinning(binning, column), events);
  return { counts, ...weightOfEvidence(counts, totalEvents, events.length - totalEvents) };
}
