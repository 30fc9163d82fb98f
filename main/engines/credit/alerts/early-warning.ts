// Credit early-warning alerts: what changed for a loan since the previous credit run, and borrowers above their
// exposure limit, against the thresholds of the run's parameter set. Pure: the run hands in both views of each loan
// and each borrower's total; the store emits what comes back (store/alerts.ts's emitAlerts).
import type { AlertExplanation, AlertSeverity, AlertSubject } from '../../../../preload/contract/alerts.ts';
import type { CreditAlertThresholds, Grade } from '../../../../preload/contract/credit.ts';

/** One alert as the engine finds it; the run adds its source, run id, artefacts and time when it emits them. */
export interface CreditAlert {
  readonly type: CreditAlertType;
  readonly subject: AlertSubject;
  readonly severity: AlertSeverity;
  /** How far it went, in the type's own measure: the stage reached, notches fallen, days past due, EAD over the limit (× limit). */
  readonly score: number;
  readonly explanation: AlertExplanation;
}

/** The early-warning types here, and the model-monitoring ones (model-drift.ts). */
export type CreditAlertType = 'credit.stage_migration' | 'credit.grade_drop' | 'credit.dpd_crossing' | 'credit.exposure_limit' | 'credit.score_psi' | 'credit.feature_csi';

/** A loan as one run saw it. `dpd` is null in a run from before runs recorded it (schema 100). */
export interface LoanView {
  readonly stage: 1 | 2 | 3;
  readonly grade: Grade;
  readonly dpd: number | null;
}

export interface LoanComparison {
  readonly loanId: string;
  readonly current: LoanView & { readonly dpd: number };
  /** The previous run's view; null when there is no previous run or the loan was not in it. */
  readonly previous: LoanView | null;
}

const GRADE_ORDER: readonly Grade[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

/**
 * The alerts one loan raises in this run, compared with the previous run:
 * - `credit.stage_migration`: the stage rose to 2 or 3 (1 → 2, 1 → 3, 2 → 3); severity per stage reached.
 * - `credit.grade_drop`: the grade fell by at least `gradeDrop.notches` on the master scale.
 * - `credit.dpd_crossing`: DPD reached a threshold it was below in the previous run (previous < days ≤ current);
 *   of several crossed at once, the highest raises the alert, with its severity.
 *
 * Without a previous view (the first run ever, a loan new since the previous run) there is no stage or grade to
 * compare, so no migration or drop: the stage itself already compares with origination and is in the run's totals.
 * DPD is different, as every loan starts at 0 days past due: a loan seen for the first time, or whose previous DPD
 * was not recorded, is judged from 0, so a first run alerts every loan already past a threshold, once.
 */
export function loanAlerts(loan: LoanComparison, thresholds: CreditAlertThresholds): CreditAlert[] {
  const alerts: CreditAlert[] = [];
  const { current, previous } = loan;
  const subject: AlertSubject = { type: 'loan', id: loan.loanId };
  const previousDpd = previous?.dpd ?? 0;
  if (previous && current.stage > previous.stage && current.stage >= 2) {
    alerts.push({
      type: 'credit.stage_migration',
      subject,
      severity: current.stage === 3 ? thresholds.stageMigration.stage3 : thresholds.stageMigration.stage2,
      score: current.stage,
      explanation: {
        key: 'credit.stage_migration',
        figures: [
          { name: 'stage', value: current.stage, previous: previous.stage },
          { name: 'dpd', value: current.dpd, ...(previous.dpd === null ? {} : { previous: previous.dpd }), unit: 'days' },
          { name: 'grade', value: current.grade, previous: previous.grade },
        ],
      },
    });
  }
  if (previous) {
    const notches = GRADE_ORDER.indexOf(current.grade) - GRADE_ORDER.indexOf(previous.grade);
    if (notches >= thresholds.gradeDrop.notches) {
      alerts.push({
        type: 'credit.grade_drop',
        subject,
        severity: thresholds.gradeDrop.severity,
        score: notches,
        explanation: {
          key: 'credit.grade_drop',
          figures: [
            { name: 'grade', value: current.grade, previous: previous.grade },
            { name: 'notches', value: notches, threshold: thresholds.gradeDrop.notches, unit: 'notches' },
          ],
        },
      });
    }
  }
  let crossed: CreditAlertThresholds['dpdThresholds'][number] | undefined;
  for (const threshold of thresholds.dpdThresholds) if (previousDpd < threshold.days && threshold.days <= current.dpd) crossed = threshold;
  if (crossed) {
    alerts.push({
      type: 'credit.dpd_crossing',
      subject,
      severity: crossed.severity,
      score: current.dpd,
      explanation: {
        key: 'credit.dpd_crossing',
        figures: [{ name: 'dpd', value: current.dpd, ...(previous?.dpd == null ? {} : { previous: previous.dpd }), threshold: crossed.days, unit: 'days' }],
      },
    });
  }
  return alerts;
}

/** A borrower's exposure in this run: the sum of its loans' EAD, in the run's (base) currency's minor units. */
export interface BorrowerExposure {
  readonly borrowerId: string;
  readonly eadMinor: number;
  readonly loans: number;
}

/**
 * `credit.exposure_limit`: a borrower whose total EAD is above the limit (at the limit is within it). A level, not
 * a change: it is emitted at every run while it holds, and the open alert counts the runs that saw it.
 */
export function exposureLimitAlert(borrower: BorrowerExposure, thresholds: CreditAlertThresholds, currency: string): CreditAlert | null {
  const { limitMinor, severity } = thresholds.borrowerExposure;
  if (!(borrower.eadMinor > limitMinor)) return null;
  return {
    type: 'credit.exposure_limit',
    subject: { type: 'borrower', id: borrower.borrowerId },
    severity,
    score: borrower.eadMinor / limitMinor,
    explanation: {
      key: 'credit.exposure_limit',
      figures: [
        { name: 'ead', value: borrower.eadMinor, threshold: limitMinor, unit: currency },
        { name: 'loans', value: borrower.loans },
      ],
    },
  };
}
