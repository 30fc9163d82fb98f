// Hand-worked PSI and CSI from bin shares against the shipped thresholds (PSI 0.25, CSI 0.25, severity high), with the
// run's population counted by the same PopulationStability the model-monitoring screen's periods use.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TEST_CREDIT_PARAMETERS } from '../../../test-support/credit-test-parameters.ts';
import type { ScoredRows } from '../scorecard/fit.ts';
import { PopulationStability, type MonitoringReference, type PopulationStabilityResult } from '../validation/monitoring.ts';
import { CREDIT_PORTFOLIO, modelDriftAlerts } from './model-drift.ts';

const T = TEST_CREDIT_PARAMETERS.alerts;

/** PSI from the two populations' shares of each bin, as DOMAIN.md writes it: Σ (A − E) · ln(A / E). */
const psiOfShares = (expected: number[], actual: number[]): number => expected.reduce((sum, e, i) => sum + ((actual[i] ?? 0) - e) * Math.log((actual[i] ?? 0) / e), 0);

/** Two score bands, (-inf, 500] and (500, +inf), and three features of two bins, each 50 / 50 in development. */
const REFERENCE: MonitoringReference = { scoreCuts: [500], scoreCounts: [50, 50], featureCounts: [[50, 50], [50, 50], [50, 50]] };
const FEATURES = ['income', 'region', 'term_months'];

/** 100 scored rows: `low` of them scoring 400 (the first band), the rest 600; each feature's bin 0 for its first n rows. */
function scoredRows(low: number, bin0: readonly number[]): ScoredRows {
  const n = 100;
  return {
    score: Float64Array.from({ length: n }, (_, i) => (i < low ? 400 : 600)),
    pd: new Float64Array(n),
    woe: bin0.map(() => new Float64Array(n)),
    bins: bin0.map((count) => Int32Array.from({ length: n }, (_, i) => (i < count ? 0 : 1))),
  };
}

function stabilityOf(scored: ScoredRows): PopulationStabilityResult {
  const population = new PopulationStability(REFERENCE);
  population.add(scored);
  return population.result(FEATURES);
}

const close = (actual: number | string | undefined, expected: number) => assert.ok(typeof actual === 'number' && Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);

describe('credit model-drift alerts', () => {
  it('a drifted portfolio: the score PSI worked by hand, and one CSI alert listing the drifting features, most drifting first', () => {
    // Score 0.8 / 0.2 against 0.5 / 0.5: PSI = 0.3·ln(1.6) + (−0.3)·ln(0.4) = 0.141 + 0.2749 = 0.4159 ≥ 0.25.
    // Features: income 0.8 / 0.2 (CSI 0.4159), region 0.55 / 0.45 (0.01, stable), term_months 0.9 / 0.1 (0.8789).
    const alerts = modelDriftAlerts(stabilityOf(scoredRows(80, [80, 55, 90])), T);
    const psi = psiOfShares([0.5, 0.5], [0.8, 0.2]);
    close(psi, 0.3 * Math.log(1.6) - 0.3 * Math.log(0.4));
    assert.ok(Math.abs(psi - 0.4159) < 1e-4);
    const [scorePsi, featureCsi, ...rest] = alerts;
    assert.equal(rest.length, 0);
    assert.deepEqual({ ...scorePsi, score: 0, explanation: { ...scorePsi?.explanation, figures: [] } }, {
      type: 'credit.score_psi',
      subject: { type: 'portfolio', id: 'credit' },
      severity: 'high',
      score: 0,
      explanation: { key: 'credit.score_psi', figures: [] },
    });
    close(scorePsi?.score, psi);
    const [psiFigure, loansFigure] = scorePsi?.explanation.figures ?? [];
    assert.deepEqual({ ...psiFigure, value: 0 }, { name: 'psi', value: 0, threshold: 0.25 });
    close(psiFigure?.value, psi);
    assert.deepEqual(loansFigure, { name: 'loans', value: 100 });

    assert.equal(featureCsi?.type, 'credit.feature_csi');
    assert.deepEqual(featureCsi?.subject, CREDIT_PORTFOLIO);
    assert.equal(featureCsi?.severity, 'high');
    assert.equal(featureCsi?.explanation.key, 'credit.feature_csi');
    const figures = featureCsi?.explanation.figures ?? [];
    assert.deepEqual(
      figures.map((f) => [f.name, f.threshold]),
      [
        ['term_months', 0.25],
        ['income', 0.25],
      ],
    );
    close(figures[0]?.value, psiOfShares([0.5, 0.5], [0.9, 0.1]));
    close(figures[1]?.value, psi);
    close(featureCsi?.score, psiOfShares([0.5, 0.5], [0.9, 0.1]));
  });

  it('a portfolio like the development sample raises nothing, nor one below the thresholds', () => {
    assert.deepEqual(modelDriftAlerts(stabilityOf(scoredRows(50, [50, 50, 50])), T), []);
    // 0.6 / 0.4: PSI = 0.1·ln(1.2) + (−0.1)·ln(0.8) = 0.0405.
    const mild = stabilityOf(scoredRows(60, [60, 40, 50]));
    close(mild.psi, psiOfShares([0.5, 0.5], [0.6, 0.4]));
    assert.deepEqual(modelDriftAlerts(mild, T), []);
  });

  it('at the threshold is an alert, just below is not; thresholds and severity come from the parameter set', () => {
    const at = (psi: number, csi: number): PopulationStabilityResult => ({ loans: 10, psi, psiBand: 'significant', csi: [{ feature: 'income', value: csi, band: 'significant' }] });
    assert.deepEqual(modelDriftAlerts(at(0.25, 0.25), T).map((a) => a.type), ['credit.score_psi', 'credit.feature_csi']);
    assert.deepEqual(modelDriftAlerts(at(0.2499, 0.2499), T), []);
    const own = { ...T, monitoring: { scorePsi: 0.1, featureCsi: 0.5, severity: 'critical' as const } };
    assert.deepEqual(modelDriftAlerts(at(0.2, 0.4), own).map((a) => `${a.type}:${a.severity}`), ['credit.score_psi:critical']);
  });

  it('a run that scored no loan raises nothing; more than 32 drifting features list the 32 most drifting', () => {
    assert.deepEqual(modelDriftAlerts({ loans: 0, psi: 5, psiBand: 'significant', csi: [{ feature: 'income', value: 5, band: 'significant' }] }, T), []);
    const csi = Array.from({ length: 40 }, (_, i) => ({ feature: `f${String(i).padStart(2, '0')}`, value: 1 + i / 100, band: 'significant' as const }));
    const [alert] = modelDriftAlerts({ loans: 10, psi: 0, psiBand: 'stable', csi }, T);
    const names = alert?.explanation.figures.map((f) => f.name) ?? [];
    assert.equal(names.length, 32);
    assert.deepEqual(names.slice(0, 2), ['f39', 'f38']);
    assert.equal(names.at(-1), 'f08');
    close(alert?.score, 1.39);
  });
});
