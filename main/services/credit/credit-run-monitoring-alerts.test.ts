// A credit run's model-monitoring alerts, through the real worker on a real encrypted workspace (the small demo
// portfolio): the score PSI of every loan the run scored against the active model's development sample, worked here
// by hand from the run's stored scores and the model's training bands. The demo's book as generated is no score
// drift; the same book with its borrowers' incomes and credit histories cut to a quarter is, and two runs of it raise
// one portfolio alert, seen twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateDemo } from '../../demo/generate-demo.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import { TEST_CREDIT_PARAMETERS } from '../../test-support/credit-test-parameters.ts';
import type { WriterSpec } from '../../store/write-connection.ts';
import { EnginePool } from '../../workers/pool.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { activateTestModel } from '../../test-support/active-test-model.ts';
import type { ServiceContext } from '../context.ts';
import { runCreditPortfolio } from './credit-jobs-service.ts';
import { seedShippedDefaults } from '../shipped-defaults.ts';
import { SHIPPED_DEFAULTS } from '../workspace-service.ts';

const THRESHOLDS = TEST_CREDIT_PARAMETERS.alerts.monitoring;

interface PortfolioAlert {
  type: string;
  subject_id: string;
  severity: string;
  score: number;
  occurrences: number;
  run_id: number;
  last_run_id: number;
  artefacts: string;
  explanation: string;
}

describe('a credit run’s model-monitoring alerts', () => {
  let temp: TempDatabase;
  let pool: EnginePool;
  let analyst: ServiceContext;
  let writer: WriterSpec;

  const run = () => runCreditPortfolio(analyst, { asOf: '2024-12-31' }, { writer });
  const portfolioAlerts = (type: string): PortfolioAlert[] =>
    temp.db.prepare(`SELECT type, subject_id, severity, score, occurrences, run_id, last_run_id, artefacts, explanation FROM alerts WHERE subject_type = 'portfolio' AND type = ?`).all(type) as PortfolioAlert[];

  /**
   * PSI = Σ (A − E) · ln(A / E) over the model's training score bands (E: their rows) and the run's loans in them (A:
   * its stored scores, a band running up to and including its upper bound); an empty band counts half a row.
   */
  const psiByHand = (runId: number): { psi: number; loans: number } => {
    const report = JSON.parse(temp.db.prepare(`SELECT report FROM credit_models WHERE status = 'active'`).pluck().get() as string) as { bands: { train: { upper: number | null; rows: number }[] } };
    const bands = report.bands.train;
    const scores = temp.db.prepare('SELECT score FROM credit_run_loans WHERE run_id = ?').pluck().all(runId) as number[];
    const actual = bands.map(() => 0);
    for (const score of scores) {
      const band = bands.findIndex((b) => b.upper === null || score <= b.upper);
      actual[band] = (actual[band] ?? 0) + 1;
    }
    const shares = (counts: number[]) => {
      const adjusted = counts.map((c) => (c === 0 ? 0.5 : c));
      const total = adjusted.reduce((sum, c) => sum + c, 0);
      return adjusted.map((c) => c / total);
    };
    const e = shares(bands.map((b) => b.rows));
    const a = shares(actual);
    return { psi: e.reduce((sum, share, i) => sum + ((a[i] ?? 0) - share) * Math.log((a[i] ?? 0) / share), 0), loans: scores.length };
  };

  before(async () => {
    temp = createTempDatabase('riskdesk-credit-monitoring-alerts-');
    seedShippedDefaults(temp.db, new Date('2025-01-01T00:00:00Z'), SHIPPED_DEFAULTS);
    generateDemo(temp.db, { scale: 'small', seed: 3, asOf: '2024-12-31' });
    pool = new EnginePool({ size: 1 });
    const now = () => new Date('2025-01-05T09:00:00Z');
    analyst = databaseContext(temp, { username: 'ana', role: 'analyst' }, { now, pool });
    writer = { access: 'write', path: temp.path, key: temp.key };
    await activateTestModel(analyst, databaseContext(temp, { username: 'cole', role: 'compliance' }, { now, pool }), 'monitoring alerts test');
  });

  after(async () => {
    await pool.close();
    temp.dispose();
  });

  it('the book as generated: a score PSI below the threshold, no score PSI alert; drifting features listed most first', async () => {
    const result = await run();
    const { psi, loans } = psiByHand(result.runId);
    assert.ok(loans > 1000 && psi < THRESHOLDS.scorePsi, `PSI ${psi} of ${loans} loans`);
    assert.deepEqual(portfolioAlerts('credit.score_psi'), []);
    // Whatever features have drifted (on the demo, the open book keeps the longer terms) are one alert, each at or above its threshold.
    for (const alert of portfolioAlerts('credit.feature_csi')) {
      const figures = (JSON.parse(alert.explanation) as { figures: { value: number; threshold: number }[] }).figures;
      assert.ok(figures.length > 0 && figures.every((f, i) => f.threshold === THRESHOLDS.featureCsi && f.value >= f.threshold && (i === 0 || f.value <= (figures[i - 1]?.value ?? 0))));
      assert.equal(alert.score, figures[0]?.value);
    }
  });

  it('a drifted book: one score PSI alert with the PSI worked by hand, seen again (not raised twice) by the next run', async () => {
    temp.db.exec('UPDATE borrowers SET annual_income_minor = annual_income_minor / 4, credit_history_months = credit_history_months / 4');
    const first = await run();
    const { psi, loans } = psiByHand(first.runId);
    assert.ok(psi >= THRESHOLDS.scorePsi, `PSI ${psi}`);
    const [alert, ...others] = portfolioAlerts('credit.score_psi');
    assert.ok(alert && others.length === 0);
    assert.deepEqual(
      { ...alert, score: 0, explanation: '' },
      { type: 'credit.score_psi', subject_id: 'credit', severity: THRESHOLDS.severity, score: 0, occurrences: 1, run_id: first.runId, last_run_id: first.runId, artefacts: '{"credit.model":1,"credit.parameterSet":1}', explanation: '' },
    );
    assert.ok(Math.abs(alert.score - psi) < 1e-9, `${alert.score} ≠ ${psi}`);
    const explanation = JSON.parse(alert.explanation) as { key: string; figures: { name: string; value: number; threshold?: number }[] };
    assert.equal(explanation.key, 'credit.score_psi');
    assert.deepEqual(explanation.figures.map((f) => [f.name, f.name === 'psi' ? Math.abs(f.value - psi) < 1e-9 : f.value, f.threshold]), [
      ['psi', true, THRESHOLDS.scorePsi],
      ['loans', loans, undefined],
    ]);
    const csi = portfolioAlerts('credit.feature_csi');
    assert.equal(csi.length, 1, 'one feature alert, whatever features drift');
    const drifting = (JSON.parse(csi[0]?.explanation ?? '{}') as { figures: { name: string }[] }).figures.map((f) => f.name);
    assert.ok(drifting.includes('annual_income') && drifting.includes('credit_history_months'), drifting.join());

    const second = await run();
    const [again, ...more] = portfolioAlerts('credit.score_psi');
    assert.ok(again && more.length === 0);
    assert.deepEqual([again.occurrences, again.run_id, again.last_run_id], [2, first.runId, second.runId]);
    assert.equal(second.alerts.raised, 0);
    assert.equal(temp.db.prepare(`SELECT count(*) FROM alerts WHERE subject_type = 'portfolio'`).pluck().get(), 2);
  });
});
