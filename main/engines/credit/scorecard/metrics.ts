// Discrimination, calibration and stability measures per DOMAIN.md (Credit: Metrics, PSI).

/** Rows ordered by predicted PD, ties kept together. */
function orderByPrediction(pd: Float64Array): Uint32Array {
  const order = new Uint32Array(pd.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (pd[a] ?? 0) - (pd[b] ?? 0));
}

/**
 * AUC as the area under the ROC by the trapezoid rule, which with tied predictions is P(event ranked above
 * non-event) + ½ P(tie); and KS = max |cum. share of events − cum. share of non-events| over thresholds,
 * evaluated only between distinct predictions so ties are never split.
 */
export function aucAndKs(pd: Float64Array, events: Uint8Array): { auc: number; ks: number } {
  const order = orderByPrediction(pd);
  let totalEvents = 0;
  for (const e of events) totalEvents += e;
  const totalNonEvents = events.length - totalEvents;
  if (totalEvents === 0 || totalNonEvents === 0) return { auc: Number.NaN, ks: Number.NaN };
  let nonEventsBelow = 0;
  let eventsBelow = 0;
  let concordant = 0;
  let ks = 0;
  for (let start = 0; start < order.length; ) {
    const value = pd[order[start] ?? 0];
    let groupEvents = 0;
    let groupNonEvents = 0;
    let end = start;
    for (; end < order.length && pd[order[end] ?? 0] === value; end++) {
      if (events[order[end] ?? 0]) groupEvents++;
      else groupNonEvents++;
    }
    // Each event in this group outranks the non-events below it and ties with those in the group.
    concordant += groupEvents * (nonEventsBelow + 0.5 * groupNonEvents);
    nonEventsBelow += groupNonEvents;
    eventsBelow += groupEvents;
    ks = Math.max(ks, Math.abs(eventsBelow / totalEvents - nonEventsBelow / totalNonEvents));
    start = end;
  }
  return { auc: concordant / (totalEvents * totalNonEvents), ks };
}

export function brierScore(pd: Float64Array, events: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < pd.length; i++) sum += ((pd[i] ?? 0) - (events[i] ?? 0)) ** 2;
  return pd.length === 0 ? Number.NaN : sum / pd.length;
}

export interface Performance {
  readonly rows: number;
  readonly auc: number;
  readonly gini: number;
  readonly ks: number;
  readonly brier: number;
}

export function performance(pd: Float64Array, events: Uint8Array): Performance {
  const { auc, ks } = aucAndKs(pd, events);
  return { rows: pd.length, auc, gini: 2 * auc - 1, ks, brier: brierScore(pd, events) };
}

export interface ScoreBand {
  readonly label: string;
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
  readonly events: number;
  readonly event_rate: number;
  /** Mean predicted PD of the band's rows (0 when no PDs were given or the band is empty): calibration. */
  readonly mean_pd: number;
}

/** Right-closed bands (lower, upper] of the score; the first starts at -inf and the last ends at +inf. */
export function eventRateByBand(scores: Float64Array, events: Uint8Array, cuts: readonly number[], pd?: Float64Array): ScoreBand[] {
  const uppers = [...cuts, Number.POSITIVE_INFINITY];
  const count = new Float64Array(uppers.length);
  const eventCount = new Float64Array(uppers.length);
  const pdSum = new Float64Array(uppers.length);
  scores.forEach((score, i) => {
    let band = uppers.findIndex((upper) => score <= upper);
    if (band < 0) band = uppers.length - 1;
    count[band] = (count[band] ?? 0) + 1;
    eventCount[band] = (eventCount[band] ?? 0) + (events[i] ?? 0);
    pdSum[band] = (pdSum[band] ?? 0) + (pd?.[i] ?? 0);
  });
  let lower = Number.NEGATIVE_INFINITY;
  return uppers.map((upper, band) => {
    const c = count[band] ?? 0;
    const e = eventCount[band] ?? 0;
    const label = `(${lower === Number.NEGATIVE_INFINITY ? '-inf' : lower}, ${upper === Number.POSITIVE_INFINITY ? '+inf)' : `${upper}]`}`;
    const out = { label, lower, upper, count: c, events: e, event_rate: c === 0 ? 0 : e / c, mean_pd: c === 0 ? 0 : (pdSum[band] ?? 0) / c };
    lower = upper;
    return out;
  });
}

/** Score-band cuts at the deciles of development scores, rounded to whole points and de-duplicated. */
export function decileCuts(scores: Float64Array): number[] {
  const sorted = Float64Array.from(scores).sort();
  const cuts: number[] = [];
  for (let k = 1; k < 10; k++) {
    const value = sorted[Math.ceil((k * sorted.length) / 10) - 1];
    if (value === undefined) continue;
    const cut = Math.round(value);
    if (cuts.length === 0 || cut > (cuts[cuts.length - 1] ?? 0)) cuts.push(cut);
  }
  return cuts;
}

export type StabilityBand = 'stable' | 'investigate' | 'significant';

/** < 0.1 stable, 0.1–0.25 investigate, ≥ 0.25 significant shift (DOMAIN.md). */
export function stabilityBand(psi: number): StabilityBand {
  if (psi < 0.1) return 'stable';
  if (psi < 0.25) return 'investigate';
  return 'significant';
}

export const PSI_ADJUSTMENT = 'A bin empty in either population counts 0.5 rows there, so its share and the PSI stay finite.';

/**
 * PSI = Σ (A − E) · ln(A / E) over bins, from per-bin row counts of the reference population E and the
 * current one A. CSI is the same over one feature's bins.
 */
export function populationStability(expectedCounts: readonly number[], actualCounts: readonly number[]): { value: number; band: StabilityBand } {
  const adjusted = (counts: readonly number[]): number[] => counts.map((c) => (c === 0 ? 0.5 : c));
  const e = adjusted(expectedCounts);
  const a = adjusted(actualCounts);
  const eTotal = e.reduce((s, c) => s + c, 0);
  const aTotal = a.reduce((s, c) => s + c, 0);
  let value = 0;
  for (let i = 0; i < e.length; i++) {
    const es = (e[i] ?? 0) / eTotal;
    const as = (a[i] ?? 0) / aTotal;
    value += (as - es) * Math.log(as / es);
  }
  return { value, band: stabilityBand(value) };
}
