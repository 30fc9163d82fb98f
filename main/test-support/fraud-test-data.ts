import type { StoredBacktest } from '../../preload/contract/fraud-backtests.ts';
import type { Db } from '../store/database.ts';
import { insertBacktest } from '../store/fraud-backtests.ts';

/**
 * Hand-built accounts, transactions and a rule set whose features and decisions are worked out by hand (in
 * main/services/fraud/fraud-run.test.ts), shared by the tests of fraud runs, their CLI and streaming decisions.
 */
export const HAND_RULE_SET = {
  rules: [
    { id: 'burst', description: 'Three or more payments from one account within an hour', expression: 'account_count_1h >= 3', score: 2, action: 'review', enabled: true },
    { id: 'shared-device', description: 'An account connected to others through devices or IPs', expression: 'ring_size >= 2', score: 2, action: 'review', enabled: true },
    { id: 'disabled', description: 'Never fires: disabled', expression: 'amount > 0', score: 10, action: 'block', enabled: false },
  ],
  thresholds: { review: 2, block: 4 },
};

export const DAY1 = '2024-03-01';
export const DAY2 = '2024-03-02';

/** [tx_id, account, ts, amount minor, device, ip] */
const TRANSACTIONS: readonly [string, string, string, number, string, string][] = [
  // A3 alone: two payments late on day 1, a third 20 minutes later on day 2 (the third in an hour: burst).
  ['T01', 'A3', `${DAY1}T23:45:00.000Z`, 1_000, 'D3', 'I3'],
  ['T02', 'A3', `${DAY1}T23:50:00.000Z`, 2_000, 'D3', 'I3'],
  ['T03', 'A3', `${DAY2}T00:10:00.000Z`, 3_000, 'D3', 'I3'],
  // A1 on D1, then A2 on D1: a ring of two from T05 on (shared-device); A1's third payment within the hour is a
  // burst in a ring: 2 + 2 = 4, a block.
  ['T04', 'A1', `${DAY2}T08:00:00.000Z`, 10_000, 'D1', 'I1'],
  ['T05', 'A2', `${DAY2}T08:05:00.000Z`, 20_000, 'D1', 'I2'],
  ['T06', 'A1', `${DAY2}T08:10:00.000Z`, 30_000, 'D1', 'I1'],
  ['T07', 'A1', `${DAY2}T08:20:00.000Z`, 40_000, 'D1', 'I1'],
];

/** Accounts A1–A3 and transactions T01–T07 (CNY). */
export function insertHandTransactions(db: Db): void {
  db.exec(`
    INSERT INTO accounts (account_id, opened_at, country) VALUES
      ('A1', '2023-01-01T00:00:00.000Z', 'CN'), ('A2', '2023-01-01T00:00:00.000Z', 'CN'), ('A3', '2023-01-01T00:00:00.000Z', 'CN');
  `);
  const insert = db.prepare(`INSERT INTO transactions (tx_id, account_id, ts, amount_minor, currency, device_id, ip) VALUES (?, ?, ?, ?, 'CNY', ?, ?)`);
  for (const tx of TRANSACTIONS) insert.run(...tx);
}

/**
 * `ruleSet` as the only active version, approved by a second compliance user (whatever the workspace was seeded with
 * is retired). Returns its version.
 */
export function activateRuleSet(db: Db, ruleSet: unknown): number {
  const version = db.prepare('SELECT coalesce(max(version), 0) + 1 FROM fraud_rule_sets').pluck().get() as number;
  db.transaction(() => {
    db.prepare(`UPDATE fraud_rule_sets SET status = 'retired' WHERE status = 'active'`).run();
    db.prepare(
      `INSERT INTO fraud_rule_sets (version, note, status, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at, activated_by, activated_at, document)
       VALUES (?, 'test', 'active', 'cole', 't', 'cole', 't', 'cleo', 't', 'cleo', 't', ?)`,
    ).run(version, JSON.stringify(ruleSet));
  })();
  return version;
}

/** A stored backtest of a new draft of HAND_RULE_SET over no transactions, for tests that need one to read. */
export function storedBacktestFixture(db: Db): StoredBacktest {
  const version = db.prepare('SELECT coalesce(max(version), 0) + 1 FROM fraud_rule_sets').pluck().get() as number;
  db.prepare(`INSERT INTO fraud_rule_sets (version, note, status, created_by, created_at, document) VALUES (?, 'fixture', 'draft', 'cole', 't', ?)`).run(version, JSON.stringify(HAND_RULE_SET));
  const none = { flagged: 0, review: 0, block: 0, flaggedMinor: 0, truePositives: 0, precision: null, recall: null };
  const result = {
    version, baselineVersion: null, from: null, to: null, currency: 'CNY', transactions: 0, labels: { fraud: 0, legit: 0, fromCases: 0 },
    candidate: none, baseline: null, rules: [], overlaps: { ids: [], counts: [] }, perDay: [], diff: null,
  };
  return insertBacktest(db, { result, startedBy: 'cole', startedAt: 't', finishedAt: 't' });
}
