// A credit run is all or nothing: cancelled half-way (its worker terminated mid-transaction), it leaves no run,
// no result rows and no audit event, and the workspace takes the next run at once. Real worker threads on a
// real encrypted workspace with the small demo portfolio.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateDemo } from '../../demo/generate-demo.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import type { WriterSpec } from '../../store/write-connection.ts';
import { EnginePool } from '../../workers/pool.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { activateTestModel } from '../../test-support/active-test-model.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { runCreditPortfolio } from './credit-jobs-service.ts';
import { seedShippedDefaults } from '../shipped-defaults.ts';
import { SHIPPED_DEFAULTS } from '../workspace-service.ts';

function contextOf(temp: TempDatabase, actor: Actor, pool: EnginePool): ServiceContext {
  return databaseContext(temp, actor, { now: () => new Date('2025-01-05T09:00:00Z'), pool });
}

const count = (temp: TempDatabase, sql: string): number => temp.db.prepare(sql).pluck().get() as number;

describe('a credit run', () => {
  let temp: TempDatabase;
  let pool: EnginePool;
  let analyst: ServiceContext;
  let writer: WriterSpec;

  before(async () => {
    temp = createTempDatabase('riskdesk-credit-run-');
    seedShippedDefaults(temp.db, new Date('2025-01-01T00:00:00Z'), SHIPPED_DEFAULTS);
    generateDemo(temp.db, { scale: 'small', seed: 3, asOf: '2024-12-31' });
    pool = new EnginePool({ size: 1 });
    analyst = contextOf(temp, { username: 'ana', role: 'analyst' }, pool);
    writer = { access: 'write', path: temp.path, key: temp.key };
    const compliance = contextOf(temp, { username: 'cole', role: 'compliance' }, pool);
    await activateTestModel(analyst, compliance, 'run test');
  });

  after(async () => {
    await pool.close();
    temp.dispose();
  });

  it('cancelled after its first batches leaves nothing, and the next run completes', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const cancelled = runCreditPortfolio(analyst, { batchSize: 50 }, {
      writer,
      signal: controller.signal,
      onProgress: ({ done, phase }) => {
        if (phase !== 'scoring loans') return;
        seen.push(done);
        if (done >= 200) controller.abort();
      },
    });
    await assert.rejects(cancelled, (error: Error & { code?: string }) => error.code === 'JOB_CANCELLED');
    assert.ok(seen.some((done) => done >= 200), 'rows were being written when it was cancelled');
    assert.equal(count(temp, 'SELECT count(*) FROM runs'), 0);
    assert.equal(count(temp, 'SELECT count(*) FROM credit_run_loans'), 0);
    assert.equal(count(temp, `SELECT count(*) FROM audit_events WHERE action = 'credit.run'`), 0);

    const run = await runCreditPortfolio(analyst, {}, { writer });
    assert.equal(run.runId, 1, 'the cancelled run took no id');
    assert.equal(count(temp, 'SELECT count(*) FROM credit_run_loans WHERE run_id = 1'), run.totals.loans);
    assert.equal(count(temp, `SELECT count(*) FROM audit_events WHERE action = 'credit.run'`), 1);
  });

  it('gives every loan the same figures whatever the batch size', async () => {
    const small = await runCreditPortfolio(analyst, { batchSize: 7 }, { writer });
    const large = await runCreditPortfolio(analyst, { batchSize: 5_000 }, { writer });
    const rows = (runId: number): unknown[] =>
      temp.db.prepare('SELECT loan_id, score, pd_12m, grade, stage, ead_minor, ecl_minor FROM credit_run_loans WHERE run_id = ? ORDER BY loan_id').raw(true).all(runId);
    assert.deepEqual(rows(small.runId), rows(large.runId));
    assert.deepEqual(small.totals, large.totals);
  });

  it('refuses to run on a damaged parameter set instead of storing NaN', async () => {
    const runs = count(temp, 'SELECT count(*) FROM runs');
    const original = temp.db.prepare('SELECT parameters FROM credit_parameter_sets WHERE version = 1').pluck().get() as string;
    const damaged = JSON.parse(original) as Record<string, unknown>;
    delete damaged.dpdOddsMultiplier;
    temp.db.prepare('UPDATE credit_parameter_sets SET parameters = ? WHERE version = 1').run(JSON.stringify(damaged));
    try {
      await assert.rejects(runCreditPortfolio(analyst, {}, { writer }), (error: Error & { details?: { cause?: string } }) => {
        assert.match(error.message, /The active IFRS 9 parameter set v1 is not valid \(dpdOddsMultiplier: /);
        assert.equal(error.details?.cause, 'INVALID_STATE');
        return true;
      });
      assert.equal(count(temp, 'SELECT count(*) FROM runs'), runs);
    } finally {
      temp.db.prepare('UPDATE credit_parameter_sets SET parameters = ? WHERE version = 1').run(original);
    }
  });
});
