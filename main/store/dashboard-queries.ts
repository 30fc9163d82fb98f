import type { Dashboard } from '../../preload/contract/dashboard.ts';
import { DELINQUENCY_BUCKETS, DPD_BUCKET_FIRST_DAY } from '../../preload/contract/vocabulary.ts';
import { monthIndex, monthText } from '../engines/calendar.ts';
import type { Db } from './database.ts';
import { defaultedLoanSql, openLoanSql, openStatusSql } from './loan-status-sql.ts';
import { baseCurrency } from './workspace-meta.ts';

/**
 * The portfolio dashboard, all in SQL, over the open loans (openLoanSql, the one definition the report figures and
 * the credit run's population share). Counts cover every currency; money sums only the loans in the workspace's
 * base currency (minor units of different currencies do not add up), each at its outstanding balance or, where
 * none was reported, its principal. The default flag is DOMAIN.md's: 90+ DPD, or in default (status spellings as
 * loan-status-sql.ts reads them; a written-off loan is closed, so not among them).
 */
/** A loan's money in the base currency (bound as @ccy): its balance, else its principal; 0 in any other currency. */
export const OUTSTANDING_SQL = 'CASE WHEN currency = @ccy THEN coalesce(outstanding_balance_minor, principal_minor) ELSE 0 END';
const OPEN = openLoanSql();
const DEFAULTED = defaultedLoanSql();
/** Each delinquency bucket's condition on loans.dpd; a missing DPD counts as current. */
const BUCKETS = DELINQUENCY_BUCKETS.map((bucket, i) => {
  const first = DPD_BUCKET_FIRST_DAY[bucket];
  const next = DELINQUENCY_BUCKETS[i + 1];
  if (next === undefined) return { bucket, sql: `dpd >= ${first}` };
  const nextFirst = DPD_BUCKET_FIRST_DAY[next];
  return { bucket, sql: i === 0 ? `dpd IS NULL OR dpd < ${nextFirst}` : `dpd BETWEEN ${first} AND ${nextFirst - 1}` };
});
/** The two past-due thresholds the tiles and the trend share, from the bucket boundaries. */
const DPD30 = DPD_BUCKET_FIRST_DAY['30-59'];
const DPD90 = DPD_BUCKET_FIRST_DAY['90+'];
const TREND_MONTHS = 24;
const LARGEST_EXPOSURES = 10;

interface ProductRow {
  key: string;
  loans: number;
  outstandingMinor: number;
  defaults: number;
  [bucket: `loans_${number}` | `outstanding_${number}`]: number;
}

function byOutstanding<T extends { key: string; outstandingMinor: number }>(a: T, b: T): number {
  return b.outstandingMinor - a.outstandingMinor || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** A share of a balance, 0 when there is none. */
function shareOf(partMinor: number, wholeMinor: number): number {
  return wholeMinor > 0 ? partMinor / wholeMinor : 0;
}

/**
 * Totals, defaults, DPD buckets and exposure by product from one pass over the open loans in the
 * loans_product_dashboard index (it covers every column read here, so the loans table itself is never decrypted).
 */
function byProduct(db: Db, ccy: string): Pick<Dashboard, 'loans' | 'outstandingMinor' | 'defaults' | 'defaultRate' | 'dpd30Share' | 'dpd90Share' | 'delinquency' | 'byProduct'> {
  const buckets = BUCKETS.map((b, i) => `sum(CASE WHEN ${b.sql} THEN 1 ELSE 0 END) AS loans_${i}, sum(CASE WHEN ${b.sql} THEN ${OUTSTANDING_SQL} ELSE 0 END) AS outstanding_${i}`);
  const rows = db
    .prepare(
      `SELECT product AS key, count(*) AS loans, sum(${OUTSTANDING_SQL}) AS outstandingMinor, sum(CASE WHEN ${DEFAULTED} THEN 1 ELSE 0 END) AS defaults, ${buckets.join(', ')}
       FROM loans WHERE ${OPEN} GROUP BY product`,
    )
    .all({ ccy }) as ProductRow[];
  const total = (pick: (row: ProductRow) => number): number => rows.reduce((sum, row) => sum + pick(row), 0);
  const loans = total((r) => r.loans);
  const defaults = total((r) => r.defaults);
  const outstandingMinor = total((r) => r.outstandingMinor);
  const delinquency = BUCKETS.map((b, i) => ({ bucket: b.bucket, loans: total((r) => r[`loans_${i}`] ?? 0), outstandingMinor: total((r) => r[`outstanding_${i}`] ?? 0) }));
  const pastDueMinor = (from: number): number => delinquency.filter((row) => DPD_BUCKET_FIRST_DAY[row.bucket] >= from).reduce((sum, row) => sum + row.outstandingMinor, 0);
  return {
    loans,
    outstandingMinor,
    defaults,
    defaultRate: loans === 0 ? 0 : defaults / loans,
    dpd30Share: shareOf(pastDueMinor(DPD30), outstandingMinor),
    dpd90Share: shareOf(pastDueMinor(DPD90), outstandingMinor),
    delinquency,
    byProduct: rows.map((r) => ({ key: r.key, loans: r.loans, outstandingMinor: r.outstandingMinor })).sort(byOutstanding),
  };
}

/**
 * Exposure by region, the largest borrowers and the number of borrowers, from one pass over the open loans in
 * loans_borrower_exposure: loans are summed per borrower once (in index order, no sort), and the answers are read
 * from those sums.
 */
function byBorrower(db: Db, ccy: string): Pick<Dashboard, 'borrowers' | 'byRegion' | 'largestExposures'> {
  const rows = db
    .prepare(
      `WITH per_borrower AS MATERIALIZED (
         SELECT borrower_id, count(*) AS loans, sum(${OUTSTANDING_SQL}) AS outstanding FROM loans WHERE ${OPEN} GROUP BY borrower_id)
       SELECT 'region' AS kind, coalesce(b.region, '') AS key, NULL AS region, sum(p.loans) AS loans, sum(p.outstanding) AS outstandingMinor
       FROM per_borrower p LEFT JOIN borrowers b ON b.borrower_id = p.borrower_id GROUP BY 2
       UNION ALL
       SELECT 'borrower', t.borrower_id, b.region, t.loans, t.outstanding
       FROM (SELECT * FROM per_borrower ORDER BY outstanding DESC, borrower_id LIMIT ${LARGEST_EXPOSURES}) t
       LEFT JOIN borrowers b ON b.borrower_id = t.borrower_id
       UNION ALL
       SELECT 'borrowers', '', NULL, count(*), 0 FROM per_borrower`,
    )
    .all({ ccy }) as { kind: 'region' | 'borrower' | 'borrowers'; key: string; region: string | null; loans: number; outstandingMinor: number }[];
  return {
    borrowers: rows.find((r) => r.kind === 'borrowers')?.loans ?? 0,
    byRegion: rows.filter((r) => r.kind === 'region').map((r) => ({ key: r.key, loans: r.loans, outstandingMinor: r.outstandingMinor })).sort(byOutstanding),
    largestExposures: rows
      .filter((r) => r.kind === 'borrower')
      .sort(byOutstanding)
      .map((r) => ({ borrowerId: r.key, region: r.region ?? '', loans: r.loans, outstandingMinor: r.outstandingMinor })),
  };
}

/** A month's count and sums by the tiles' measure, `money` being what the month adds to the balance. */
function monthSums(money: string): string {
  return `count(*) AS loans, sum(${money}) AS outstandingMinor,
    sum(${money}) FILTER (WHERE p.dpd >= ${DPD30}) AS dpd30Minor, sum(${money}) FILTER (WHERE p.dpd >= ${DPD90}) AS dpd90Minor`;
}

/**
 * A loan's month is open as openLoanSql reads a loan: a status that is not closed, and its balance that month (never
 * null there) plus its undrawn amount above zero. No undrawn amount is reported monthly, so a month with nothing
 * drawn takes the loan's own (a revolving line cleared that month is still open). Each part below sums by month and
 * status, and the status test runs once per status of a month, not once per row; the parts are:
 * - the drawn months (a balance above zero) of every loan, in the order of the covering index
 *   loan_performance_trend (as_of, status, …), so that 12M months are one pass with no sort;
 * - the months with nothing drawn of the lines with something undrawn: those lines (loans_undrawn), each looked up
 *   in the few months with nothing drawn (loan_performance_nothing_drawn), so none costs a read of its 24 months;
 * - less the balances of the loans in another currency than @ccy, counted but not summed (by loans_currency; none
 *   in a book in one currency).
 */
export const TREND_SQL = `
  SELECT month, sum(loans) AS loans, sum(outstandingMinor) AS outstandingMinor,
    coalesce(sum(dpd30Minor), 0) AS dpd30Minor, coalesce(sum(dpd90Minor), 0) AS dpd90Minor
  FROM (
    SELECT p.as_of AS month, p.status, ${monthSums('p.balance_minor')}
    FROM loan_performance p WHERE p.as_of > @after AND p.balance_minor > 0 GROUP BY p.as_of, p.status
    UNION ALL
    SELECT p.as_of, p.status, ${monthSums('CASE WHEN l.currency = @ccy THEN p.balance_minor ELSE 0 END')}
    FROM loans l INDEXED BY loans_undrawn CROSS JOIN loan_performance p INDEXED BY loan_performance_nothing_drawn ON p.loan_id = l.loan_id AND p.as_of > @after
    WHERE l.undrawn_amount_minor > 0 AND p.balance_minor <= 0 AND p.balance_minor + l.undrawn_amount_minor > 0
    GROUP BY p.as_of, p.status
    UNION ALL
    SELECT p.as_of, p.status, 0, -sum(p.balance_minor), -sum(p.balance_minor) FILTER (WHERE p.dpd >= ${DPD30}), -sum(p.balance_minor) FILTER (WHERE p.dpd >= ${DPD90})
    FROM loans l CROSS JOIN loan_performance p ON p.loan_id = l.loan_id AND p.as_of > @after
    WHERE (l.currency < @ccy OR l.currency > @ccy) AND p.balance_minor > 0
    GROUP BY p.as_of, p.status)
  WHERE ${openStatusSql('status')}
  GROUP BY month ORDER BY month`;

/**
 * The open loans of each of the last 24 months, by their performance row that month, with the same measure as the
 * tiles: their balance in the base currency and its shares 30+ and 90+ DPD.
 */
function trend(db: Db, ccy: string, latest: string | null): Dashboard['trend'] {
  if (latest === null) return [];
  const rows = db.prepare(TREND_SQL).all({ ccy, after: monthText(monthIndex(latest) - TREND_MONTHS) }) as {
    month: string;
    loans: number;
    outstandingMinor: number;
    dpd30Minor: number;
    dpd90Minor: number;
  }[];
  return rows.map((r) => ({
    month: r.month,
    loans: r.loans,
    outstandingMinor: r.outstandingMinor,
    dpd30Share: shareOf(r.dpd30Minor, r.outstandingMinor),
    dpd90Share: shareOf(r.dpd90Minor, r.outstandingMinor),
  }));
}

export function dashboardSummary(db: Db): Dashboard {
  const ccy = baseCurrency(db);
  const latest = (db.prepare('SELECT max(as_of) AS month FROM loan_performance').get() as { month: string | null }).month;
  return {
    asOf: latest,
    currency: ccy,
    ...byProduct(db, ccy),
    trend: trend(db, ccy, latest),
    ...byBorrower(db, ccy),
  };
}
