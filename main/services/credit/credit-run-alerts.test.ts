// A credit run's early-warning alerts (its model-monitoring ones: credit-run-monitoring-alerts.test.ts), through the
// real worker on a real encrypted workspace (the small demo portfolio): the first run, a re-run of the same date (the
// same open alerts, seen twice), hand-made changes to a few loans that raise exactly their alerts, and a run that fails
// while emitting, which leaves nothing behind.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateDemo } from '../../demo/generate-demo.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import { TEST_CREDIT_PARAMETERS } from '../../test-support/credit-test-parameters.ts';
import type { WriterSpec } from '../../store/write-connection.ts';
import { EnginePool } from '../../workers/pool.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { activateTestModel } from '../../test-support/active-test-model.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { runCreditPortfolio } from './credit-jobs-service.ts';
import { seedShippedDefaults } from '../shipped-defaults.ts';
import { SHIPPED_DEFAULTS } from '../workspace-service.ts';

const LIMIT = TEST_CREDIT_PARAMETERS.alerts.borrowerExposure.limitMinor;

interface AlertRow {
  type: string;
  subject_type: string;
  subject_id: string;
  severity: string;
  occurrences: number;
  run_id: number;
  last_run_id: number;
  explanation: string;
}

describe('a credit run’s alerts', () => {
  let temp: TempDatabase;
  let pool: EnginePool;
  let analyst: ServiceContext;
  let writer: WriterSpec;
  let firstRunId = 0;

  const count = (sql: string, ...params: unknown[]): number => temp.db.prepare(sql).pluck().get(...params) as number;
  const alerts = (): AlertRow[] => temp.db.prepare('SELECT type, subject_type, subject_id, severity, occurrences, run_id, last_run_id, explanation FROM alerts ORDER BY alert_id').all() as AlertRow[];
  const run = (asOf: string) => runCreditPortfolio(analyst, { asOf }, { writer });
  const runRow = (runId: number, loanId: string) => temp.db.prepare('SELECT stage, grade, dpd FROM credit_run_loans WHERE run_id = ? AND loan_id = ?').get(runId, loanId) as { stage: number; grade: string; dpd: number };

  before(async () => {
    temp = createTempDatabase('riskdesk-credit-alerts-');
    seedShippedDefaults(temp.db, new Date('2025-01-01T00:00:00Z'), SHIPPED_DEFAULTS);
    generateDemo(temp.db, { scale: 'small', seed: 3, asOf: '2024-12-31' });
    pool = new EnginePool({ size: 1 });
    const now = () => new Date('2025-01-05T09:00:00Z');
    const as = (actor: Actor) => databaseContext(temp, actor, { now, pool });
    analyst = as({ username: 'ana', role: 'analyst' });
    writer = { access: 'write', path: temp.path, key: temp.key };
    const compliance = as({ username: 'cole', role: 'compliance' });
    await activateTestModel(analyst, compliance, 'alerts test');
  });

  after(async () => {
    await pool.close();
    temp.dispose();
  });

  it('the first run: a DPD crossing for every loan already at 30+ days, the borrowers above the limit, no migration', async () => {
    const result = await run('2024-12-31');
    firstRunId = result.runId;
    const pastDue = count('SELECT count(*) FROM credit_run_loans WHERE run_id = ? AND dpd >= 30', firstRunId);
    assert.ok(pastDue > 0, 'the demo has loans past due');
    assert.equal(count(`SELECT count(*) FROM credit_run_loans WHERE run_id = ? AND dpd IS NULL`, firstRunId), 0, 'the run records DPD');
    const above = count(
      `SELECT count(*) FROM (SELECT l.borrower_id FROM credit_run_loans r JOIN loans l USING (loan_id) WHERE r.run_id = ? GROUP BY l.borrower_id HAVING sum(r.ead_minor) > ?)`,
      firstRunId,
      LIMIT,
    );
    // The model-monitoring alerts are the portfolio's (credit-run-monitoring-alerts.test.ts): on the demo, the open
    // book has drifted from the development sample on a feature or two (short loans have left it), one alert at most
    // per type.
    const portfolio = Object.fromEntries(temp.db.prepare(`SELECT type, count(*) FROM alerts WHERE subject_type = 'portfolio' GROUP BY type`).raw(true).all() as [string, number][]);
    for (const [type, alerts] of Object.entries(portfolio)) assert.ok(['credit.score_psi', 'credit.feature_csi'].includes(type) && alerts === 1, type);
    const drift = Object.keys(portfolio).length;
    const byType = Object.fromEntries(temp.db.prepare('SELECT type, count(*) FROM alerts GROUP BY type').raw(true).all() as [string, number][]);
    assert.deepEqual(byType, { 'credit.dpd_crossing': pastDue, ...(above > 0 ? { 'credit.exposure_limit': above } : {}), ...portfolio });
    // Filed into cases: one per borrower with a loan alert (or over the limit), one for the portfolio's drift.
    const cases = count(`SELECT count(*) FROM cases`);
    assert.equal(cases, count(`SELECT count(DISTINCT group_key) FROM cases`));
    assert.equal(cases, count(`SELECT count(*) FROM (SELECT DISTINCT coalesce(l.borrower_id, a.subject_id) FROM alerts a LEFT JOIN loans l ON a.subject_type = 'loan' AND l.loan_id = a.subject_id)`));
    assert.deepEqual(result.alerts, { raised: pastDue + above + drift, repeated: 0, casesOpened: cases });
    // Severity by the highest threshold reached from 0.
    const severityOf = (days: number) => (days >= 90 ? 'high' : days >= 60 ? 'medium' : 'low');
    for (const alert of alerts().filter((a) => a.type === 'credit.dpd_crossing').slice(0, 50)) {
      const { dpd } = runRow(firstRunId, alert.subject_id);
      assert.equal(alert.severity, severityOf(dpd));
      assert.deepEqual(JSON.parse(alert.explanation), { key: 'credit.dpd_crossing', figures: [{ name: 'dpd', value: dpd, threshold: dpd >= 90 ? 90 : dpd >= 60 ? 60 : 30, unit: 'days' }] });
    }
    assert.equal(count(`SELECT count(*) FROM alerts WHERE run_id <> ? OR artefacts <> '{"credit.model":1,"credit.parameterSet":1}'`, firstRunId), 0);
    const audit = JSON.parse(temp.db.prepare(`SELECT details FROM audit_events WHERE action = 'credit.run' ORDER BY seq DESC LIMIT 1`).pluck().get() as string) as { alerts: unknown };
    assert.deepEqual(audit.alerts, result.alerts);
  });

  it('a re-run of the same date: the same open alerts, each seen twice, none added', async () => {
    const before = alerts();
    const result = await run('2024-12-31');
    assert.deepEqual(result.alerts, { raised: 0, repeated: before.length, casesOpened: 0 });
    assert.deepEqual(
      alerts(),
      before.map((a) => ({ ...a, occurrences: 2, last_run_id: result.runId })),
    );
  });

  it('a month later, hand-made changes to four loans and two borrowers raise exactly their alerts', async () => {
    // Loans current and in stage 1 in the first run, each the only open loan of its borrower (so exposures stay apart).
    const candidates = temp.db
      .prepare(
        `SELECT r.loan_id, r.grade, l.borrower_id FROM credit_run_loans r JOIN loans l USING (loan_id)
         WHERE r.run_id = ? AND r.stage = 1 AND r.dpd = 0 AND r.grade IN ('A', 'B', 'C')
           AND (SELECT count(*) FROM credit_run_loans r2 JOIN loans l2 USING (loan_id) WHERE r2.run_id = r.run_id AND l2.borrower_id = l.borrower_id) = 1
           AND coalesce(l.undrawn_amount_minor, 0) = 0
         ORDER BY r.loan_id LIMIT 5`,
      )
      .all(firstRunId) as { loan_id: string; grade: string; borrower_id: string }[];
    assert.equal(candidates.length, 5);
    const [toStage2, toStage3, atThirty, overLimit, atLimit] = candidates.map((c) => c.loan_id) as [string, string, string, string, string];
    const setDpd = temp.db.prepare('UPDATE loans SET dpd = ? WHERE loan_id = ?');
    setDpd.run(35, toStage2);
    setDpd.run(95, toStage3);
    setDpd.run(30, atThirty);
    const setBalance = temp.db.prepare('UPDATE loans SET outstanding_balance_minor = ? WHERE loan_id = ?');
    setBalance.run(LIMIT + 1, overLimit);
    setBalance.run(LIMIT, atLimit);
    const openBefore = alerts().length;

    const result = await run('2025-01-31');
    const raised = alerts().filter((a) => a.run_id === result.runId);
    assert.equal(result.alerts.raised, raised.length);
    assert.equal(result.alerts.repeated, openBefore - count(`SELECT count(*) FROM alerts WHERE last_run_id <> ?`, result.runId));

    const now = (loanId: string) => runRow(result.runId, loanId);
    const was = (loanId: string) => runRow(firstRunId, loanId);
    const expected: string[] = [];
    for (const loanId of [toStage2, toStage3, atThirty]) {
      const [current, previous] = [now(loanId), was(loanId)];
      if (current.stage > previous.stage) expected.push(`credit.stage_migration loan ${loanId} ${current.stage === 3 ? 'high' : 'medium'}`);
      if ('ABCDEFG'.indexOf(current.grade) - 'ABCDEFG'.indexOf(previous.grade) >= 2) expected.push(`credit.grade_drop loan ${loanId} medium`);
    }
    expected.push(`credit.dpd_crossing loan ${toStage2} low`, `credit.dpd_crossing loan ${toStage3} high`, `credit.dpd_crossing loan ${atThirty} low`);
    const overLimitBorrower = candidates[3]?.borrower_id ?? '';
    expected.push(`credit.exposure_limit borrower ${overLimitBorrower} high`);
    const describe = (a: AlertRow) => `${a.type} ${a.subject_type} ${a.subject_id} ${a.severity}`;
    assert.deepEqual(raised.map(describe).sort(), expected.sort());
    // The hand-worked figures: 1 → 2 at 35 DPD; 1 → 3 at 95; 30 exactly is a crossing of 30.
    assert.deepEqual([now(toStage2).stage, now(toStage3).stage], [2, 3]);
    const migration = raised.find((a) => a.type === 'credit.stage_migration' && a.subject_id === toStage3);
    assert.deepEqual(JSON.parse(migration?.explanation ?? '{}').figures.slice(0, 2), [
      { name: 'stage', value: 3, previous: 1 },
      { name: 'dpd', value: 95, previous: 0, unit: 'days' },
    ]);
    const exposure = raised.find((a) => a.type === 'credit.exposure_limit');
    assert.deepEqual(JSON.parse(exposure?.explanation ?? '{}'), {
      key: 'credit.exposure_limit',
      figures: [
        { name: 'ead', value: LIMIT + 1, threshold: LIMIT, unit: 'CNY' },
        { name: 'loans', value: 1 },
      ],
    });
    assert.equal(count(`SELECT count(*) FROM alerts WHERE subject_id = ?`, candidates[4]?.borrower_id), 0, 'a borrower exactly at the limit is within it');

    // The same date again: nothing new, every alert of that run seen once more.
    const again = await run('2025-01-31');
    assert.deepEqual(again.alerts, { raised: 0, repeated: result.alerts.raised + result.alerts.repeated, casesOpened: 0 });
    assert.equal(count(`SELECT count(*) FROM alerts`), openBefore + raised.length);
  });

  it('a run that fails while emitting its alerts leaves no run, no rows and no alert changes', async () => {
    const before = { alerts: alerts(), runs: count('SELECT count(*) FROM runs'), rows: count('SELECT count(*) FROM credit_run_loans'), audit: count('SELECT count(*) FROM audit_events') };
    // Fails on the third open alert the run sees again, after two have been updated (a trigger in the workspace
    // itself: the worker writes through a connection of its own). A re-run of the last date repeats its six alerts.
    temp.db.exec(`
      CREATE TRIGGER fail_third_alert BEFORE UPDATE ON alerts
      WHEN (SELECT count(*) FROM alerts WHERE last_seen_at = NEW.last_seen_at) >= 2
      BEGIN SELECT RAISE(ABORT, 'injected failure'); END;
    `);
    try {
      await assert.rejects(run('2025-01-31'), (error: Error) => {
        assert.match(error.message, /injected failure/);
        return true;
      });
    } finally {
      temp.db.exec('DROP TRIGGER fail_third_alert');
    }
    assert.deepEqual(alerts(), before.alerts);
    assert.equal(count('SELECT count(*) FROM runs'), before.runs);
    assert.equal(count('SELECT count(*) FROM credit_run_loans'), before.rows);
    assert.equal(count('SELECT count(*) FROM audit_events'), before.audit);
  });
});
