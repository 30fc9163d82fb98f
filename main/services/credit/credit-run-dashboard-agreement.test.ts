// Where the dashboard and a credit run measure the same thing they agree, on the small demo portfolio (one currency,
// so the run's population, the open loans in the base currency, is the dashboard's open loans): the number of open
// loans, the balance they carry, and the loans in default against the run's stage 3. Real worker threads on a real
// encrypted workspace.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateDemo } from '../../demo/generate-demo.ts';
import { dashboardSummary } from '../../store/dashboard-queries.ts';
import { activateTestModel } from '../../test-support/active-test-model.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import { EnginePool } from '../../workers/pool.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { seedShippedDefaults } from '../shipped-defaults.ts';
import { SHIPPED_DEFAULTS } from '../workspace-service.ts';
import { runCreditPortfolio } from './credit-jobs-service.ts';

describe('the dashboard and a credit run on the same workspace', () => {
  let temp: TempDatabase;
  let pool: EnginePool;
  let analyst: ServiceContext;

  before(async () => {
    temp = createTempDatabase('riskdesk-run-dashboard-');
    seedShippedDefaults(temp.db, new Date('2025-01-01T00:00:00Z'), SHIPPED_DEFAULTS);
    generateDemo(temp.db, { scale: 'small', seed: 5, asOf: '2024-12-31' });
    pool = new EnginePool({ size: 1 });
    const contextOf = (actor: Actor): ServiceContext => databaseContext(temp, actor, { now: () => new Date('2025-01-05T09:00:00Z'), pool });
    analyst = contextOf({ username: 'ana', role: 'analyst' });
    await activateTestModel(analyst, contextOf({ username: 'cole', role: 'compliance' }), 'agreement');
  });

  after(async () => {
    await pool.close();
    temp.dispose();
  });

  it('count the same open loans with the same balance, and the loans in default are the run’s stage 3', async () => {
    const dashboard = dashboardSummary(temp.db);
    const run = await runCreditPortfolio(analyst, {}, { writer: { access: 'write', path: temp.path, key: temp.key } });
    assert.equal(temp.db.prepare(`SELECT count(DISTINCT currency) FROM loans`).pluck().get(), 1, 'the demo is in one currency');
    const closed = temp.db.prepare(`SELECT count(*) FROM loans WHERE status IN ('paid_off', 'written_off')`).pluck().get() as number;
    assert.ok(closed > 0, 'the demo has closed loans, which neither counts');

    assert.equal(run.totals.loans, dashboard.loans);
    const runBalance = temp.db
      .prepare('SELECT sum(coalesce(l.outstanding_balance_minor, l.principal_minor)) FROM credit_run_loans r JOIN loans l ON l.loan_id = r.loan_id WHERE r.run_id = ?')
      .pluck()
      .get(run.runId) as number;
    assert.equal(runBalance, dashboard.outstandingMinor, 'the run scored the very loans the dashboard sums');
    // Stage 3 is credit-impaired: 90+ DPD (the shipped impairedDpd) or a status of default, DOMAIN.md's default flag.
    const stage3 = run.totals.byStage.find((s) => s.stage === '3');
    assert.ok(dashboard.defaults > 0, 'the demo has open loans in default');
    assert.equal(stage3?.loans, dashboard.defaults);
    // Every loan 90+ DPD is stage 3; stage 3 also holds the loans in default at fewer days.
    const ninety = dashboard.delinquency.find((b) => b.bucket === '90+');
    assert.ok((ninety?.loans ?? 0) <= dashboard.defaults);
    const runNinety = temp.db.prepare('SELECT count(*) FROM credit_run_loans WHERE run_id = ? AND dpd >= 90').pluck().get(run.runId) as number;
    assert.equal(runNinety, ninety?.loans);
  });
});
