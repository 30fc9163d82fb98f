import type { BacktestResult, StoredBacktest } from '../../preload/contract/fraud-backtests.ts';
import type { Truth } from '../engines/fraud/index.ts';
import type { Db } from './database.ts';

/**
 * What backtests read besides the transactions (what is known of each: labels and case dispositions) and where they
 * are kept (fraud_backtests, migration 0130: the result as JSON, with the version tested and the baseline beside it).
 */

/** What is known of each transaction that anything is known of, and whether that came from a case rather than a label. */
export interface TransactionTruths {
  get(txId: string): { truth: Truth; fromCase: boolean } | undefined;
}

/**
 * Imported labels first (`fraud` beats `legit` when sources disagree: a chargeback outranks an earlier review), then,
 * for transactions without one, the disposition of the closed case their alert is in (confirmed fraud, or a false
 * positive). Held in memory by transaction id: only labelled transactions are, a small share of the whole.
 */
export function transactionTruths(db: Db): TransactionTruths {
  const known = new Map<string, { truth: Truth; fromCase: boolean }>();
  const labels = db
    .prepare(
      `SELECT subject_id, max(label = 'fraud') AS fraud FROM labels
       WHERE subject_type = 'transaction' AND label IN ('fraud', 'legit') GROUP BY subject_id`,
    )
    .raw(true)
    .iterate() as IterableIterator<[string, number]>;
  for (const [txId, fraud] of labels) known.set(txId, { truth: fraud === 1 ? 'fraud' : 'legit', fromCase: false });
  const dispositions = db
    .prepare(
      `SELECT a.subject_id, max(c.disposition = 'confirmed_fraud') AS fraud
       FROM cases c JOIN case_alerts ca ON ca.case_id = c.case_id JOIN alerts a ON a.alert_id = ca.alert_id
       WHERE c.status = 'closed' AND c.disposition IN ('confirmed_fraud', 'false_positive') AND a.subject_type = 'transaction'
       GROUP BY a.subject_id`,
    )
    .raw(true)
    .iterate() as IterableIterator<[string, number]>;
  for (const [txId, fraud] of dispositions) if (!known.has(txId)) known.set(txId, { truth: fraud === 1 ? 'fraud' : 'legit', fromCase: true });
  return known;
}

export function insertBacktest(db: Db, backtest: { result: BacktestResult; startedBy: string; startedAt: string; finishedAt: string }): StoredBacktest {
  const { result } = backtest;
  const backtestId = Number(
    db
      .prepare(
        `INSERT INTO fraud_backtests (version, baseline_version, period_from, period_to, started_by, started_at, finished_at, result)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(result.version, result.baselineVersion, result.from, result.to, backtest.startedBy, backtest.startedAt, backtest.finishedAt, JSON.stringify(result)).lastInsertRowid,
  );
  return { backtestId, ...backtest };
}

interface BacktestRow {
  backtestId: number;
  startedBy: string;
  startedAt: string;
  finishedAt: string;
  result: string;
}

const BACKTEST_COLUMNS = 'backtest_id AS backtestId, started_by AS startedBy, started_at AS startedAt, finished_at AS finishedAt, result';

function stored(row: BacktestRow): StoredBacktest {
  return { ...row, result: JSON.parse(row.result) as BacktestResult };
}

/** Newest first; of one version when given. */
export function listBacktests(db: Db, version: number | null): StoredBacktest[] {
  return (db.prepare(`SELECT ${BACKTEST_COLUMNS} FROM fraud_backtests WHERE ? IS NULL OR version = ? ORDER BY backtest_id DESC`).all(version, version) as BacktestRow[]).map(stored);
}

export function getBacktest(db: Db, backtestId: number): StoredBacktest | undefined {
  const row = db.prepare(`SELECT ${BACKTEST_COLUMNS} FROM fraud_backtests WHERE backtest_id = ?`).get(backtestId) as BacktestRow | undefined;
  return row && stored(row);
}
