// A fraud run through the real worker on a real encrypted workspace, on hand-built accounts and transactions
// (test-support/fraud-test-data.ts) whose features and decisions are worked out by hand here: what it flags and why, the period (history before it counts, only
// transactions in it are scored), its alerts grouped into cases by account and by ring, a re-run, and refusals that
// leave nothing behind.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import type { WriterSpec } from '../../store/write-connection.ts';
import { EnginePool } from '../../workers/pool.ts';
import { activateRuleSet, DAY1, DAY2, HAND_RULE_SET, insertHandTransactions } from '../../test-support/fraud-test-data.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { listFraudRuns, runFraud } from './fraud-run-service.ts';

/** A job's failure as the pool reports it: the worker's own error code is its cause. */
type JobFailure = Error & { code?: string; details?: { cause?: string } };

describe('a fraud run', () => {
  let temp: TempDatabase;
  let pool: EnginePool;
  let analyst: ServiceContext;
  let auditor: ServiceContext;
  let writer: WriterSpec;

  const rows = <T>(sql: string, ...params: unknown[]): T[] => temp.db.prepare(sql).all(...params) as T[];
  const count = (sql: string, ...params: unknown[]): number => temp.db.prepare(sql).pluck().get(...params) as number;
  const run = (period: { from?: string; to?: string } = {}) => runFraud(analyst, period, { writer });

  before(() => {
    temp = createTempDatabase('riskdesk-fraud-run-');
    insertHandTransactions(temp.db);
    pool = new EnginePool({ size: 1 });
    const now = () => new Date('2024-03-05T09:00:00Z');
    const as = (actor: Actor) => databaseContext(temp, actor, { now, pool });
    analyst = as({ username: 'ana', role: 'analyst' });
    auditor = as({ username: 'aud', role: 'auditor' });
    writer = { access: 'write', path: temp.path, key: temp.key };
  });

  after(async () => {
    await pool.close();
    temp.dispose();
  });

  it('refuses to run without an active rule set, and writes nothing', async () => {
    temp.db.prepare(`UPDATE fraud_rule_sets SET status = 'retired' WHERE status = 'active'`).run();
    await assert.rejects(run(), (error: JobFailure) => error.code === 'JOB_FAILED' && error.details?.cause === 'INVALID_STATE' && /No fraud rule set is active/.test(error.message));
    assert.equal(count('SELECT count(*) FROM runs'), 0);
  });

  it('refuses an auditor (no runs.start) before any worker starts', () => {
    assert.throws(() => runFraud(auditor, {}, { writer }), (error: RiskDeskError) => error.code === 'FORBIDDEN');
  });

  it('refuses a period that ends before it starts, naming it', () => {
    assert.throws(() => runFraud(analyst, { from: DAY2, to: DAY1 }, { writer }), (error: RiskDeskError) => error.code === 'VALIDATION' && /to/.test(error.message));
  });

  it('scores a period with the history before it: flags, actions, rings and what each rule read', async () => {
    const version = activateRuleSet(temp.db, HAND_RULE_SET);
    const result = await run({ from: DAY2, to: DAY2 });
    // T01 and T02 are before the period: read, not scored. T03: burst (3 in the hour, two of them on day 1) = 2,
    // review. T04: alone, 1 in the hour: nothing. T05: ring of 2 = 2, review. T06: ring, 2 in the hour = 2, review.
    // T07: ring and 3 in the hour = 4, block.
    assert.deepEqual(
      { transactions: result.transactions, flagged: result.flagged, review: result.review, block: result.block, flaggedMinor: result.flaggedMinor, version: result.ruleSetVersion },
      { transactions: 5, flagged: 4, review: 3, block: 1, flaggedMinor: 3_000 + 20_000 + 30_000 + 40_000, version },
    );
    const flags = rows<{ tx_id: string; action: string; score: number; ring_id: string | null; ring_size: number; fired: string }>(
      'SELECT tx_id, action, score, ring_id, ring_size, fired FROM fraud_run_flags WHERE run_id = ? ORDER BY tx_id',
      result.runId,
    );
    assert.deepEqual(
      flags.map((flag) => [flag.tx_id, flag.action, flag.score, flag.ring_id, flag.ring_size]),
      [
        ['T03', 'review', 2, null, 1],
        ['T05', 'review', 2, 'A1', 2],
        ['T06', 'review', 2, 'A1', 2],
        ['T07', 'block', 4, 'A1', 2],
      ],
    );
    assert.deepEqual(JSON.parse(flags[3]?.fired ?? '[]'), [
      { id: 'burst', score: 2, action: 'review', reads: { account_count_1h: 3 } },
      { id: 'shared-device', score: 2, action: 'review', reads: { ring_size: 2 } },
    ]);
  });

  it('turns each flag into an explained alert, filed by ring or by account', () => {
    const alerts = rows<{ subject_id: string; severity: string; explanation: string; artefacts: string }>(
      `SELECT subject_id, severity, explanation, artefacts FROM alerts WHERE type = 'fraud.transaction' ORDER BY subject_id`,
    );
    assert.deepEqual(alerts.map((alert) => [alert.subject_id, alert.severity]), [['T03', 'medium'], ['T05', 'medium'], ['T06', 'medium'], ['T07', 'high']]);
    const block = JSON.parse(alerts[3]?.explanation ?? '{}') as { rules: string[]; figures: { name: string; value: unknown; threshold?: number }[] };
    assert.deepEqual(block.rules, ['burst', 'shared-device']);
    assert.deepEqual(block.figures, [
      { name: 'score', value: 4, threshold: 4 },
      { name: 'amount', value: 40_000, unit: 'CNY' },
      { name: 'account_count_1h', value: 3 },
      { name: 'ring_size', value: 2 },
    ]);
    const cases = rows<{ group_key: string; alerts: string }>(
      `SELECT c.group_key, group_concat(a.subject_id, ',') AS alerts FROM cases c JOIN case_alerts ca USING (case_id) JOIN alerts a USING (alert_id)
       GROUP BY c.case_id ORDER BY c.group_key`,
    );
    assert.deepEqual(
      cases.map((c) => [c.group_key, c.alerts.split(',').sort().join(',')]),
      [['account:A3', 'T03'], ['ring:A1', 'T05,T06,T07']],
    );
  });

  it('a re-run sees the same alerts again: no new alert, no new case; both runs are listed', async () => {
    const second = await run({ from: DAY2, to: DAY2 });
    assert.equal(second.alerts.raised, 0);
    assert.equal(second.alerts.repeated, 4);
    assert.equal(second.alerts.casesOpened, 0);
    assert.equal(count(`SELECT count(*) FROM alerts WHERE occurrences = 2`), 4);
    assert.deepEqual(listFraudRuns(analyst).map((r) => r.runId), [second.runId, second.runId - 1]);
    const audit = rows<{ action: string; subject: string }>(`SELECT action, subject FROM audit_events WHERE action = 'fraud.run' ORDER BY seq`);
    assert.deepEqual(audit.map((event) => event.subject), [`fraud run ${second.runId - 1}`, `fraud run ${second.runId}`]);
  });

  it('a rule set that no longer compiles is refused before anything is written', async () => {
    const runs = count('SELECT count(*) FROM runs');
    activateRuleSet(temp.db, { ...HAND_RULE_SET, rules: [{ ...HAND_RULE_SET.rules[0], expression: 'no_such_feature > 1' }] });
    await assert.rejects(run(), (error: JobFailure) => error.code === 'JOB_FAILED' && error.details?.cause === 'INVALID_STATE' && /no_such_feature/.test(error.message));
    assert.equal(count('SELECT count(*) FROM runs'), runs);
  });
});
