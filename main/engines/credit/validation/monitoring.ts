// Is the model still looking at the population it was built on? PSI of the score and CSI of each model feature
// per period (origination quarter), each against the model's development (training) counts, fed batch by batch
// so that a million loans never sit in memory at once.
import type { DevelopmentReport, ModelMonitoring } from '../../../../preload/contract/credit.ts';
import { NO_BIN } from '../scorecard/binning.ts';
import type { Scorecard, ScoredRows } from '../scorecard/fit.ts';
import { populationStability } from '../scorecard/metrics.ts';

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

interface PeriodCounts {
  loans: number;
  score: Float64Array;
  features: Float64Array[];
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

export class StabilityByPeriod {
  private readonly reference: MonitoringReference;
  private readonly periods = new Map<string, PeriodCounts>();

  constructor(reference: MonitoringReference) {
    this.reference = reference;
  }

  /** One batch of scored rows and the period each row belongs to. */
  add(periods: readonly string[], scored: ScoredRows): void {
    periods.forEach((period, i) => {
      let counts = this.periods.get(period);
      if (!counts) {
        counts = {
          loans: 0,
          score: new Float64Array(this.reference.scoreCounts.length),
          features: this.reference.featureCounts.map((c) => new Float64Array(c.length)),
        };
        this.periods.set(period, counts);
      }
      counts.loans++;
      const band = bandOf(this.reference.scoreCuts, scored.score[i] ?? 0);
      counts.score[band] = (counts.score[band] ?? 0) + 1;
      scored.bins.forEach((bins, j) => {
        const bin = bins[i] ?? NO_BIN;
        const featureCounts = counts.features[j];
        // A value in no development bin scores as WOE 0 and has no reference share: it is left out of the CSI.
        if (bin !== NO_BIN && featureCounts) featureCounts[bin] = (featureCounts[bin] ?? 0) + 1;
      });
    });
  }

  result(features: readonly string[]): ModelMonitoring['periods'] {
    return [...this.periods.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, counts]) => {
        const psi = populationStability(this.reference.scoreCounts, Array.from(counts.score));
        return {
          period,
          loans: counts.loans,
          psi: psi.value,
          psiBand: psi.band,
          csi: features.map((feature, j) => {
            const csi = populationStability(this.reference.featureCounts[j] ?? [], Array.from(counts.features[j] ?? []));
            return { feature, value: csi.value, band: csi.band };
          }),
        };
      });
  }
}
