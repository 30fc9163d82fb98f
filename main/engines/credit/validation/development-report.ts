// A scorecard development as the builder shows it and as a saved model keeps it: the engine's result in the
// contract's shape, with the curves behind AUC and KS and the calibration by score band.
import type { DevelopmentReport, SampleDefinition } from '../../../../preload/contract/credit.ts';
import { toStoredBinning, toStoredScorecard } from '../scorecard/stored.ts';
import type { ScorecardDevelopment } from '../scorecard/fit.ts';
import type { ScoreBand } from '../scorecard/metrics.ts';
import { ksCurves, rocCurve } from './curves.ts';

export interface DevelopmentSample {
  readonly events: Uint8Array;
  readonly trainingHash: string;
  readonly sample: string;
  readonly sampleDefinition: SampleDefinition;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

export type ScoreBandReport = NonNullable<DevelopmentReport['bands']>['train'][number];

export function reportBands(bands: readonly ScoreBand[]): ScoreBandReport[] {
  return bands.map((b) => ({ band: b.label, lower: finiteOrNull(b.lower), upper: finiteOrNull(b.upper), rows: b.count, events: b.events, eventRate: b.event_rate, meanPd: b.mean_pd }));
}

function rowsOf<T extends Float64Array | Uint8Array>(values: T, mask: Uint8Array, want: number): T {
  return values.filter((_, i) => mask[i] === want) as T;
}

export function developmentReport(dev: ScorecardDevelopment, sample: DevelopmentSample): DevelopmentReport {
  const scored = dev.scored;
  const hasHoldout = dev.holdout.includes(1);
  const curves = scored
    ? {
        roc: {
          train: rocCurve(rowsOf(scored.pd, dev.holdout, 0), rowsOf(sample.events, dev.holdout, 0)),
          holdout: hasHoldout ? rocCurve(rowsOf(scored.pd, dev.holdout, 1), rowsOf(sample.events, dev.holdout, 1)) : null,
        },
        ks: ksCurves(rowsOf(scored.score, dev.holdout, 0), rowsOf(sample.events, dev.holdout, 0)),
      }
    : null;
  return {
    rows: dev.rows,
    events: dev.events,
    trainingHash: sample.trainingHash,
    sample: sample.sample,
    sampleDefinition: sample.sampleDefinition,
    features: dev.features.map((f) => ({
      name: f.name,
      type: f.type,
      iv: f.iv,
      ivBand: f.iv_band,
      selected: f.selected,
      reason: f.reason,
      exclusion: f.exclusion,
      handBinned: f.hand_binned,
      bins: f.bins.map((b) => ({ label: b.label, count: b.count, events: b.events, eventRate: b.event_rate, woe: b.woe, points: b.points, flags: b.flags })),
      binning: toStoredBinning(f.binning),
    })),
    model: {
      status: dev.model.status,
      message: dev.model.message,
      intercept: dev.model.intercept,
      coefficients: dev.model.coefficients.map((c) => ({ feature: c.feature, coef: c.coef, se: c.se, pValue: c.p_value, flags: c.flags })),
      iterations: dev.model.iterations,
      pValueThreshold: dev.model.p_value_threshold,
    },
    scaling: dev.scaling,
    metrics: dev.metrics,
    curves,
    bands: dev.bands ? { train: reportBands(dev.bands.train), holdout: dev.bands.holdout ? reportBands(dev.bands.holdout) : null } : null,
    stability: dev.stability,
    scorecard: dev.scorecard ? toStoredScorecard(dev.scorecard) : null,
    rounding: dev.rounding,
  };
}
