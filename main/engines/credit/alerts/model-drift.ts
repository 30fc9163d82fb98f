// Credit model-monitoring alerts: has the population a credit run scores moved away from the one its model was
// developed on? Portfolio-level, against the thresholds of the run's parameter set. Pure: the run hands in the
// stability of every loan it scored (validation/monitoring.ts's PopulationStability, the same PSI and CSI as the
// model-monitoring screen's); the store emits what comes back (store/alerts.ts's emitAlerts).
import type { AlertFigure, AlertSubject } from '../../../../preload/contract/alerts.ts';
import type { CreditAlertThresholds } from '../../../../preload/contract/credit.ts';
import type { PopulationStabilityResult } from '../validation/monitoring.ts';
import type { CreditAlert } from './early-warning.ts';

/** The one subject of every credit portfolio-level alert: one open alert per type for the whole credit book. */
export const CREDIT_PORTFOLIO: AlertSubject = { type: 'portfolio', id: 'credit' };

/** An explanation holds at most this many figures (the alert contract's limit). */
const MAX_FIGURES = 32;

/**
 * - `credit.score_psi`: the PSI of the score of the run's loans against the model's development sample is at or above
 *   `monitoring.scorePsi`. Score: the PSI.
 * - `credit.feature_csi`: one or more model features' CSI is at or above `monitoring.featureCsi`: one alert, each such
 *   feature a figure (named by the feature, its CSI against the threshold), most drifting first, at most 32. Score:
 *   the highest CSI.
 *
 * Levels, not changes: emitted at every run while they hold, and the open alert counts the runs that saw it. A run
 * that scored no loan has no population to compare, so raises neither.
 */
export function modelDriftAlerts(stability: PopulationStabilityResult, thresholds: CreditAlertThresholds): CreditAlert[] {
  const { scorePsi, featureCsi, severity } = thresholds.monitoring;
  if (stability.loans === 0) return [];
  const alerts: CreditAlert[] = [];
  if (stability.psi >= scorePsi) {
    alerts.push({
      type: 'credit.score_psi',
      subject: CREDIT_PORTFOLIO,
      severity,
      score: stability.psi,
      explanation: {
        key: 'credit.score_psi',
        figures: [
          { name: 'psi', value: stability.psi, threshold: scorePsi },
          { name: 'loans', value: stability.loans },
        ],
      },
    });
  }
  const drifting = stability.csi.filter((feature) => feature.value >= featureCsi).sort((a, b) => b.value - a.value || a.feature.localeCompare(b.feature));
  const [most] = drifting;
  if (most) {
    alerts.push({
      type: 'credit.feature_csi',
      subject: CREDIT_PORTFOLIO,
      severity,
      score: most.value,
      explanation: {
        key: 'credit.feature_csi',
        figures: drifting.slice(0, MAX_FIGURES).map((feature): AlertFigure => ({ name: feature.feature, value: feature.value, threshold: featureCsi })),
      },
    });
  }
  return alerts;
}
