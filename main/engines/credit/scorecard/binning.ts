// Coarse classing of one feature into bins that are stored and re-applied to new data exactly.
// Numeric: quantile fine classes, then adjacent merges for the minimum bin share and for bins holding a
// single class, then (by default) pool-adjacent-violators merges to a monotonic event rate in whichever
// direction gives the higher IV. Intervals are right-closed: (lower, upper]. Categorical: one bin per
// level, levels below the minimum share grouped as "(other)". Missing values and configured special
// values get bins of their own.
import { weightOfEvidence, type BinCounts } from './woe.ts';

export type FeatureColumn =
  | { readonly name: string; readonly type: 'numeric'; readonly values: Float64Array }
  | { readonly name: string; readonly type: 'categorical'; readonly values: readonly (string | null)[] };

export type BinRule =
  | { readonly kind: 'interval'; readonly lower: number; readonly upper: number }
  | { readonly kind: 'missing' }
  | { readonly kind: 'special'; readonly value: number }
  | { readonly kind: 'levels'; readonly levels: readonly string[] }
  /** Levels too rare for a bin of their own, and on new data every level not seen in development. */
  | { readonly kind: 'other'; readonly levels: readonly string[] };

export interface Bin {
  readonly label: string;
  readonly rule: BinRule;
}

export interface FeatureBinning {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
  readonly bins: readonly Bin[];
  /** Numeric values that always take their own bin (absent from development: no bin, see NO_BIN). */
  readonly specialValues: readonly number[];
}

export interface BinningOptions {
  /** Smallest share of all rows a bin may hold (default 0.05). */
  readonly minBinShare?: number;
  /** Number of quantile fine classes before merging (default 20). */
  readonly fineClasses?: number;
  /** Keep the event rate monotonic over the intervals (default true); false keeps the finer, higher-IV bins. */
  readonly monotonic?: boolean;
  readonly specialValues?: readonly number[];
}

/** A value that falls in no development bin (a missing value when development had none, …): WOE 0. */
export const NO_BIN = -1;

function formatBound(value: number): string {
  if (value === Number.NEGATIVE_INFINITY) return '-inf';
  if (value === Number.POSITIVE_INFINITY) return '+inf';
  return String(value);
}

export function intervalLabel(lower: number, upper: number): string {
  return `(${formatBound(lower)}, ${formatBound(upper)}${upper === Number.POSITIVE_INFINITY ? ')' : ']'}`;
}

interface Interval {
  upper: number;
  count: number;
  events: number;
}

/** Right-closed fine classes at quantiles of the sorted values: cut c sends values ≤ c to the left. */
function fineCuts(sorted: Float64Array, classes: number): number[] {
  const n = sorted.length;
  const cuts: number[] = [];
  for (let k = 1; k < classes; k++) {
    const cut = sorted[Math.ceil((k * n) / classes) - 1];
    if (cut === undefined || cut === sorted[n - 1]) continue;
    if (cuts.length === 0 || cut > (cuts[cuts.length - 1] ?? Number.NEGATIVE_INFINITY)) cuts.push(cut);
  }
  return cuts;
}

/** Index of the first upper bound ≥ value (uppers ascending, the last +inf). */
function intervalIndex(uppers: readonly number[], value: number): number {
  let lo = 0;
  let hi = uppers.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value <= (uppers[mid] ?? Number.POSITIVE_INFINITY)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const rate = (bin: BinCounts): number => (bin.count === 0 ? 0 : bin.events / bin.count);

function mergeInto(intervals: Interval[], left: number): void {
  const a = intervals[left];
  const b = intervals[left + 1];
  if (!a || !b) return;
  intervals.splice(left, 2, { upper: b.upper, count: a.count + b.count, events: a.events + b.events });
}

/** Merges the smallest offending interval (too small, or a single class) into its closer-rate neighbour until none is left. */
function mergeSmallAndPure(intervals: Interval[], minCount: number): void {
  for (;;) {
    let worst = -1;
    for (let i = 0; i < intervals.length; i++) {
      const bin = intervals[i];
      if (!bin || intervals.length < 2) break;
      const offends = bin.count < minCount || bin.events === 0 || bin.events === bin.count;
      if (offends && (worst === -1 || bin.count < (intervals[worst]?.count ?? 0))) worst = i;
    }
    if (worst === -1) return;
    const bin = intervals[worst] as Interval;
    const left = intervals[worst - 1];
    const right = intervals[worst + 1];
    if (!left) mergeInto(intervals, worst);
    else if (!right) mergeInto(intervals, worst - 1);
    else mergeInto(intervals, Math.abs(rate(left) - rate(bin)) <= Math.abs(rate(right) - rate(bin)) ? worst - 1 : worst);
  }
}

/** Pool adjacent violators: the coarsest-necessary merges to a strictly monotonic event rate. */
function poolAdjacentViolators(intervals: readonly Interval[], increasing: boolean): Interval[] {
  const out: Interval[] = [];
  for (const bin of intervals) {
    out.push({ ...bin });
    for (;;) {
      const last = out[out.length - 1];
      const previous = out[out.length - 2];
      if (!last || !previous) break;
      const violates = increasing ? rate(previous) >= rate(last) : rate(previous) <= rate(last);
      if (!violates) break;
      out.splice(out.length - 2, 2, { upper: last.upper, count: previous.count + last.count, events: previous.events + last.events });
    }
  }
  return out;
}

function binNumeric(name: string, values: Float64Array, events: Uint8Array, options: BinningOptions): FeatureBinning {
  const n = values.length;
  const minCount = (options.minBinShare ?? 0.05) * n;
  const specials = [...new Set(options.specialValues ?? [])].sort((a, b) => a - b);
  const specialSet = new Set(specials);
  let totalEvents = 0;
  let missing = 0;
  const specialCounts = new Map<number, BinCounts>();
  const regular = new Uint32Array(n);
  let regularCount = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i] ?? Number.NaN;
    const event = events[i] ?? 0;
    totalEvents += event;
    if (Number.isNaN(value)) {
      missing++;
    } else if (specialSet.has(value)) {
      const counts = specialCounts.get(value) ?? { count: 0, events: 0 };
      specialCounts.set(value, { count: counts.count + 1, events: counts.events + event });
    } else regular[regularCount++] = i;
  }
  const sorted = new Float64Array(regularCount);
  for (let k = 0; k < regularCount; k++) sorted[k] = values[regular[k] ?? 0] ?? 0;
  sorted.sort();
  const uppers = [...fineCuts(sorted, options.fineClasses ?? 20), Number.POSITIVE_INFINITY];
  let intervals: Interval[] = uppers.map((upper) => ({ upper, count: 0, events: 0 }));
  for (let k = 0; k < regularCount; k++) {
    const i = regular[k] ?? 0;
    const bin = intervals[intervalIndex(uppers, values[i] ?? 0)];
    if (bin) {
      bin.count++;
      bin.events += events[i] ?? 0;
    }
  }
  intervals = intervals.filter((bin) => bin.count > 0);
  mergeSmallAndPure(intervals, minCount);
  if (options.monotonic ?? true) {
    const ivOf = (bins: readonly Interval[]): number => weightOfEvidence(bins, totalEvents, n - totalEvents).iv;
    const up = poolAdjacentViolators(intervals, true);
    const down = poolAdjacentViolators(intervals, false);
    intervals = ivOf(up) >= ivOf(down) ? up : down;
  }
  const bins: Bin[] = [];
  let lower = Number.NEGATIVE_INFINITY;
  intervals.forEach((bin, i) => {
    const upper = i === intervals.length - 1 ? Number.POSITIVE_INFINITY : bin.upper;
    bins.push({ label: intervalLabel(lower, upper), rule: { kind: 'interval', lower, upper } });
    lower = upper;
  });
  for (const value of specials) if (specialCounts.has(value)) bins.push({ label: `special ${value}`, rule: { kind: 'special', value } });
  if (missing > 0) bins.push({ label: 'missing', rule: { kind: 'missing' } });
  return { name, type: 'numeric', bins, specialValues: specials };
}

interface LevelGroup {
  levels: string[];
  /** The group of rare levels, which also takes levels never seen in development. */
  other: boolean;
  count: number;
  events: number;
}

/**
 * The group of rare levels holding one class only would need an adjusted WOE that the regression can push
 * towards infinity (quasi-separation on a handful of rows), so it joins the group whose event rate is closest.
 * A common level holding one class is left alone: it is evidence (or a leak) that the analyst must see, and the
 * fit reports the separation it causes.
 */
function mergePureRareGroup(groups: LevelGroup[]): LevelGroup[] {
  const rareIndex = groups.findIndex((g) => g.other);
  const rare = groups[rareIndex];
  if (!rare || groups.length < 2 || (rare.events > 0 && rare.events < rare.count)) return groups;
  const rareRate = rare.events / rare.count;
  let partner = -1;
  groups.forEach((candidate, i) => {
    const distance = Math.abs(candidate.events / candidate.count - rareRate);
    if (i !== rareIndex && (partner < 0 || distance < Math.abs((groups[partner]?.events ?? 0) / (groups[partner]?.count ?? 1) - rareRate))) partner = i;
  });
  const into = groups[partner] as LevelGroup;
  const merged: LevelGroup = { levels: [...into.levels, ...rare.levels].sort(), other: true, count: into.count + rare.count, events: into.events + rare.events };
  return groups.flatMap((group, i) => (i === partner ? [merged] : i === rareIndex ? [] : [group]));
}

function binCategorical(name: string, values: readonly (string | null)[], events: Uint8Array, options: BinningOptions): FeatureBinning {
  const minCount = (options.minBinShare ?? 0.05) * values.length;
  const counts = new Map<string, { count: number; events: number }>();
  let missing = 0;
  values.forEach((value, i) => {
    if (value === null) {
      missing++;
      return;
    }
    const c = counts.get(value) ?? { count: 0, events: 0 };
    counts.set(value, { count: c.count + 1, events: c.events + (events[i] ?? 0) });
  });
  const levels = [...counts.keys()].sort();
  const groups: LevelGroup[] = levels.filter((level) => (counts.get(level)?.count ?? 0) >= minCount).map((level) => ({ levels: [level], other: false, ...(counts.get(level) ?? { count: 0, events: 0 }) }));
  const rare = levels.filter((level) => (counts.get(level)?.count ?? 0) < minCount);
  if (rare.length > 0) {
    groups.push({
      levels: rare,
      other: true,
      count: rare.reduce((sum, level) => sum + (counts.get(level)?.count ?? 0), 0),
      events: rare.reduce((sum, level) => sum + (counts.get(level)?.events ?? 0), 0),
    });
  }
  const bins: Bin[] = mergePureRareGroup(groups).map((group) =>
    group.other
      ? { label: `(other: ${group.levels.join(', ')})`, rule: { kind: 'other', levels: group.levels } }
      : { label: group.levels.join(', '), rule: { kind: 'levels', levels: group.levels } },
  );
  if (missing > 0) bins.push({ label: 'missing', rule: { kind: 'missing' } });
  return { name, type: 'categorical', bins, specialValues: [] };
}

/** Bins one feature on development data; `events` is 1 for an event row, 0 otherwise. */
export function binFeature(column: FeatureColumn, events: Uint8Array, options: BinningOptions = {}): FeatureBinning {
  return column.type === 'numeric' ? binNumeric(column.name, column.values, events, options) : binCategorical(column.name, column.values, events, options);
}

/** The bin index of every value of `column` under `binning` (NO_BIN where none applies). */
export function applyBinning(binning: FeatureBinning, column: FeatureColumn): Int32Array {
  const out = new Int32Array(column.values.length).fill(NO_BIN);
  const missingBin = binning.bins.findIndex((bin) => bin.rule.kind === 'missing');
  if (column.type === 'numeric') {
    const specialBin = new Map<number, number>();
    binning.bins.forEach((bin, i) => {
      if (bin.rule.kind === 'special') specialBin.set(bin.rule.value, i);
    });
    const specials = new Set(binning.specialValues);
    const intervalBins = binning.bins.flatMap((bin, i) => (bin.rule.kind === 'interval' ? [i] : []));
    const uppers = intervalBins.map((i) => {
      const rule = binning.bins[i]?.rule;
      return rule?.kind === 'interval' ? rule.upper : Number.POSITIVE_INFINITY;
    });
    column.values.forEach((value, row) => {
      if (Number.isNaN(value)) out[row] = missingBin;
      else if (specials.has(value)) out[row] = specialBin.get(value) ?? NO_BIN;
      else if (uppers.length > 0) out[row] = intervalBins[intervalIndex(uppers, value)] ?? NO_BIN;
    });
    return out;
  }
  const levelBin = new Map<string, number>();
  let otherBin = NO_BIN;
  binning.bins.forEach((bin, i) => {
    if (bin.rule.kind === 'levels' || bin.rule.kind === 'other') for (const level of bin.rule.levels) levelBin.set(level, i);
    if (bin.rule.kind === 'other') otherBin = i;
  });
  column.values.forEach((value, row) => {
    out[row] = value === null ? missingBin : (levelBin.get(value) ?? otherBin);
  });
  return out;
}

/** Count and events per bin for rows assigned by applyBinning. */
export function binCounts(binning: FeatureBinning, assigned: Int32Array, events: Uint8Array): BinCounts[] {
  const count = new Float64Array(binning.bins.length);
  const eventCount = new Float64Array(binning.bins.length);
  assigned.forEach((bin, row) => {
    if (bin === NO_BIN) return;
    count[bin] = (count[bin] ?? 0) + 1;
    eventCount[bin] = (eventCount[bin] ?? 0) + (events[row] ?? 0);
  });
  return binning.bins.map((_, i) => ({ count: count[i] ?? 0, events: eventCount[i] ?? 0 }));
}
