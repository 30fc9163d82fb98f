import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { GridQuery } from '../../preload/contract/grid.ts';
import { insertFraudRun, insertRuleSet, insertTransactions, TEST_RULE_SET, type TestFlag } from '../test-support/fraud-run-rows.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { FRAUD_ALERT_GRID, fraudDays, fraudTransactionDetail, latestFraudRun } from './fraud-views.ts';
import { countRows, pageRows, viewKeys } from './grid-sql.ts';

const query = (q: Partial<GridQuery> = {}): GridQuery => ({ startRow: 0, endRow: 100, sortModel: [], filterModel: {}, ...q });

const fired = (id: string, score: number, reads: Record<string, unknown>) => ({ id, score, action: id === 'new_device_large' ? ('block' as const) : ('review' as const), reads });

/** Twelve transactions of A1 a minute apart on 2024-12-30 and 31, and one of A2; the rule set's version. */
function seed(db: TempDatabase['db']): number {
  insertTransactions(db, [
    ...Array.from({ length: 12 }, (_, i) => ({
      txId: `T${String(i + 1).padStart(2, '0')}`,
      accountId: 'A1',
      ts: `2024-12-${i < 6 ? '30' : '31'}T10:${String(i).padStart(2, '0')}:00.000Z`,
      amountMinor: 1_000 * (i + 1),
      device: 'D1',
      ip: '10.0.0.1',
    })),
    { txId: 'T99', accountId: 'A2', ts: '2024-12-31T09:00:00.000Z', amountMinor: 50_000, device: 'D2', ip: '10.0.0.2' },
  ]);
  return insertRuleSet(db);
}

describe('the fraud alerts grid', () => {
  let temp: TempDatabase;
  let v1: number;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-fraud-views-');
    v1 = seed(temp.db);
  });
  afterEach(() => temp.dispose());

  it('is empty before the first fraud run', () => {
    assert.equal(countRows(temp.db, FRAUD_ALERT_GRID, {}), 0);
    assert.equal(latestFraudRun(temp.db), undefined);
  });

  it("holds the latest finished run's flags only, each with its rules, alert and case", () => {
    const { db } = temp;
    insertFraudRun(db, { ruleSet: v1, asOf: '2024-12-30', flags: [{ txId: 'T01', score: 40, action: 'review', fired: [fired('velocity_burst', 40, { 'account.count_10m': 6 })] }] });
    const flags: TestFlag[] = [
      { txId: 'T03', score: 40, action: 'review', fired: [fired('velocity_burst', 40, { 'account.count_10m': 5 })] },
      { txId: 'T07', score: 90, action: 'block', ringId: 'A1', ringSize: 2, fired: [fired('velocity_burst', 40, {}), fired('new_device_large', 50, {})] },
      { txId: 'T99', score: 50, action: 'review', fired: [fired('new_device_large', 50, {})] },
    ];
    const latest = insertFraudRun(db, { ruleSet: v1, asOf: '2024-12-31', flags });
    // A running run (another one in progress) is not the latest finished one.
    db.prepare(`INSERT INTO runs (engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals) VALUES ('fraud', '2025-01-01', '{}', 'ana', 'x', 'running', NULL, NULL, 'null')`).run();

    const rows = pageRows<Record<string, unknown>>(db, FRAUD_ALERT_GRID, query());
    assert.deepEqual(
      rows.map((row) => row.tx_id),
      ['T03', 'T07', 'T99'],
    );
    const t07 = rows[1] ?? {};
    assert.equal(t07.rules, '["velocity_burst","new_device_large"]');
    assert.deepEqual([t07.account_id, t07.amount_minor, t07.currency, t07.action, t07.ring_id, t07.ring_size, t07.alert_status], ['A1', 7_000, 'CNY', 'block', 'A1', 2, 'open']);
    // Each row names the alert the latest run's flag became and the case that alert is in (case-filing.ts decides which).
    for (const row of rows) {
      const alert = db.prepare(`SELECT alert_id, last_run_id FROM alerts WHERE type = 'fraud.transaction' AND subject_id = ?`).get(row.tx_id) as { alert_id: number; last_run_id: number };
      assert.equal(alert.last_run_id, latest);
      assert.equal(row.alert_id, alert.alert_id);
      assert.equal(row.case_id, db.prepare('SELECT case_id FROM case_alerts WHERE alert_id = ?').pluck().get(alert.alert_id));
    }
  });

  it('sorts (blocks first on a descending action sort), filters (a rule inside the fired list, a day, a case) and pages in SQL', () => {
    const { db } = temp;
    const flags: TestFlag[] = Array.from({ length: 12 }, (_, i) => ({
      txId: `T${String(i + 1).padStart(2, '0')}`,
      score: 30 + i,
      action: i % 4 === 0 ? ('block' as const) : ('review' as const),
      fired: i % 2 === 0 ? [fired('velocity_burst', 30, {})] : [fired('new_device_large', 30 + i, {})],
    }));
    insertFraudRun(db, { ruleSet: v1, asOf: '2024-12-31', flags });

    const byScore = pageRows<{ tx_id: string }>(db, FRAUD_ALERT_GRID, query({ startRow: 2, endRow: 5, sortModel: [{ colId: 'score', sort: 'desc' }] }));
    assert.deepEqual(byScore.map((row) => row.tx_id), ['T10', 'T09', 'T08']);
    const blocksFirst = viewKeys(db, FRAUD_ALERT_GRID, {}, [{ colId: 'action', sort: 'desc' }]);
    assert.deepEqual(blocksFirst.slice(0, 3), ['T09', 'T05', 'T01']);

    assert.equal(countRows(db, FRAUD_ALERT_GRID, { rules: { filterType: 'text', type: 'contains', filter: 'new_device' } }), 6);
    assert.equal(countRows(db, FRAUD_ALERT_GRID, { ts: { filterType: 'date', type: 'equals', dateFrom: '2024-12-30 00:00:00' } }), 6);
    assert.equal(countRows(db, FRAUD_ALERT_GRID, { action: { filterType: 'set', values: ['block'] }, score: { filterType: 'number', type: 'greaterThan', filter: 33 } }), 2);
    const caseId = db.prepare('SELECT min(case_id) FROM case_alerts').pluck().get() as number;
    const inCase = db.prepare('SELECT count(*) FROM case_alerts WHERE case_id = ?').pluck().get(caseId) as number;
    assert.equal(countRows(db, FRAUD_ALERT_GRID, { case_id: { filterType: 'number', type: 'equals', filter: caseId } }), inCase);
    assert.equal(countRows(db, FRAUD_ALERT_GRID, { alert_status: { filterType: 'set', values: ['closed'] } }), 0);
  });
});

describe("a transaction's explanation", () => {
  let temp: TempDatabase;
  let v1: number;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-fraud-explain-');
    v1 = seed(temp.db);
  });
  afterEach(() => temp.dispose());

  it('is the transaction alone, unmarked history and no decision, when no run flagged it', () => {
    const detail = fraudTransactionDetail(temp.db, 'T99');
    assert.equal(detail?.transaction.accountId, 'A2');
    assert.equal(detail?.decision, null);
    assert.deepEqual(detail?.history, [{ txId: 'T99', ts: '2024-12-31T09:00:00.000Z', amountMinor: 50_000, currency: 'CNY', action: null }]);
    assert.equal(fraudTransactionDetail(temp.db, 'T404'), undefined);
  });

  it("assembles each fired rule's description and expression from the run's rule set version, with the values it read, in fired order", () => {
    const { db } = temp;
    const second = { ...TEST_RULE_SET, thresholds: { review: 35, block: 85 } };
    const v2 = insertRuleSet(db, second);
    insertFraudRun(db, { ruleSet: v1, asOf: '2024-12-30', flags: [{ txId: 'T05', score: 40, action: 'review', fired: [fired('velocity_burst', 40, { 'account.count_10m': 5 })] }] });
    const reads = { 'device.first_use': true, 'tx.amount_z': 4.2 };
    const latest = insertFraudRun(db, {
      ruleSet: v2,
      asOf: '2024-12-31',
      flags: [
        { txId: 'T05', score: 90, action: 'block', ringId: 'A1', ringSize: 3, fired: [fired('velocity_burst', 40, { 'account.count_10m': 7 }), fired('new_device_large', 50, reads)] },
        { txId: 'T06', score: 40, action: 'review', fired: [fired('velocity_burst', 40, {})] },
      ],
    });
    const detail = fraudTransactionDetail(db, 'T05');
    assert.deepEqual(detail?.decision, {
      runId: latest,
      asOf: '2024-12-31',
      ruleSetVersion: v2,
      score: 90,
      action: 'block',
      thresholds: { review: 35, block: 85 },
      ringId: 'A1',
      ringSize: 3,
      rules: [
        { id: 'velocity_burst', description: 'Many payments in ten minutes', expression: 'account.count_10m >= 5', score: 40, action: 'review', reads: { 'account.count_10m': 7 } },
        { id: 'new_device_large', description: 'A large payment from a new device', expression: 'device.first_use && tx.amount_z > 3.0', score: 50, action: 'block', reads },
      ],
    });
  });

  it("keeps the account's history around the transaction, oldest first, marked by the decision's run", () => {
    const { db } = temp;
    // T01 is the account's first: itself and the 10 after it.
    insertFraudRun(db, { ruleSet: v1, asOf: '2024-12-31', flags: [{ txId: 'T02', score: 90, action: 'block', fired: [] }, { txId: 'T01', score: 40, action: 'review', fired: [] }] });
    const history = fraudTransactionDetail(db, 'T01')?.history ?? [];
    assert.deepEqual(
      history.map((point) => point.txId),
      ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10', 'T11'],
    );
    assert.deepEqual(
      history.slice(0, 3).map((point) => point.action),
      ['review', 'block', null],
    );
    // Same instant: the tx id breaks the tie, on both sides of the one opened.
    insertTransactions(db, [
      { txId: 'T12a', accountId: 'A1', ts: '2024-12-31T10:11:00.000Z' },
      { txId: 'T11a', accountId: 'A1', ts: '2024-12-31T10:10:00.000Z' },
    ]);
    assert.deepEqual(
      (fraudTransactionDetail(db, 'T11')?.history ?? []).slice(-4).map((point) => point.txId),
      ['T11', 'T11a', 'T12', 'T12a'],
    );
  });

  it("names no thresholds or descriptions when the run's rule set version is not there", () => {
    const { db } = temp;
    insertFraudRun(db, { ruleSet: 999, asOf: '2024-12-31', flags: [{ txId: 'T02', score: 40, action: 'review', fired: [fired('velocity_burst', 40, {})] }] });
    const decision = fraudTransactionDetail(db, 'T02')?.decision;
    assert.equal(decision?.thresholds, null);
    assert.deepEqual(decision?.rules.map((rule) => [rule.description, rule.expression]), [[null, null]]);
  });
});

describe("the run's flags per day", () => {
  it('counts reviews and blocks and sums the money flagged per day and currency', () => {
    const temp = createTempDatabase('riskdesk-fraud-days-');
    try {
      const v1 = seed(temp.db);
      const runId = insertFraudRun(temp.db, {
        ruleSet: v1,
        asOf: '2024-12-31',
        flags: [
          { txId: 'T01', score: 40, action: 'review', fired: [] },
          { txId: 'T02', score: 90, action: 'block', fired: [] },
          { txId: 'T08', score: 90, action: 'block', fired: [] },
          { txId: 'T99', score: 40, action: 'review', fired: [] },
        ],
      });
      assert.deepEqual(latestFraudRun(temp.db), { runId, asOf: '2024-12-31', finishedAt: '2024-12-31T23:00:00.000Z', ruleSetVersion: v1 });
      assert.deepEqual(fraudDays(temp.db, runId), [
        { day: '2024-12-30', currency: 'CNY', review: 1, block: 1, amountMinor: 3_000 },
        { day: '2024-12-31', currency: 'CNY', review: 1, block: 1, amountMinor: 58_000 },
      ]);
    } finally {
      temp.dispose();
    }
  });
});
