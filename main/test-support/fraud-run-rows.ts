import { emitAlerts } from '../store/alerts.ts';
import { inTransaction, type Db } from '../store/database.ts';

/**
 * Fraud data and fraud runs written straight into a test database, in the shapes the fraud run writes them
 * (migration 0130): accounts and transactions, a rule set version, and a finished run with its flags, each flag also an
 * alert of type fraud.transaction filed into its account's case. For the tests of what the fraud screens read.
 */

export interface TestTransaction {
  readonly txId: string;
  readonly accountId: string;
  readonly ts: string;
  readonly amountMinor?: number;
  readonly device?: string | null;
  readonly ip?: string | null;
}

/** Each account once, then the transactions (in CNY). */
export function insertTransactions(db: Db, transactions: readonly TestTransaction[]): void {
  const account = db.prepare(`INSERT OR IGNORE INTO accounts (account_id, opened_at) VALUES (?, '2024-01-01')`);
  const tx = db.prepare(`INSERT INTO transactions (tx_id, account_id, ts, amount_minor, currency, type, channel, device_id, ip) VALUES (?, ?, ?, ?, 'CNY', 'payment', 'app', ?, ?)`);
  inTransaction(db, () => {
    for (const t of transactions) {
      account.run(t.accountId);
      tx.run(t.txId, t.accountId, t.ts, t.amountMinor ?? 10_000, t.device ?? null, t.ip ?? null);
    }
  });
}

export const TEST_RULE_SET = {
  rules: [
    { id: 'velocity_burst', description: 'Many payments in ten minutes', expression: 'account.count_10m >= 5', score: 40, action: 'review', enabled: true },
    { id: 'new_device_large', description: 'A large payment from a new device', expression: 'device.first_use && tx.amount_z > 3.0', score: 50, action: 'block', enabled: true },
  ],
  thresholds: { review: 30, block: 80 },
};

/** A draft version after those the workspace has (it ships with the default rule set); returns its number. */
export function insertRuleSet(db: Db, document: object = TEST_RULE_SET): number {
  const version = db.prepare('SELECT coalesce(max(version), 0) + 1 FROM fraud_rule_sets').pluck().get() as number;
  db.prepare(`INSERT INTO fraud_rule_sets (version, note, status, created_by, created_at, document) VALUES (?, 'test', 'draft', 'ana', '2024-12-01T00:00:00.000Z', ?)`).run(version, JSON.stringify(document));
  return version;
}

export interface TestFlag {
  readonly txId: string;
  readonly score: number;
  readonly action: 'review' | 'block';
  readonly ringId?: string | null;
  readonly ringSize?: number;
  readonly fired: readonly { id: string; score: number; action: 'review' | 'block'; reads: Record<string, unknown> }[];
}

/** A finished fraud run with `ruleSet` and its flags (their account, time and amount from transactions), each an alert filed into a case. */
export function insertFraudRun(db: Db, options: { ruleSet: number; asOf: string; flags: readonly TestFlag[] }): number {
  return inTransaction(db, () => {
    const at = `${options.asOf}T23:00:00.000Z`;
    const runId = Number(
      db
        .prepare(`INSERT INTO runs (engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals) VALUES ('fraud', ?, ?, 'ana', ?, 'finished', ?, 'CNY', '{}')`)
        .run(options.asOf, JSON.stringify({ 'fraud.ruleSet': options.ruleSet }), at, at).lastInsertRowid,
    );
    const flag = db.prepare(
      `INSERT INTO fraud_run_flags (run_id, tx_id, account_id, ts, amount_minor, currency, score, action, ring_id, ring_size, fired)
       SELECT ?, tx_id, account_id, ts, amount_minor, currency, ?, ?, ?, ?, ? FROM transactions WHERE tx_id = ?`,
    );
    for (const f of options.flags) flag.run(runId, f.score, f.action, f.ringId ?? null, f.ringSize ?? 1, JSON.stringify(f.fired), f.txId);
    emitAlerts(db, {
      source: 'fraud',
      runId,
      artefacts: {},
      raisedBy: null,
      at,
      alerts: options.flags.map((f) => ({
        type: 'fraud.transaction',
        subject: { type: 'transaction', id: f.txId },
        severity: f.action === 'block' ? 'high' : 'medium',
        score: f.score,
        explanation: { key: 'fraud.transaction', figures: [] },
      })),
    });
    return runId;
  });
}
