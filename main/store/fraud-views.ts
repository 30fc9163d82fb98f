import type { FiredRule, FraudAction, FraudDay, FraudDecision, FraudTransaction, FraudTransactionDetail, HistoryPoint } from '../../preload/contract/fraud-views.ts';
import type { Db } from './database.ts';
import type { GridSpec } from './grid-sql.ts';
import { latestFinishedRunIdSql } from './runs.ts';

/**
 * What the fraud screens read of the fraud runs (migration 0130's fraud_run_flags, 0030's transactions): the latest
 * finished run's flags as a grid, one transaction's decision explained, and the run's flags per day. The ring around
 * an account is fraud-ring.ts's.
 */

const LATEST_RUN = latestFinishedRunIdSql('fraud');

/**
 * The latest finished fraud run's flags, with the alert each became and its case. A run's flag of a transaction is
 * the alert of that transaction the run saw last (an open alert seen again keeps its id and takes the run as its
 * last_run_id; a new one starts with it), so the join is one alert at most, found through alerts_subject. The fired
 * rules' ids are a JSON array (the service parses it): a text filter on it matches a rule id inside.
 */
export const FRAUD_ALERT_GRID: GridSpec = {
  table: 'fraud_run_flags f',
  key: 'f.tx_id',
  where: `f.run_id = ${LATEST_RUN}`,
  joins: {
    alert: `LEFT JOIN alerts a ON a.subject_type = 'transaction' AND a.subject_id = f.tx_id AND a.type = 'fraud.transaction' AND a.last_run_id = f.run_id`,
  },
  columns: {
    tx_id: { sql: 'f.tx_id', kind: 'text' },
    account_id: { sql: 'f.account_id', kind: 'text' },
    ts: { sql: 'f.ts', kind: 'date' },
    amount_minor: { sql: 'f.amount_minor', kind: 'number' },
    currency: { sql: 'f.currency', kind: 'text' },
    score: { sql: 'f.score', kind: 'number' },
    // Ranked as the thresholds are (review below block), so that a descending sort puts blocks first.
    action: { sql: 'f.action', kind: 'text', orderSql: `(f.action = 'block')` },
    rules: { sql: `(SELECT json_group_array(json_extract(j.value, '$.id')) FROM json_each(f.fired) j)`, kind: 'text' },
    ring_id: { sql: 'f.ring_id', kind: 'text' },
    ring_size: { sql: 'f.ring_size', kind: 'number' },
    alert_id: { sql: 'a.alert_id', kind: 'number', join: 'alert' },
    alert_status: { sql: 'a.status', kind: 'text', join: 'alert' },
    case_id: { sql: '(SELECT ca.case_id FROM case_alerts ca WHERE ca.alert_id = a.alert_id)', kind: 'number', join: 'alert' },
  },
};

export interface FraudRunInfo {
  readonly runId: number;
  readonly asOf: string;
  readonly finishedAt: string;
  readonly ruleSetVersion: number | null;
}

/** The latest finished fraud run, or undefined before the first. */
export function latestFraudRun(db: Db): FraudRunInfo | undefined {
  return db
    .prepare(
      `SELECT run_id AS runId, as_of AS asOf, finished_at AS finishedAt, json_extract(artefacts, '$."fraud.ruleSet"') AS ruleSetVersion
       FROM runs WHERE engine = 'fraud' AND status = 'finished' ORDER BY run_id DESC LIMIT 1`,
    )
    .get() as FraudRunInfo | undefined;
}

/** A run's flags per day (UTC, of the transactions' time) and currency, oldest first. */
export function fraudDays(db: Db, runId: number): FraudDay[] {
  return db
    .prepare(
      `SELECT substr(ts, 1, 10) AS day, currency, sum(action = 'review') AS review, sum(action = 'block') AS block, sum(amount_minor) AS amountMinor
       FROM fraud_run_flags WHERE run_id = ? GROUP BY day, currency ORDER BY day, currency`,
    )
    .all(runId) as FraudDay[];
}

/** The account's transactions up to and including the one opened, and just after it. */
const HISTORY_UP_TO = 40;
const HISTORY_AFTER = 10;

interface FlagRecord {
  readonly run_id: number;
  readonly as_of: string;
  readonly rule_set: number | null;
  readonly score: number;
  readonly action: FraudAction;
  readonly ring_id: string | null;
  readonly ring_size: number;
  readonly fired: string;
}

interface FiredEntry {
  readonly id: string;
  readonly score: number;
  readonly action?: FraudAction | null;
  readonly reads?: Record<string, number | string | boolean | null>;
}

interface RuleSetDocument {
  readonly rules: readonly { id: string; description?: string; expression?: string }[];
  readonly thresholds?: { review: number; block: number };
}

/** A transaction, how the latest finished run that flagged it decided it, and its account's history around it; undefined if there is no such transaction. */
export function fraudTransactionDetail(db: Db, txId: string): FraudTransactionDetail | undefined {
  const transaction = db
    .prepare(
      `SELECT tx_id AS txId, account_id AS accountId, ts, amount_minor AS amountMinor, currency, type, channel, merchant_id AS merchantId,
              merchant_category AS merchantCategory, counterparty_account AS counterpartyAccount, country, device_id AS deviceId, ip, card_id AS cardId
       FROM transactions WHERE tx_id = ?`,
    )
    .get(txId) as FraudTransaction | undefined;
  if (!transaction) return undefined;
  // By account first, so that fraud_run_flags_account finds the flag without reading every run's flags.
  const flag = db
    .prepare(
      `SELECT f.run_id, r.as_of, json_extract(r.artefacts, '$."fraud.ruleSet"') AS rule_set, f.score, f.action, f.ring_id, f.ring_size, f.fired
       FROM fraud_run_flags f JOIN runs r ON r.run_id = f.run_id AND r.engine = 'fraud' AND r.status = 'finished'
       WHERE f.account_id = ? AND f.tx_id = ? ORDER BY f.run_id DESC LIMIT 1`,
    )
    .get(transaction.accountId, txId) as FlagRecord | undefined;
  const decision = flag ? explainDecision(db, flag) : null;
  const markingRun = decision?.runId ?? (db.prepare(`SELECT ${LATEST_RUN}`).pluck().get() as number | null);
  return { transaction, decision, history: accountHistory(db, transaction, markingRun) };
}

function explainDecision(db: Db, flag: FlagRecord): FraudDecision {
  const document = flag.rule_set === null ? undefined : (db.prepare('SELECT document FROM fraud_rule_sets WHERE version = ?').pluck().get(flag.rule_set) as string | undefined);
  const ruleSet = document === undefined ? undefined : (JSON.parse(document) as RuleSetDocument);
  const byId = new Map((ruleSet?.rules ?? []).map((rule) => [rule.id, rule]));
  const rules = (JSON.parse(flag.fired) as FiredEntry[]).map((fired): FiredRule => {
    const rule = byId.get(fired.id);
    return { id: fired.id, description: rule?.description ?? null, expression: rule?.expression ?? null, score: fired.score, action: fired.action ?? null, reads: fired.reads ?? {} };
  });
  return {
    runId: flag.run_id,
    asOf: flag.as_of,
    ruleSetVersion: flag.rule_set,
    score: flag.score,
    action: flag.action,
    thresholds: ruleSet?.thresholds ?? null,
    ringId: flag.ring_id,
    ringSize: flag.ring_size,
    rules,
  };
}

/** Oldest first; (ts, tx_id) orders transactions of the same instant. Marked by `runId`'s flags (none when null). */
function accountHistory(db: Db, transaction: FraudTransaction, runId: number | null): HistoryPoint[] {
  const { accountId, ts, txId } = transaction;
  return db
    .prepare(
      `WITH around AS (
         SELECT * FROM (SELECT tx_id, ts, amount_minor, currency FROM transactions
                        WHERE account_id = ? AND (ts < ? OR (ts = ? AND tx_id <= ?)) ORDER BY ts DESC, tx_id DESC LIMIT ?)
         UNION ALL
         SELECT * FROM (SELECT tx_id, ts, amount_minor, currency FROM transactions
                        WHERE account_id = ? AND (ts > ? OR (ts = ? AND tx_id > ?)) ORDER BY ts, tx_id LIMIT ?)
       )
       SELECT h.tx_id AS txId, h.ts, h.amount_minor AS amountMinor, h.currency, f.action
       FROM around h LEFT JOIN fraud_run_flags f ON f.run_id = ? AND f.tx_id = h.tx_id
       ORDER BY h.ts, h.tx_id`,
    )
    .all(accountId, ts, ts, txId, HISTORY_UP_TO, accountId, ts, ts, txId, HISTORY_AFTER, runId) as HistoryPoint[];
}
