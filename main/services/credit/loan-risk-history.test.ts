// A loan's risk over time (credit.loanRiskHistory): two credit runs through the real worker on a real encrypted
// workspace (the small demo portfolio), a loan pushed past due between them, its history checked against the rows of
// credit_run_loans read directly, and the store's statement checked to probe, never scan, credit_run_loans.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateDemo } from '../../demo/generate-demo.ts';
import { loanRunHistory } from '../../store/credit-runs.ts';
import { activateTestModel } from '../../test-support/active-test-model.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import type { WriterSpec } from '../../store/write-connection.ts';
import { EnginePool } from '../../workers/pool.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { seedShippedDefaults } from '../shipped-defaults.ts';
import { SHIPPED_DEFAULTS } from '../workspace-service.ts';
import { runCreditPortfolio } from './credit-jobs-service.ts';
import { loanRiskHistory } from './run-results-service.ts';

interface StoredRow {
  run_id: number;
  as_of: string;
  pd_12m: number;
  grade: string;
  stage: number;
  dpd: number | null;
}

describe('a loan’s risk over the credit runs', () => {
  let temp: TempDatabase;
  let pool: EnginePool;
  let analyst: ServiceContext;
  let auditor: ServiceContext;
  let loanId = '';
  const runIds: number[] = [];

  before(async () => {
    temp = createTempDatabase('riskdesk-loan-history-');
    seedShippedDefaults(temp.db, new Date('2025-01-01T00:00:00Z'), SHIPPED_DEFAULTS);
    generateDemo(temp.db, { scale: 'small', seed: 5, asOf: '2024-12-31' });
    pool = new EnginePool({ size: 1 });
    const now = () => new Date('2025-02-05T09:00:00Z');
    const as = (actor: Actor) => databaseContext(temp, actor, { now, pool });
    analyst = as({ username: 'ana', role: 'analyst' });
    auditor = as({ username: 'aud', role: 'auditor' });
    await activateTestModel(analyst, as({ username: 'cole', role: 'compliance' }), 'history test');
    const writer: WriterSpec = { access: 'write', path: temp.path, key: temp.key };
    // The later date first: the history is in as-of order, not in run order.
    runIds.push((await runCreditPortfolio(analyst, { asOf: '2024-12-31' }, { writer })).runId);
    loanId = temp.db.prepare(`SELECT loan_id FROM credit_run_loans WHERE run_id = ? AND stage = 1 AND dpd = 0 ORDER BY loan_id LIMIT 1`).pluck().get(runIds[0]) as string;
    temp.db.prepare('UPDATE loans SET dpd = 65 WHERE loan_id = ?').run(loanId);
    runIds.push((await runCreditPortfolio(analyst, { asOf: '2025-01-31' }, { writer })).runId);
    runIds.push((await runCreditPortfolio(analyst, { asOf: '2024-11-30' }, { writer })).runId);
  });

  after(async () => {
    await pool.close();
    temp.dispose();
  });

  const stored = (id: string): StoredRow[] =>
    temp.db
      .prepare(
        `SELECT c.run_id, r.as_of, c.pd_12m, c.grade, c.stage, c.dpd FROM credit_run_loans c JOIN runs r USING (run_id)
         WHERE c.loan_id = ? ORDER BY r.as_of, c.run_id`,
      )
      .all(id) as StoredRow[];

  it('gives each finished run’s as-of, PD, grade, stage and DPD, as credit_run_loans holds them, in as-of order', () => {
    const rows = stored(loanId);
    assert.equal(rows.length, 3);
    assert.deepEqual(
      rows.map((row) => row.as_of),
      ['2024-11-30', '2024-12-31', '2025-01-31'],
    );
    const history = loanRiskHistory(auditor, loanId);
    assert.deepEqual(
      history,
      rows.map((row) => ({ runId: row.run_id, asOf: row.as_of, pd12m: row.pd_12m, grade: row.grade, stage: String(row.stage), dpd: row.dpd })),
    );
    // The loan pushed to 65 days past due: its last point says so, and its PD rose with it.
    const [, december, january] = history;
    assert.equal(january?.dpd, 65);
    assert.equal(january?.stage, '2');
    assert.ok((january?.pd12m ?? 0) > (december?.pd12m ?? 1));
  });

  it('is empty for a loan no run scored', () => {
    assert.deepEqual(loanRiskHistory(analyst, 'no-such-loan'), []);
  });

  it('walks runs and probes credit_run_loans by its primary key, never scanning it', () => {
    const prepare = temp.db.prepare.bind(temp.db);
    let sql = '';
    temp.db.prepare = ((text: string) => prepare((sql = text))) as typeof temp.db.prepare;
    try {
      loanRunHistory(temp.db, loanId);
    } finally {
      temp.db.prepare = prepare;
    }
    const plan = (temp.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(loanId) as { detail: string }[]).map((step) => step.detail);
    assert.ok(plan.some((step) => /^SCAN r\b/.test(step)), plan.join('; '));
    assert.ok(plan.some((step) => /^SEARCH c USING PRIMARY KEY \(run_id=\? AND loan_id=\?\)/.test(step)), plan.join('; '));
    assert.ok(!plan.some((step) => /^SCAN c\b/.test(step)), plan.join('; '));
  });
});
