import { RiskDeskError } from '../../preload/contract/errors.ts';
import type { Db } from './database.ts';
import { CLOSED_STATUSES, defaultedSql, normalisedStatus } from './loan-status-sql.ts';

/**
 * What the liquidity engine reads from the workspace (migration 0040): the balance-sheet lines of one snapshot, the
 * investor products' balances and daily flows, and the loan book summed for the NSFR.
 *
 * A snapshot is the lines of one as_of date. The position "as of D" uses the latest snapshot on or before D (and the
 * lines that carry no date of their own); remaining maturities are counted from D, so a later D sees lines mature and
 * drop out. Lines are read in the workspace's base currency only: the ratios add amounts of one currency.
 */
export interface StoredLine {
  readonly line_id: string;
  readonly category: string;
  readonly amount_minor: number;
  readonly maturity_date: string | null;
  readonly description: string | null;
}

/**
 * The snapshot date the position as of `asOf` (default: the latest snapshot) reads; NOT_FOUND when there is none. Lines
 * without a date of their own belong to every snapshot: with only those and no date asked, the position is today's.
 */
export function lineSnapshotDate(db: Db, asOf: string | undefined, today: string): string {
  const row = db
    .prepare(`SELECT max(as_of) AS snapshot, count(*) AS lines FROM liquidity_lines WHERE as_of IS NULL OR ? IS NULL OR as_of <= ?`)
    .get(asOf ?? null, asOf ?? null) as { snapshot: string | null; lines: number };
  if (row.lines === 0) {
    throw new RiskDeskError('NOT_FOUND', asOf === undefined ? 'The workspace has no liquidity lines: import liquidity_lines or generate the demo first.' : `The workspace has no liquidity lines dated on or before ${asOf}.`, { asOf: asOf ?? null });
  }
  return row.snapshot ?? asOf ?? today;
}

const SNAPSHOT_LINES = `FROM liquidity_lines WHERE (as_of = :snapshot OR as_of IS NULL) AND currency = :currency`;

/** The snapshot's lines one by one (a workspace may hold a million: never all in memory here). */
export function snapshotLines(db: Db, snapshot: string, currency: string): IterableIterator<StoredLine> {
  return db.prepare(`SELECT line_id, category, amount_minor, maturity_date, description ${SNAPSHOT_LINES} ORDER BY line_id`).iterate({ snapshot, currency }) as IterableIterator<StoredLine>;
}

export function snapshotLineCount(db: Db, snapshot: string, currency: string): number {
  return (db.prepare(`SELECT count(*) AS n ${SNAPSHOT_LINES}`).get({ snapshot, currency }) as { n: number }).n;
}

/** The snapshot's HQLA lines still held as of `asOf` (not matured), summed per category. */
export function hqlaByCategory(db: Db, snapshot: string, currency: string, asOf: string): { category: string; amountMinor: number }[] {
  return db
    .prepare(
      `SELECT category, sum(amount_minor) AS amountMinor ${SNAPSHOT_LINES} AND substr(category, 1, 5) = 'hqla_' AND (maturity_date IS NULL OR maturity_date >= :asOf)
       GROUP BY category ORDER BY category`,
    )
    .all({ snapshot, currency, asOf }) as { category: string; amountMinor: number }[];
}

/** investor_balances summed per product. */
export function investorBalancesByProduct(db: Db): Map<string, number> {
  const rows = db.prepare(`SELECT product, sum(balance_minor) AS balance FROM investor_balances GROUP BY product ORDER BY product`).all() as { product: string; balance: number }[];
  return new Map(rows.map((row) => [row.product, row.balance]));
}

/** The share of the ten largest investors (all products of each summed) in all investor balances; null without investors. */
export function topInvestorShare(db: Db, top: number): number | null {
  const row = db
    .prepare(
      `WITH holdings AS (SELECT investor_id, sum(balance_minor) AS balance FROM investor_balances GROUP BY investor_id)
       SELECT (SELECT sum(balance) FROM (SELECT balance FROM holdings ORDER BY balance DESC LIMIT ?)) AS top, (SELECT sum(balance) FROM holdings) AS total`,
    )
    .get(top) as { top: number | null; total: number | null };
  return row.total === null || row.total <= 0 || row.top === null ? null : row.top / row.total;
}

export interface DailyFlowRow {
  readonly date: string;
  readonly product: string;
  readonly inflowMinor: number;
  readonly outflowMinor: number;
}

/** Daily flows on or before `upTo`, by date then product. */
export function dailyFlowsUpTo(db: Db, upTo: string): DailyFlowRow[] {
  return db
    .prepare(`SELECT date, product, inflow_minor AS inflowMinor, outflow_minor AS outflowMinor FROM daily_flows WHERE date <= ? ORDER BY date, product`)
    .all(upTo) as DailyFlowRow[];
}

/** Loans on the balance sheet (not repaid or written off): outstanding balances summed by whether they perform and whether they run a year or more past `asOf` (the NSFR's loan lines). */
export interface LoanBookPart {
  readonly performing: boolean;
  readonly longTerm: boolean;
  readonly loans: number;
  readonly balanceMinor: number;
}

export function loanBookForNsfr(db: Db, asOf: string, currency: string): LoanBookPart[] {
  const rows = db
    .prepare(
      `SELECT NOT ${defaultedSql()} AS performing, coalesce(maturity_date >= date(:asOf, '+365 days'), 0) AS longTerm,
              count(*) AS loans, sum(outstanding_balance_minor) AS balanceMinor
       FROM loans
       WHERE currency = :currency AND coalesce(outstanding_balance_minor, 0) > 0 AND (status IS NULL OR ${normalisedStatus('status')} NOT IN ${CLOSED_STATUSES})
       GROUP BY 1, 2 ORDER BY 1 DESC, 2`,
    )
    .all({ asOf, currency }) as { performing: number; longTerm: number; loans: number; balanceMinor: number }[];
  return rows.map((row) => ({ performing: row.performing === 1, longTerm: row.longTerm === 1, loans: row.loans, balanceMinor: row.balanceMinor }));
}

