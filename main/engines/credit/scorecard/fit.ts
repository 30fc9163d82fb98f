// A whole scorecard development on plain columns: split, bin, WOE/IV, select, fit, scale, validate.
// Everything is fitted on the training rows only; the holdout sees the bins and the model as new data would.
import type { FeatureExclusion } from '../../../../preload/contract/credit.ts';
import type { BinFlag, CoefficientFlag } from '../../../../preload/contract/credit.ts';
import { binFlags } from './bin-flags.ts';
import { applyBinning, binCounts, binFeature, NO_BIN, type BinningOptions, type FeatureBinning, type FeatureColumn } from './binning.ts';
import { coefficientFlags, DEFAULT_P_VALUE_THRESHOLD } from './coefficient-flags.ts';
import { fitLogistic, type LogisticResult } from './logistic.ts';
import { aucAndKs, decileCuts, eventRateByBand, performance, populationStability, type Performance, type ScoreBand, type StabilityBand } from './metrics.ts';
import { binPoints, DEFAULT_SCALING, reasonCodes, scoreOfLogit, type ReasonCode, type Scaling } from './points.ts';
import { selectFeatures, type SelectionOptions } from './selection.ts';
import { holdoutMask } from './split.ts';
import { ivBand, weightOfEvidence, type IvBand } from './woe.ts';

export interface ScorecardOptions extends BinningOptions, SelectionOptions {
  readonly holdout?: { readonly fraction: number; readonly seed: number };
  readonly l2?: number;
  readonly scaling?: Scaling;
  /** Bins to use as they are (e.g. edited by hand), by feature name; other features are binned automatically. */
  readonly binnings?: readonly FeatureBinning[];
  /** Coefficients with a Wald p-value above this are flagged not significant (default 0.05). */
  readonly pValueThreshold?: number;
}

export interface BinReport {
  readonly label: string;
  readonly count: number;
  readonly events: number;
  readonly event_rate: number;
  readonly woe: number;
  /** Null for a feature outside the model (or when no model could be fitted). */
  readonly points: number | null;
  readonly flags: BinFlag[];
}

export interface FeatureReport {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
  readonly iv: number;
  readonly iv_band: IvBand;
  readonly selected: boolean;
  readonly reason: string | null;
  readonly exclusion: FeatureExclusion | null;
  /** The bins were given (edited by hand), not found by the binning. */
  readonly hand_binned: boolean;
  readonly bins: BinReport[];
  /** The bins as rules, to re-apply or to edit by hand. */
  readonly binning: FeatureBinning;
}

export interface ModelReport {
  readonly status: 'converged' | 'separation' | 'singular' | 'not_converged' | 'one_class';
  readonly message: string | null;
  readonly intercept: number | null;
  readonly coefficients: { feature: string; coef: number; se: number; p_value: number; flags: CoefficientFlag[] }[];
  readonly converged: boolean;
  readonly iterations: number;
  readonly p_value_threshold: number;
}

/** AUC of the score with exact points and with each bin's points rounded to a whole number. */
export interface RoundingEffect {
  readonly exact: number;
  readonly rounded: number;
}

/** Everything needed to re-score new data exactly. */
export interface Scorecard {
  readonly binnings: FeatureBinning[];
  /** WOE per bin, per feature (same order as binnings). */
  readonly woe: Float64Array[];
  readonly features: string[];
  readonly intercept: number;
  readonly coefficients: Float64Array;
  readonly scaling: Scaling;
}

export interface ScoredRows {
  readonly score: Float64Array;
  readonly pd: Float64Array;
  /** WOE of each model feature, in model order. */
  readonly woe: Float64Array[];
  /** The bin of each row on each model feature (NO_BIN: WOE 0), in model order. */
  readonly bins: Int32Array[];
}

export interface ScorecardDevelopment {
  readonly rows: number;
  readonly events: number;
  readonly features: FeatureReport[];
  readonly model: ModelReport;
  readonly scaling: Scaling;
  /** 1 for holdout rows. */
  readonly holdout: Uint8Array;
  readonly scorecard: Scorecard | null;
  readonly scored: ScoredRows | null;
  readonly metrics: { train: Performance; holdout: Performance | null } | null;
  readonly bands: { train: ScoreBand[]; holdout: ScoreBand[] | null } | null;
  readonly stability: { score: { value: number; band: StabilityBand }; features: { feature: string; value: number; band: StabilityBand }[] } | null;
  readonly rounding: { train: RoundingEffect; holdout: RoundingEffect | null } | null;
}

function columnRows(column: FeatureColumn, rows: Uint32Array): FeatureColumn {
  if (column.type === 'categorical') return { name: column.name, type: 'categorical', values: Array.from(rows, (i) => column.values[i] ?? null) };
  const values = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) values[k] = column.values[rows[k] ?? 0] ?? Number.NaN;
  return { name: column.name, type: 'numeric', values };
}

function indices(mask: Uint8Array, value: number): Uint32Array {
  const out: number[] = [];
  mask.forEach((m, i) => {
    if (m === value) out.push(i);
  });
  return Uint32Array.from(out);
}

function woeColumn(assigned: Int32Array, woe: Float64Array): Float64Array {
  const out = new Float64Array(assigned.length);
  for (let i = 0; i < assigned.length; i++) {
    const bin = assigned[i] ?? NO_BIN;
    out[i] = bin === NO_BIN ? 0 : (woe[bin] ?? 0);
  }
  return out;
}

/** Scores rows of `columns` (by feature name) with a scorecard. */
export function scoreRows(card: Scorecard, columns: readonly FeatureColumn[]): ScoredRows {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const rows = columns[0]?.values.length ?? 0;
  const bins = card.features.map((name, j) => {
    const binning = card.binnings[j];
    const column = byName.get(name);
    if (!binning || !column) throw new Error(`scoreRows: no column ${name}`);
    return applyBinning(binning, column);
  });
  const woe = bins.map((assigned, j) => woeColumn(assigned, card.woe[j] ?? new Float64Array()));
  const score = new Float64Array(rows);
  const pd = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let eta = card.intercept;
    for (let j = 0; j < woe.length; j++) eta += (card.coefficients[j] ?? 0) * (woe[j]?.[i] ?? 0);
    score[i] = card.scaling.round_points ? summedPoints(card, woe, i) : scoreOfLogit(card.scaling, eta);
    pd[i] = 1 / (1 + Math.exp(-eta));
  }
  return { score, pd, woe, bins };
}

/** A row's score as the sum of its bins' points (whole ones when the scaling rounds them); the intercept alone without features. */
function summedPoints(card: Scorecard, woe: readonly Float64Array[], row: number): number {
  const n = card.features.length;
  if (n === 0) return Math.round(scoreOfLogit(card.scaling, card.intercept));
  let sum = 0;
  for (let j = 0; j < n; j++) sum += binPoints(card.scaling, card.coefficients[j] ?? 0, woe[j]?.[row] ?? 0, card.intercept, n);
  return sum;
}

/** AUC ranking rows by score (a higher score is a lower risk), for rows where `mask` is `want`. */
function scoreAuc(scores: Float64Array, events: Uint8Array, mask: Uint8Array, want: number): number {
  const risk = Float64Array.from(scores, (score) => -score).filter((_, i) => mask[i] === want);
  return aucAndKs(risk, events.filter((_, i) => mask[i] === want)).auc;
}

/** The AUC with exact points and with whole points, on the training rows and the holdout, whichever the card uses. */
function roundingEffect(card: Scorecard, scored: ScoredRows, events: Uint8Array, holdout: Uint8Array, hasHoldout: boolean): { train: RoundingEffect; holdout: RoundingEffect | null } {
  const exact = Float64Array.from(scored.pd, (pd) => -pd);
  const wholePoints: Scorecard = { ...card, scaling: { ...card.scaling, round_points: true } };
  const rounded = Float64Array.from({ length: scored.pd.length }, (_, i) => summedPoints(wholePoints, scored.woe, i));
  const effect = (want: number): RoundingEffect => ({ exact: scoreAuc(exact, events, holdout, want), rounded: scoreAuc(rounded, events, holdout, want) });
  return { train: effect(0), holdout: hasHoldout ? effect(1) : null };
}

/**
 * Reason codes of one scored row: the model features that cost it the most points against each feature's
 * best bin (a value in no development bin scores as WOE 0).
 */
export function rowReasonCodes(card: Scorecard, scored: ScoredRows, row: number, limit = 3): ReasonCode[] {
  const n = card.features.length;
  const pointsOf = (j: number, woe: number): number => binPoints(card.scaling, card.coefficients[j] ?? 0, woe, card.intercept, n);
  const rowPoints = card.features.map((_, j) => pointsOf(j, scored.woe[j]?.[row] ?? 0));
  const bestPoints = card.features.map((_, j) => Math.max(...Array.from(card.woe[j] ?? [], (woe) => pointsOf(j, woe))));
  return reasonCodes(card.features, rowPoints, bestPoints, limit);
}

export function developScorecard(columns: readonly FeatureColumn[], events: Uint8Array, options: ScorecardOptions = {}): ScorecardDevelopment {
  const rows = events.length;
  const scaling = options.scaling ?? DEFAULT_SCALING;
  const pValueThreshold = options.pValueThreshold ?? DEFAULT_P_VALUE_THRESHOLD;
  const flagOptions = { minBinShare: options.minBinShare ?? 0.05, monotonic: options.monotonic ?? true };
  const holdout = options.holdout ? holdoutMask(rows, options.holdout.fraction, options.holdout.seed) : new Uint8Array(rows);
  const trainRows = indices(holdout, 0);
  const holdoutRows = indices(holdout, 1);
  const trainEvents = Uint8Array.from(trainRows, (i) => events[i] ?? 0);
  const holdoutEvents = Uint8Array.from(holdoutRows, (i) => events[i] ?? 0);
  const totalEvents = trainEvents.reduce((s, e) => s + e, 0);
  const totalNonEvents = trainRows.length - totalEvents;

  const trainColumns = columns.map((c) => columnRows(c, trainRows));
  const binned = trainColumns.map((column) => {
    const given = options.binnings?.find((b) => b.name === column.name);
    const binning = given ?? binFeature(column, trainEvents, options);
    const assigned = applyBinning(binning, column);
    const counts = binCounts(binning, assigned, trainEvents);
    const { woe, iv } = weightOfEvidence(counts, totalEvents, totalNonEvents);
    return { column, binning, assigned, counts, woe, iv, woeValues: woeColumn(assigned, woe), handBinned: given !== undefined, flags: binFlags(binning, counts, flagOptions) };
  });
  const { decisions, order } = selectFeatures(
    binned.map((b) => ({ name: b.binning.name, iv: b.iv, woe: b.woeValues })),
    options,
  );
  const modelFeatures = order.map((name) => binned.find((b) => b.binning.name === name)).filter((b) => b !== undefined);
  const fit: LogisticResult =
    totalEvents === 0 || totalNonEvents === 0
      ? { status: 'one_class', iterations: 0, message: `The training rows hold ${totalEvents === 0 ? 'no events' : 'only events'}: there is nothing to fit (hold out fewer rows).` }
      : fitLogistic(
          modelFeatures.map((b) => b.woeValues),
          trainEvents,
          { l2: options.l2 ?? 0 },
        );

  const model: ModelReport =
    fit.status === 'converged'
      ? {
          status: 'converged',
          message: null,
          intercept: fit.intercept,
          coefficients: modelFeatures.map((b, j) => ({
            feature: b.binning.name,
            coef: fit.coefficients[j] ?? 0,
            se: fit.standardErrors[j + 1] ?? 0,
            p_value: fit.pValues[j + 1] ?? 0,
            flags: coefficientFlags(fit.coefficients[j] ?? 0, fit.pValues[j + 1] ?? 0, pValueThreshold),
          })),
          converged: true,
          iterations: fit.iterations,
          p_value_threshold: pValueThreshold,
        }
      : { status: fit.status, message: fit.message, intercept: null, coefficients: [], converged: false, iterations: fit.iterations, p_value_threshold: pValueThreshold };

  const features: FeatureReport[] = binned.map((b, f) => {
    const j = order.indexOf(b.binning.name);
    return {
      name: b.binning.name,
      type: b.binning.type,
      iv: b.iv,
      iv_band: ivBand(b.iv),
      selected: decisions[f]?.selected ?? false,
      reason: decisions[f]?.reason ?? null,
      exclusion: decisions[f]?.exclusion ?? null,
      hand_binned: b.handBinned,
      binning: b.binning,
      bins: b.binning.bins.map((bin, k) => {
        const counts = b.counts[k] ?? { count: 0, events: 0 };
        const woe = b.woe[k] ?? 0;
        const points = fit.status === 'converged' && j >= 0 ? binPoints(scaling, fit.coefficients[j] ?? 0, woe, fit.intercept, order.length) : null;
        return { label: bin.label, count: counts.count, events: counts.events, event_rate: counts.count === 0 ? 0 : counts.events / counts.count, woe, points, flags: b.flags[k] ?? [] };
      }),
    };
  });

  const base = { rows, events: events.reduce((s, e) => s + e, 0), features, model, scaling, holdout };
  if (fit.status !== 'converged') return { ...base, scorecard: null, scored: null, metrics: null, bands: null, stability: null, rounding: null };

  const scorecard: Scorecard = {
    binnings: modelFeatures.map((b) => b.binning),
    woe: modelFeatures.map((b) => b.woe),
    features: order,
    intercept: fit.intercept,
    coefficients: fit.coefficients,
    scaling,
  };
  const scored = scoreRows(scorecard, columns);
  const pick = (values: Float64Array, which: Uint32Array): Float64Array => Float64Array.from(which, (i) => values[i] ?? 0);
  const trainScores = pick(scored.score, trainRows);
  const cuts = decileCuts(trainScores);
  const train = performance(pick(scored.pd, trainRows), trainEvents);
  const hasHoldout = holdoutRows.length > 0;
  const holdoutScores = pick(scored.score, holdoutRows);
  const stability = hasHoldout
    ? {
        score: populationStability(
          eventRateByBand(trainScores, trainEvents, cuts).map((b) => b.count),
          eventRateByBand(holdoutScores, holdoutEvents, cuts).map((b) => b.count),
        ),
        features: binned.map((b) => {
          const current = binCounts(b.binning, applyBinning(b.binning, columnRows(columns.find((c) => c.name === b.binning.name) ?? b.column, holdoutRows)), holdoutEvents);
          return { feature: b.binning.name, ...populationStability(b.counts.map((c) => c.count), current.map((c) => c.count)) };
        }),
      }
    : null;
  return {
    ...base,
    scorecard,
    scored,
    metrics: { train, holdout: hasHoldout ? performance(pick(scored.pd, holdoutRows), holdoutEvents) : null },
    bands: {
      train: eventRateByBand(trainScores, trainEvents, cuts, pick(scored.pd, trainRows)),
      holdout: hasHoldout ? eventRateByBand(holdoutScores, holdoutEvents, cuts, pick(scored.pd, holdoutRows)) : null,
    },
    stability,
    rounding: roundingEffect(scorecard, scored, events, holdout, hasHoldout),
  };
}
