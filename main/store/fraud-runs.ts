import type { FraudRunResult } from '../../preload/contract/fraud-runs.ts';
import type { FiredRule, FraudAccount, FraudTransaction } from '../engines/fraud/index.ts';
import type { Db } from './database.ts';
import { finishedRunResults } from './runs.ts';

/**
 * The fraud engine's side of the store: the accounts and the time-ordered transactions a feature pass reads, the
 * transactions a run flagged (fraud_run_flags, migration 0130) and the runs' counts. Timestamps are stored in one
 * UTC shape (YYYY-MM-DDTHH:MM:SS.sssZ, see services/import/date-values.ts), so text order is time order and a period
 * bound is a text comparison.
 */

function epochMs(text: string | null): number | null {
  return text === null ? null : Date.parse(text);
}

/** Every account as the feature pass reads it, by id (a million accounts take about 150 MB). */
export function fraudAccounts(db: Db): Map<string, FraudAccount> {
  const rows = db
    .prepare('SELECT account_id, opened_at, country, phone_changed_at, password_changed_at FROM accounts')
    .raw(true)
    .iterate() as IterableIterator<[string, string, string | null, string | null, string | null]>;
  const accounts = new Map<string, FraudAccount>();
  for (const [accountId, openedAt, country, phoneChangedAt, passwordChangedAt] of rows) {
    accounts.set(accountId, { accountId, openedAtMs: Date.parse(openedAt), country, phoneChangedAtMs: epochMs(phoneChangedAt), passwordChangedAtMs: epochMs(passwordChangedAt) });
  }
  return accounts;
}

/** A transaction as the run reads it: the feature pass's fields and what a flag stores besides. */
export interface StoredTransaction extends FraudTransaction {
  readonly ts: string;
  readonly currency: string;
}

/** The first instant after a date's day (UTC), as stored text: `ts < dayAfter(to)` keeps the whole `to` day. */
export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString();
}

/** How many transactions fall in the period (both ends optional), for progress. */
export function countTransactions(db: Db, period: { readonly fromTs: string | null; readonly beforeTs: string | null }): number {
  return db
    .prepare('SELECT count(*) FROM transactions WHERE (:fromTs IS NULL OR ts >= :fromTs) AND (:beforeTs IS NULL OR ts < :beforeTs)')
    .pluck()
    .get(period) as number;
}

/**
 * Every transaction before `beforeTs` (all when null) in the order the feature pass takes them: by ts, ties by tx_id.
 * Streamed row by row from the ts index, so memory holds one row.
 */
export function* transactionsInOrder(db: Db, beforeTs: string | null): Generator<StoredTransaction> {
  const rows = db
    .prepare(
      `SELECT tx_id, account_id, ts, amount_minor, currency, channel, merchant_category, country, device_id, ip, card_id
       FROM transactions WHERE (:beforeTs IS NULL OR ts < :beforeTs) ORDER BY ts, tx_id`,
    )
    .raw(true)
    .iterate({ beforeTs }) as IterableIterator<[string, string, string, number, string, string | null, string | null, string | null, string | null, string | null, string | null]>;
  for (const [txId, accountId, ts, amountMinor, currency, channel, merchantCategory, country, deviceId, ip, cardId] of rows) {
    yield { txId, accountId, ts, tsMs: Date.parse(ts), amountMinor, currency, channel, merchantCategory, country, deviceId, ip, cardId };
  }
}

export interface FlagRow {
  readonly txId: string;
  readonly accountId: string;
  readonly ts: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly score: number;
  readonly action: 'review' | 'block';
  readonly ringId: string | null;
  readonly ringSize: number;
  readonly fired: readonly FiredRule[];
}

/** Inserts a run's flags (inside the run's transaction). */
export function flagWriter(db: Db, runId: number): (flag: FlagRow) => void {
  const insert = db.prepare(
    `INSERT INTO fraud_run_flags (run_id, tx_id, account_id, ts, amount_minor, currency, score, action, ring_id, ring_size, fired)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (flag) => {
    // A score is a sum of doubles; the schema wants a REAL even when it happens to be whole.
    insert.run(runId, flag.txId, flag.accountId, flag.ts, flag.amountMinor, flag.currency, flag.score, flag.action, flag.ringId, flag.ringSize, JSON.stringify(flag.fired));
  };
}

/** A run's flags in pages of `pageSize`, by tx_id (each page read whole before the next). */
export function* runFlagPages(db: Db, runId: number, pageSize: number): Generator<FlagRow[]> {
  const page = db.prepare(
    `SELECT tx_id AS txId, account_id AS accountId, ts, amount_minor AS amountMinor, currency, score, action, ring_id AS ringId, ring_size AS ringSize, fired
     FROM fraud_run_flags WHERE run_id = ? AND tx_id > ? ORDER BY tx_id LIMIT ?`,
  );
  let after = '';
  for (;;) {
    const rows = (page.all(runId, after, pageSize) as (Omit<FlagRow, 'fired'> & { fired: string })[]).map((row) => ({ ...row, fired: JSON.parse(row.fired) as FiredRule[] }));
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]?.txId ?? after;
  }
}

/** Runs of the fraud engine, newest first: their totals are the result their job returned. */
export function fraudRuns(db: Db): FraudRunResult[] {
  return finishedRunResults<FraudRunResult>(db, 'fraud');
}

/** One flagged transaction of the latest finished fraud run, as `riskdesk fraud alerts` lists them. */
export interface LatestFlag {
  readonly tx_id: string;
  readonly account_id: string;
  readonly ts: string;
  readonly amount_minor: number;
  readonly currency: string;
  readonly score: number;
  readonly action: 'review' | 'block';
  readonly rules: string[];
}

/** The latest finished fraud run's flags, highest score first (ties by tx_id); none before the first run. */
export function latestRunFlags(db: Db): { runId: number | null; flags: LatestFlag[] } {
  const runId = db.prepare(`SELECT max(run_id) FROM runs WHERE engine = 'fraud' AND status = 'finished'`).pluck().get() as number | null;
  if (runId === null) return { runId, flags: [] };
  const rows = db
    .prepare(
      `SELECT tx_id, account_id, ts, amount_minor, currency, score, action, (SELECT json_group_array(json_extract(value, '$.id')) FROM json_each(fired)) AS rules
       FROM fraud_run_flags WHERE run_id = ? ORDER BY score DESC, tx_id`,
    )
    .all(runId) as (Omit<LatestFlag, 'rules'> & { rules: string })[];
  return { runId, flags: rows.map((row) => ({ ...row, rules: JSON.parse(row.rules) as string[] })) };
}
