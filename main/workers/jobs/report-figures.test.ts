import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { reportFiguresSchema } from '../../../preload/contract/reports.ts';
import { generateDemo } from '../../demo/generate-demo.ts';
import { runCreditPortfolio } from '../../services/credit/credit-jobs-service.ts';
import { seedShippedDefaults } from '../../services/shipped-defaults.ts';
import { SHIPPED_DEFAULTS } from '../../services/workspace-service.ts';
import { activateTestModel } from '../../test-support/active-test-model.ts';
import { insertReportPeriodData, REPORT_PERIOD } from '../../test-support/report-period-data.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import { resolveReportPeriod } from '../../services/reports/report-period.ts';
import { EnginePool } from '../pool.ts';
import type { JobProgress } from '../protocol.ts';
import { creditMonitoringJob } from './credit-monitoring.ts';
import { reportFiguresJob } from './report-figures.ts';

const HEADER = {
  language: 'en',
  generatedAt: '2026-12-01T08:00:00.000Z',
  generatedBy: 'cole',
  workspace: { name: 'hand', fingerprint: 'SHA256:hand' },
} as const;

const ignoreProgress = (): void => undefined;

describe('the report-figures job on a hand-made November', () => {
  let temp: TempDatabase;
  let pool: EnginePool;

  before(() => {
    temp = createTempDatabase('riskdesk-report-figures-');
    insertReportPeriodData(temp);
    pool = new EnginePool({ size: 1 });
  });
  after(async () => {
    await pool.close();
    temp.dispose();
  });

  it('reads the latest credit run by the period end, its migration, vintages cut at the period and its model', () => {
    const figures = reportFiguresJob({ reader: temp.db }, { period: { ...REPORT_PERIOD }, ...HEADER }, ignoreProgress);
    const credit = figures.credit;
    assert.ok(credit);
    // November's run (2), not December's: L1 stage 2 (EAD 70,000, ECL 2,100), L2 stage 3 (150,000, 67,500), L4 stage 1 (40,000, 400).
    assert.deepEqual(credit.run, { runId: 2, asOf: '2026-11-30', finishedAt: '2026-11-30T21:00:00.000Z', modelId: 1, modelName: 'hand model', parameterVersion: 1, currency: 'CNY' });
    assert.equal(credit.eadMinor, 260_000);
    assert.equal(credit.eclMinor, 70_000);
    assert.equal(credit.eadMinor, temp.db.prepare('SELECT sum(ead_minor) FROM credit_run_loans WHERE run_id = 2').pluck().get());
    assert.deepEqual(credit.byStage, [
      { stage: '1', loans: 1, eadMinor: 40_000, eclMinor: 400 },
      { stage: '2', loans: 1, eadMinor: 70_000, eclMinor: 2_100 },
      { stage: '3', loans: 1, eadMinor: 150_000, eclMinor: 67_500 },
    ]);
    // Grade D: L1 (PD 0.04) and L2 (0.06), mean 0.05.
    const gradeD = credit.byGrade.find((g) => g.grade === 'D');
    assert.deepEqual({ ...gradeD, meanPd: undefined }, { grade: 'D', loans: 2, eadMinor: 220_000, eclMinor: 69_600, meanPd: undefined });
    assert.ok(Math.abs((gradeD?.meanPd ?? 0) - 0.05) < 1e-12);
    assert.equal(credit.stageMigration?.fromRunId, 1);
    // Quarters of the loans originated by 30 November (L5, 1 December, left out). 2025-Q1: L8 and L3, L3 in default from
    // August 2025 (5 months on book): 1 of 2 by month 12. 2025-Q2: L2 defaulted at 17 months, after month 12. 2026-Q1
    // (10 months observed) and 2026-Q4 (none) have not reached 12 months.
    assert.deepEqual(credit.vintages, [
      { vintage: '2024-Q1', loans: 1, defaultRate12m: 0 },
      { vintage: '2025-Q1', loans: 2, defaultRate12m: 0.5 },
      { vintage: '2025-Q2', loans: 1, defaultRate12m: 0 },
      { vintage: '2026-Q1', loans: 1, defaultRate12m: null },
      { vintage: '2026-Q4', loans: 2, defaultRate12m: null },
    ]);
    // The hand model has no fitted scorecard: no PSI.
    assert.deepEqual(credit.model, { id: 1, name: 'hand model', status: 'active', approvedBy: 'cole', activatedAt: '2026-06-01T10:00:00.000Z', psi: null, psiBand: null });
  });

  it('has no credit section for a period that ends before the first run', () => {
    const figures = reportFiguresJob({ reader: temp.db }, { period: resolveReportPeriod('2026-W43'), ...HEADER }, ignoreProgress);
    // 2026-W43 is 19–25 October; the first credit run is as of 31 October.
    assert.equal(figures.period.to, '2026-10-25');
    assert.equal(figures.credit, null);
    assert.ok(figures.portfolio, 'the loans were there');
  });

  it('runs in the worker pool, reporting each section, with a result the contract accepts', async () => {
    const progress: JobProgress[] = [];
    const input = { period: { ...REPORT_PERIOD }, ...HEADER };
    const result = await pool.run('report-figures', input, { reader: { path: temp.path, key: temp.key }, onProgress: (p) => progress.push(p) });
    const parsed = reportFiguresSchema.parse(result);
    assert.deepEqual(parsed, reportFiguresJob({ reader: temp.db }, input, ignoreProgress));
    assert.equal(parsed.workspace.fingerprint, 'SHA256:hand');
    assert.deepEqual(
      progress.map((p) => p.phase),
      ['portfolio', 'credit', 'fraud', 'liquidity', 'cases', 'cases'],
    );
    assert.deepEqual(progress.map((p) => p.done), [0, 1, 2, 3, 4, 5]);
  });

  it('gives every section null and no approvals for an empty workspace', async () => {
    const empty = createTempDatabase('riskdesk-report-figures-empty-');
    try {
      const result = reportFiguresSchema.parse(await pool.run('report-figures', { period: { ...REPORT_PERIOD }, ...HEADER }, { reader: { path: empty.path, key: empty.key } }));
      assert.deepEqual(
        { portfolio: result.portfolio, credit: result.credit, fraud: result.fraud, liquidity: result.liquidity, cases: result.cases, approvals: result.approvals },
        { portfolio: null, credit: null, fraud: null, liquidity: null, cases: null, approvals: [] },
      );
    } finally {
      empty.dispose();
    }
  });
});

describe('the report-figures job on a real credit run', () => {
  let temp: TempDatabase;
  let pool: EnginePool;

  before(async () => {
    temp = createTempDatabase('riskdesk-report-figures-demo-');
    seedShippedDefaults(temp.db, new Date('2025-01-01T00:00:00Z'), SHIPPED_DEFAULTS);
    generateDemo(temp.db, { scale: 'small', seed: 3, asOf: '2024-12-31' });
    pool = new EnginePool({ size: 1 });
    const as = (username: string, role: 'analyst' | 'compliance') => databaseContext(temp, { username, role }, { now: () => new Date('2025-01-05T09:00:00Z'), pool });
    await activateTestModel(as('ana', 'analyst'), as('cole', 'compliance'), 'report test');
    await runCreditPortfolio(as('ana', 'analyst'), {}, { writer: { access: 'write', path: temp.path, key: temp.key } });
  });
  after(async () => {
    await pool.close();
    temp.dispose();
  });

  it('gives the PSI of the latest origination quarter that the model-monitoring job gives for it', () => {
    const figures = reportFiguresJob({ reader: temp.db }, { period: resolveReportPeriod('2024-12'), ...HEADER }, ignoreProgress);
    const model = figures.credit?.model;
    assert.ok(model && model.psi !== null, 'a PSI');
    const monitoring = creditMonitoringJob({ reader: temp.db }, { modelId: model.id }, ignoreProgress);
    const latestQuarter = temp.db.prepare(`SELECT max(origination_date) FROM loans WHERE origination_date <= '2024-12-31'`).pluck().get() as string;
    // Every loan of the demo was originated by its as-of, so the quarter's population is the monitoring's too.
    const expected = monitoring.periods.find((p) => p.period === `${latestQuarter.slice(0, 4)}-Q${Math.floor((Number(latestQuarter.slice(5, 7)) - 1) / 3) + 1}`);
    assert.ok(expected, `the monitoring has the quarter of ${latestQuarter}`);
    assert.equal(model.psi, expected.psi);
    assert.equal(model.psiBand, expected.psiBand);
    assert.equal(model.status, 'active');
    assert.equal(model.approvedBy, 'cole');
    assert.equal(figures.credit?.stageMigration, null, 'one run: nothing to migrate from');
  });
});
