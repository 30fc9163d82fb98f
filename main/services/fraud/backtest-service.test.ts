// A backtest through the real worker on a real encrypted workspace holding the hand-built transactions of
// test-support/fraud-test-data.ts: a draft that drops the shared-device rule, against the active hand rule set, with
// truth from imported labels and from a case closed as confirmed fraud. What each version flags is worked out in
// fraud-run.test.ts; the rest follows by hand below.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RiskDeskError } from '../../../preload/contract/errors.ts';
import { activateRuleSet, DAY2, HAND_RULE_SET, insertHandTransactions } from '../../test-support/fraud-test-data.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import { EnginePool } from '../../workers/pool.ts';
import type { Actor, ServiceContext } from '../context.ts';
import type { Write } from '../context.ts';
import { backtestRuleSet, listRuleSetBacktests, ruleSetBacktest } from './backtest-service.ts';
import { runFraud } from './fraud-run-service.ts';

type JobFailure = Error & { code?: string; details?: { cause?: string } };

const direct: Write = (change) => Promise.resolve(change());

describe('a rule set backtest', () => {
  let temp: TempDatabase;
  let pool: EnginePool;
  let compliance: ServiceContext;
  let auditor: ServiceContext;
  let activeVersion = 0;
  let draftVersion = 0;

  before(async () => {
    temp = createTempDatabase('riskdesk-fraud-backtest-');
    insertHandTransactions(temp.db);
    activeVersion = activateRuleSet(temp.db, HAND_RULE_SET);
    pool = new EnginePool({ size: 1 });
    const now = () => new Date('2024-03-05T09:00:00Z');
    const as = (actor: Actor) => databaseContext(temp, actor, { now, pool });
    compliance = as({ username: 'cole', role: 'compliance' });
    auditor = as({ username: 'aud', role: 'auditor' });
    await runFraud(as({ username: 'ana', role: 'analyst' }), { from: DAY2, to: DAY2 }, { writer: { access: 'write', path: temp.path, key: temp.key } });
    // T07 is a chargeback, T05 was reviewed as genuine; A3's case (T03) is closed as confirmed fraud.
    temp.db.exec(`INSERT INTO labels (subject_type, subject_id, label, source) VALUES ('transaction', 'T07', 'fraud', 'chargeback'), ('transaction', 'T05', 'legit', 'review')`);
    temp.db
      .prepare(
        `UPDATE cases SET status = 'closed', disposition = 'confirmed_fraud', proposed_by = 'ana', proposed_at = 't', closed_by = 'cole', closed_at = 't'
         WHERE group_key = 'account:A3'`,
      )
      .run();
    draftVersion = (temp.db.prepare('SELECT max(version) + 1 FROM fraud_rule_sets').pluck().get() as number);
    const draft = { ...HAND_RULE_SET, rules: HAND_RULE_SET.rules.map((rule) => (rule.id === 'shared-device' ? { ...rule, enabled: false } : rule)) };
    temp.db.prepare(`INSERT INTO fraud_rule_sets (version, note, status, created_by, created_at, document) VALUES (?, 'no ring rule', 'draft', 'cole', 't', ?)`).run(draftVersion, JSON.stringify(draft));
  });

  after(async () => {
    await pool.close();
    temp.dispose();
  });

  it('tests a draft beside the active version: precision and recall of each, rules, and what it would lose', async () => {
    const stored = await backtestRuleSet(compliance, { version: draftVersion, from: DAY2, to: DAY2 }, {}, direct);
    const { result } = stored;
    assert.equal(result.baselineVersion, activeVersion);
    assert.equal(result.transactions, 5);
    assert.deepEqual(result.labels, { fraud: 2, legit: 1, fromCases: 1 });
    // The draft flags T03 and T07 (burst), both fraud; the active set also T05 (legit) and T06 (unlabelled).
    assert.deepEqual(result.candidate, { flagged: 2, review: 2, block: 0, flaggedMinor: 43_000, truePositives: 2, precision: 1, recall: 1 });
    assert.deepEqual(result.baseline, { flagged: 4, review: 3, block: 1, flaggedMinor: 93_000, truePositives: 2, precision: 0.5, recall: 1 });
    assert.deepEqual(result.rules, [{ id: 'burst', hits: 2, fraudHits: 2, hitMinor: 43_000, precision: 1, marginal: { flagged: 2, fraud: 2 } }]);
    assert.deepEqual(result.diff?.gained, { count: 0, fraud: 0, examples: [] });
    assert.deepEqual(
      result.diff?.lost.examples.map((e) => [e.txId, e.action, e.rules, e.fraud]),
      [
        ['T05', 'review', ['shared-device'], false],
        ['T06', 'review', ['shared-device'], false],
      ],
    );
  });

  it('is stored with the versions compared and audited', () => {
    const [latest] = listRuleSetBacktests(compliance, draftVersion);
    assert.ok(latest);
    assert.equal(latest.startedBy, 'cole');
    assert.deepEqual(ruleSetBacktest(compliance, latest.backtestId), latest);
    assert.deepEqual(listRuleSetBacktests(compliance, activeVersion), []);
    const event = temp.db.prepare(`SELECT subject, details FROM audit_events WHERE action = 'fraud.rules.backtest'`).get() as { subject: string; details: string };
    assert.equal(event.subject, `fraud rule set v${draftVersion}`);
    assert.deepEqual(JSON.parse(event.details), {
      backtestId: latest.backtestId, version: draftVersion, baselineVersion: activeVersion, from: DAY2, to: DAY2, transactions: 5, flagged: 2, precision: 1, recall: 1,
    });
  });

  it('refuses an auditor, a version that is not there, and a period backwards, storing nothing', async () => {
    const before = listRuleSetBacktests(compliance, null).length;
    await assert.rejects(backtestRuleSet(auditor, { version: draftVersion }, {}, direct), (error: RiskDeskError) => error.code === 'FORBIDDEN');
    await assert.rejects(backtestRuleSet(compliance, { version: 99 }, {}, direct), (error: JobFailure) => error.code === 'JOB_FAILED' && error.details?.cause === 'NOT_FOUND' && /v99/.test(error.message));
    await assert.rejects(backtestRuleSet(compliance, { version: draftVersion, from: DAY2, to: '2024-03-01' }, {}, direct), (error: RiskDeskError) => error.code === 'VALIDATION');
    assert.throws(() => ruleSetBacktest(compliance, 404), (error: RiskDeskError) => error.code === 'NOT_FOUND');
    assert.equal(listRuleSetBacktests(compliance, null).length, before);
  });
});
