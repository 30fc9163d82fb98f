// Hand-worked cases against the shipped thresholds: stage 2 medium, stage 3 high; a grade drop of 2+ notches medium;
// DPD 30 low, 60 medium, 90 high; a borrower above 2,000,000.00 (200,000,000 minor units) high.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_CREDIT_PARAMETERS } from '../../../test-support/credit-test-parameters.ts';
import { exposureLimitAlert, loanAlerts, type LoanComparison } from './early-warning.ts';

const T = TEST_CREDIT_PARAMETERS.alerts;

function loan(current: LoanComparison['current'], previous: LoanComparison['previous']): LoanComparison {
  return { loanId: 'L1', current, previous };
}

const typesOf = (comparison: LoanComparison): string[] => loanAlerts(comparison, T).map((a) => `${a.type}:${a.severity}`);

describe('credit early-warning alerts per loan', () => {
  it('a loan unchanged since the previous run raises nothing', () => {
    assert.deepEqual(typesOf(loan({ stage: 2, grade: 'E', dpd: 45 }, { stage: 2, grade: 'E', dpd: 45 })), []);
  });

  it('stage 1 → 2 at 35 DPD: a medium migration and the 30-day crossing, with the figures before and after', () => {
    const alerts = loanAlerts(loan({ stage: 2, grade: 'D', dpd: 35 }, { stage: 1, grade: 'C', dpd: 0 }), T);
    assert.deepEqual(alerts, [
      {
        type: 'credit.stage_migration',
        subject: { type: 'loan', id: 'L1' },
        severity: 'medium',
        score: 2,
        explanation: {
          key: 'credit.stage_migration',
          figures: [
            { name: 'stage', value: 2, previous: 1 },
            { name: 'dpd', value: 35, previous: 0, unit: 'days' },
            { name: 'grade', value: 'D', previous: 'C' },
          ],
        },
      },
      {
        type: 'credit.dpd_crossing',
        subject: { type: 'loan', id: 'L1' },
        severity: 'low',
        score: 35,
        explanation: { key: 'credit.dpd_crossing', figures: [{ name: 'dpd', value: 35, previous: 0, threshold: 30, unit: 'days' }] },
      },
    ]);
  });

  it('stage 2 → 3 is high; 3 → 2 and 2 → 1 raise no migration', () => {
    assert.deepEqual(typesOf(loan({ stage: 3, grade: 'G', dpd: 59 }, { stage: 2, grade: 'G', dpd: 59 })), ['credit.stage_migration:high']);
    assert.deepEqual(typesOf(loan({ stage: 2, grade: 'G', dpd: 59 }, { stage: 3, grade: 'G', dpd: 59 })), []);
    assert.deepEqual(typesOf(loan({ stage: 1, grade: 'G', dpd: 59 }, { stage: 2, grade: 'G', dpd: 59 })), []);
  });

  it('a grade drop of exactly 2 notches alerts, 1 notch does not, an improvement does not', () => {
    const [drop] = loanAlerts(loan({ stage: 1, grade: 'C', dpd: 0 }, { stage: 1, grade: 'A', dpd: 0 }), T);
    assert.deepEqual(drop?.explanation.figures, [
      { name: 'grade', value: 'C', previous: 'A' },
      { name: 'notches', value: 2, threshold: 2, unit: 'notches' },
    ]);
    assert.equal(drop?.severity, 'medium');
    assert.equal(drop?.score, 2);
    assert.deepEqual(typesOf(loan({ stage: 1, grade: 'B', dpd: 0 }, { stage: 1, grade: 'A', dpd: 0 })), []);
    assert.deepEqual(typesOf(loan({ stage: 1, grade: 'A', dpd: 0 }, { stage: 1, grade: 'G', dpd: 0 })), []);
  });

  it('DPD exactly at a threshold has crossed it; one day below has not; the highest threshold crossed at once raises the alert', () => {
    const crossing = (dpd: number, previous: number | null) => loanAlerts(loan({ stage: 1, grade: 'A', dpd }, { stage: 1, grade: 'A', dpd: previous }), T).filter((a) => a.type === 'credit.dpd_crossing');
    assert.deepEqual(crossing(30, 29).map((a) => a.explanation.figures[0]?.threshold), [30]);
    assert.deepEqual(crossing(29, 0), []);
    assert.deepEqual(crossing(60, 30).map((a) => [a.explanation.figures[0]?.threshold, a.severity]), [[60, 'medium']]);
    assert.deepEqual(crossing(95, 10).map((a) => [a.explanation.figures[0]?.threshold, a.severity]), [[90, 'high']]);
    // Already past 30 before: staying past it, or going up within 30–59, crosses nothing.
    assert.deepEqual(crossing(45, 30), []);
    assert.deepEqual(crossing(59, 31), []);
    // Cured and back: 0 → 30 again is a crossing.
    assert.equal(crossing(30, 0).length, 1);
  });

  it('the first run ever, or a loan absent from the previous run: no migration or grade drop; DPD judged from 0', () => {
    assert.deepEqual(typesOf(loan({ stage: 3, grade: 'G', dpd: 120 }, null)), ['credit.dpd_crossing:high']);
    assert.deepEqual(typesOf(loan({ stage: 2, grade: 'F', dpd: 10 }, null)), []);
    const [first] = loanAlerts(loan({ stage: 2, grade: 'E', dpd: 30 }, null), T);
    assert.deepEqual(first?.explanation.figures, [{ name: 'dpd', value: 30, threshold: 30, unit: 'days' }], 'no previous figure where none was seen');
  });

  it('a previous run from before DPD was recorded: the stage still compares, DPD is judged from 0', () => {
    assert.deepEqual(typesOf(loan({ stage: 2, grade: 'E', dpd: 61 }, { stage: 1, grade: 'E', dpd: null })), ['credit.stage_migration:medium', 'credit.dpd_crossing:medium']);
  });

  it('follows the parameter set: other notches, thresholds and severities', () => {
    const strict = { ...T, gradeDrop: { notches: 1, severity: 'high' as const }, dpdThresholds: [{ days: 5, severity: 'critical' as const }], stageMigration: { stage2: 'low' as const, stage3: 'critical' as const } };
    const alerts = loanAlerts(loan({ stage: 2, grade: 'B', dpd: 5 }, { stage: 1, grade: 'A', dpd: 4 }), strict);
    assert.deepEqual(alerts.map((a) => `${a.type}:${a.severity}`), ['credit.stage_migration:low', 'credit.grade_drop:high', 'credit.dpd_crossing:critical']);
  });
});

describe('credit exposure limit per borrower', () => {
  it('alerts above the limit only: at the limit is within it', () => {
    const limit = T.borrowerExposure.limitMinor;
    assert.equal(exposureLimitAlert({ borrowerId: 'B1', eadMinor: limit, loans: 2 }, T, 'CNY'), null);
    assert.deepEqual(exposureLimitAlert({ borrowerId: 'B1', eadMinor: limit + 1, loans: 2 }, T, 'CNY'), {
      type: 'credit.exposure_limit',
      subject: { type: 'borrower', id: 'B1' },
      severity: 'high',
      score: (limit + 1) / limit,
      explanation: {
        key: 'credit.exposure_limit',
        figures: [
          { name: 'ead', value: limit + 1, threshold: limit, unit: 'CNY' },
          { name: 'loans', value: 2 },
        ],
      },
    });
  });
});
