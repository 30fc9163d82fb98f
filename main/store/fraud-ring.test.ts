import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { insertFraudRun, insertRuleSet, insertTransactions, type TestTransaction } from '../test-support/fraud-run-rows.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { ringAround } from './fraud-ring.ts';

/**
 * A1 and A2 share device D1; A2 and A3 share IP 10.0.0.9; A4 is on its own (device D4, no IP). Beyond A3, a chain
 * A3 – D5 – A5 – D6 – A6 … to test the cap.
 */
const TRANSACTIONS: TestTransaction[] = [
  { txId: 'T1', accountId: 'A1', ts: '2024-12-31T10:00:00.000Z', device: 'D1', ip: '10.0.0.1' },
  { txId: 'T2', accountId: 'A1', ts: '2024-12-31T10:05:00.000Z', device: 'D1', ip: '10.0.0.1' },
  { txId: 'T3', accountId: 'A2', ts: '2024-12-31T11:00:00.000Z', device: 'D1', ip: '10.0.0.9' },
  { txId: 'T4', accountId: 'A3', ts: '2024-12-31T12:00:00.000Z', device: 'D3', ip: '10.0.0.9' },
  { txId: 'T5', accountId: 'A4', ts: '2024-12-31T13:00:00.000Z', device: 'D4', ip: null },
  { txId: 'T6', accountId: 'A3', ts: '2024-12-31T14:00:00.000Z', device: 'D5', ip: null },
  { txId: 'T7', accountId: 'A5', ts: '2024-12-31T15:00:00.000Z', device: 'D5', ip: null },
  { txId: 'T8', accountId: 'A5', ts: '2024-12-31T16:00:00.000Z', device: 'D6', ip: null },
  { txId: 'T9', accountId: 'A6', ts: '2024-12-31T17:00:00.000Z', device: 'D6', ip: null },
];

describe('the ring around an account', () => {
  let temp: TempDatabase;
  let ruleSet: number;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-fraud-ring-');
    insertTransactions(temp.db, TRANSACTIONS);
    ruleSet = insertRuleSet(temp.db);
  });
  afterEach(() => temp.dispose());

  it('walks shared devices and IPs breadth first, nearest first, with every account–device and account–IP edge', () => {
    const ring = ringAround(temp.db, 'A1');
    assert.equal(ring?.truncated, false);
    assert.deepEqual(
      ring?.nodes.map((node) => node.key),
      ['account:A1', 'device:D1', 'ip:10.0.0.1', 'account:A2', 'ip:10.0.0.9', 'account:A3', 'device:D3', 'device:D5', 'account:A5', 'device:D6', 'account:A6'],
    );
    assert.deepEqual(
      ring?.edges.filter((edge) => edge.source === 'account:A1' || edge.source === 'account:A2'),
      [
        { source: 'account:A1', target: 'device:D1', transactions: 2, flagged: false },
        { source: 'account:A1', target: 'ip:10.0.0.1', transactions: 2, flagged: false },
        { source: 'account:A2', target: 'device:D1', transactions: 1, flagged: false },
        { source: 'account:A2', target: 'ip:10.0.0.9', transactions: 1, flagged: false },
      ],
    );
    assert.deepEqual(ringAround(temp.db, 'A4')?.nodes.map((node) => node.key), ['account:A4', 'device:D4']);
    assert.equal(ringAround(temp.db, 'A404'), undefined);
  });

  it('stops at the node cap and says so, keeping the edges among the nodes it shows', () => {
    const ring = ringAround(temp.db, 'A1', 5);
    assert.equal(ring?.truncated, true);
    assert.deepEqual(ring?.nodes.map((node) => node.key), ['account:A1', 'device:D1', 'ip:10.0.0.1', 'account:A2', 'ip:10.0.0.9']);
    assert.ok(ring?.edges.every((edge) => ring.nodes.some((node) => node.key === edge.source) && ring.nodes.some((node) => node.key === edge.target)));
    assert.equal(ring?.edges.length, 4);
    // Exactly the whole ring fits: nothing was left out.
    assert.equal(ringAround(temp.db, 'A4', 2)?.truncated, false);
  });

  it("marks the latest run's flagged accounts (with their latest flagged transaction), and the devices and IPs their flagged transactions used", () => {
    const { db } = temp;
    insertFraudRun(db, { ruleSet, asOf: '2024-12-30', flags: [{ txId: 'T3', score: 40, action: 'review', fired: [] }] });
    insertFraudRun(db, {
      ruleSet,
      asOf: '2024-12-31',
      flags: [
        { txId: 'T1', score: 40, action: 'review', fired: [] },
        { txId: 'T2', score: 90, action: 'block', fired: [] },
      ],
    });
    const ring = ringAround(db, 'A2');
    const node = (key: string) => ring?.nodes.find((n) => n.key === key);
    assert.deepEqual(node('account:A1'), { key: 'account:A1', kind: 'account', id: 'A1', flagged: true, flaggedTxId: 'T2' });
    // A2 was flagged by the run before, not by the latest.
    assert.deepEqual([node('account:A2')?.flagged, node('account:A2')?.flaggedTxId], [false, null]);
    assert.deepEqual([node('device:D1')?.flagged, node('ip:10.0.0.1')?.flagged, node('ip:10.0.0.9')?.flagged], [true, true, false]);
    assert.deepEqual(
      ring?.edges.filter((edge) => edge.flagged).map((edge) => `${edge.source}-${edge.target}`),
      ['account:A1-device:D1', 'account:A1-ip:10.0.0.1'],
    );
  });
});
