// Is the model still looking at the population it was built on? PSI of the score and CSI of each model feature
// per period (origination quarter), or of one whole population (a credit run's), each against the model's development
// (training) counts, fed batch by batch so that a million loans never sit in memory at once.
import type { DevelopmentReport, ModelMonitoring } from '../../../../preload/contract/credit.ts';
import { NO_BIN } from '../scorecard/binning.ts';
import type { Scorecard, ScoredRows } from '../scorecard/fit.ts';
import { populationStability } from '../scorecard/metrics.ts';
import { fromStoredScorecard } from '../scorecard/stored.ts';

export interface MonitoringReference {
  /** Upper bounds of the score bands but the last (+inf), as in the development report. */
  readonly scoreCuts: readonly number[];
  readonly scoreCounts: readonly number[];
  /** Training rows per bin of each model feature, in model order. */
  readonly featureCounts: readonly (readonly number[])[];
}

/** The development report's training bands and bin counts, for the model's features in model order. */
export function monitoringReference(report: DevelopmentReport, card: Scorecard): MonitoringReference {
  const bands = report.bands?.train ?? [];
  return {
    scoreCuts: bands.flatMap((b) => (b.upper === null ? [] : [b.upper])),
    scoreCounts: bands.map((b) => b.rows),
    featureCounts: card.features.map((name) => report.features.find((f) => f.name === name)?.bins.map((b) => b.count) ?? []),
  };
}

/** What a model is monitored with: its scorecard, and the development sample's counts its PSI and CSI compare with. */
export interface MonitoringBasis {
  readonly card: Scorecard;
  readonly reference: MonitoringReference;
}

/** The basis of a saved model's monitoring, from its development report; null when the report has no fitted scorecard. */
export function monitoringBasis(report: DevelopmentReport): MonitoringBasis | null {
  if (!report.scorecard) return null;
  const card = fromStoredScorecard(report.scorecard);
  return { card, reference: monitoringReference(report, card) };
}

function bandOf(cuts: readonly number[], score: number): number {
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (score <= (cuts[mid] ?? Number.POSITIVE_INFINITY)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** One population's stability against the reference: PSI of the score, CSI of each model feature (in model order). */
export type PopulationStabilityResult = Omit<ModelMonitoring['periods'][number], 'period'>;

/**
 * The score bands and feature bins of one population, counted row by row against the reference: a period of
 * StabilityByPeriod, or every loan a credit run scores.
 */
export class PopulationStability {
  private readonly reference: MonitoringReference;
  private loans = 0;
  private readonly score: Float64Array;
  private readonly features: Float64Array[];

  constructor(reference: MonitoringReference) {
    this.reference = reference;
    this.score = new Float64Array(reference.scoreCounts.length);
    this.features = reference.featureCounts.map((c) => new Float64Array(c.length));
  }

  /** Every row of a batch of scored rows. */
  add(scored: ScoredRows): void {
    for (let i = 0; i < scored.score.length; i++) this.addRow(scored, i);
  }

  /** Row `i` of a batch of scored rows. */
  addRow(scored: ScoredRows, i: number): void {
    this.loans++;
    const band = bandOf(this.reference.scoreCuts, scored.score[i] ?? 0);
    this.score[band] = (this.score[band] ?? 0) + 1;
    scored.bins.forEach((bins, j) => {
      const bin = bins[i] ?? NO_BIN;
      const featureCounts = this.features[j];
      // A value in no development bin scores as WOE 0 and has no reference share: it is left out of the CSI.
      if (bin !== NO_BIN && featureCounts) featureCounts[bin] = (featureCounts[bin] ?? 0) + 1;
    });
  }

  /** `features`: the model's feature names, in model order (the reference's). */
  result(features: readonly string[]): PopulationStabilityResult {
    const psi = populationStability(this.reference.scoreCounts, Array.from(this.score));
    return {
      loans: this.loans,
      psi: psi.value,
      psiBand: psi.band,
      csi: features.map((feature, j) => {
        const csi = populationStability(this.reference.featureCounts[j] ?? [], Array.from(this.features[j] ?? []));
        return { feature, value: csi.value, band: csi.band };
      }),
    };
  }
}

export class StabilityByPeriod {
  private readonly reference: MonitoringReference;
  private readonly periods = new Map<string, PopulationStability>();

  constructor(reference: MonitoringReference) {
    this.reference = reference;
  }

  /** One batch of scored rows and the period each row belongs to. */
  add(periods: readonly string[], scored: ScoredRows): void {
    periods.forEach((period, i) => {
      let population = this.periods.get(period);
      if (!population) {
        population = new PopulationStability(this.reference);
        this.periods.set(period, population);
      }
      population.addRow(scored, i);
    });
  }

  result(features: readonly string[]): ModelMonitoring['periods'] {
    return [...this.periods.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([period, population]) => ({ period, ...population.result(features) }));
  }
}
