import type { Dashboard } from '../../preload/contract/dashboard.ts';
import { DELINQUENCY_BUCKETS, DPD_BUCKET_FIRST_DAY } from '../../preload/contract/vocabulary.ts';
import { monthIndex, monthText } from '../engines/calendar.ts';
import type { Db } from './database.ts';
import { defaultedSql } from './loan-status-sql.ts';
import { baseCurrency } from './workspace-meta.ts';

/**
 * The portfolio dashboard, all in SQL. Counts cover every loan; money sums only the loans in the workspace's
 * base currency (minor units of different currencies do not add up), each at its outstanding balance or, where
 * none was reported, its principal. The default flag is DOMAIN.md's: 90+ DPD, written off, or in default
 * (status spellings as loan-status-sql.ts reads them).
 */
/** A loan's money in the base currency (bound as @ccy): its balance, else its principal; 0 in any other currency. */
export const OUTSTANDING_SQL = 'CASE WHEN currency = @ccy THEN coalesce(outstanding_balance_minor, principal_minor) ELSE 0 END';
const DEFAULTED = defaultedSql();
/** Each delinquency bucket's condition on loans.dpd; a missing DPD counts as current. */
const BUCKETS = DELINQUENCY_BUCKETS.map((bucket, i) => {
  const first = DPD_BUCKET_FIRST_DAY[bucket];
  const next = DELINQUENCY_BUCKETS[i + 1];
  if (next === undefined) return { bucket, sql: `dpd >= ${first}` };
  const nextFirst = DPD_BUCKET_FIRST_DAY[next];
  return { bucket, sql: i === 0 ? `dpd IS NULL OR dpd < ${nextFirst}` : `dpd BETWEEN ${first} AND ${nextFirst - 1}` };
});
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

/**
 * Totals, defaults, DPD buckets and exposure by product from one pass over the loans_product_dashboard
 * index (it covers every column read here, so the loans table itself is never decrypted).
 */
function byProduct(db: Db, ccy: string): Pick<Dashboard, 'loans' | 'outstandingMinor' | 'defaultRate' | 'delinquency' | 'byProduct'> {
  const buckets = BUCKETS.map((b, i) => `sum(CASE WHEN ${b.sql} THEN 1 ELSE 0 END) AS loans_${i}, sum(CASE WHEN ${b.sql} THEN ${OUTSTANDING_SQL} ELSE 0 END) AS outstanding_${i}`);
  const rows = db
    .prepare(
      `SELECT product AS key, count(*) AS loans, sum(${OUTSTANDING_SQL}) AS outstandingMinor, sum(CASE WHEN ${DEFAULTED} THEN 1 ELSE 0 END) AS defaults, ${buckets.join(', ')}
       FROM loans GROUP BY product`,
    )
    .all({ ccy }) as ProductRow[];
  const total = (pick: (row: ProductRow) => number): number => rows.reduce((sum, row) => sum + pick(row), 0);
  const loans = total((r) => r.loans);
  return {
    loans,
    outstandingMinor: total((r) => r.outstandingMinor),
    defaultRate: loans === 0 ? 0 : total((r) => r.defaults) / loans,
    delinquency: BUCKETS.map((b, i) => ({ bucket: b.bucket, loans: total((r) => r[`loans_${i}`] ?? 0), outstandingMinor: total((r) => r[`outstanding_${i}`] ?? 0) })),
    byProduct: rows.map((r) => ({ key: r.key, loans: r.loans, outstandingMinor: r.outstandingMinor })).sort(byOutstanding),
  };
}

/**
 * Exposure by region and the largest borrowers, from one pass over loans_borrower_exposure: loans are summed
 * per borrower once (in index order, no sort), and both answers are read from those sums.
 */
function byBorrower(db: Db, ccy: string): Pick<Dashboard, 'byRegion' | 'largestExposures'> {
  const rows = db
    .prepare(
      `WITH per_borrower AS MATERIALIZED (
         SELECT borrower_id, count(*) AS loans, sum(${OUTSTANDING_SQL}) AS outstanding FROM loans GROUP BY borrower_id)
       SELECT 'region' AS kind, coalesce(b.region, '') AS key, NULL AS region, sum(p.loans) AS loans, sum(p.outstanding) AS outstandingMinor
       FROM per_borrower p LEFT JOIN borrowers b ON b.borrower_id = p.borrower_id GROUP BY 2
       UNION ALL
       SELECT 'borrower', t.borrower_id, b.region, t.loans, t.outstanding
       FROM (SELECT * FROM per_borrower ORDER BY outstanding DESC, borrower_id LIMIT ${LARGEST_EXPOSURES}) t
       LEFT JOIN borrowers b ON b.borrower_id = t.borrower_id`,
    )
    .all({ ccy }) as { kind: 'region' | 'borrower'; key: string; region: string | null; loans: number; outstandingMinor: number }[];
  return {
    byRegion: rows.filter((r) => r.kind === 'region').map((r) => ({ key: r.key, loans: r.loans, outstandingMinor: r.outstandingMinor })).sort(byOutstanding),
    largestExposures: rows
      .filter((r) => r.kind === 'borrower')
      .sort(byOutstanding)
      .map((r) => ({ borrowerId: r.key, region: r.region ?? '', loans: r.loans, outstandingMinor: r.outstandingMinor })),
  };
}

/** Share of the loans reporting in each of the last 24 months that were 30+ and 90+ DPD (index-only on as_of, dpd). */
function trend(db: Db, latest: string | null): Dashboard['trend'] {
  if (latest === null) return [];
  const rows = db
    .prepare(
      `SELECT as_of AS month, count(*) AS loans, sum(dpd >= 30) AS dpd30, sum(dpd >= 90) AS dpd90
       FROM loan_performance WHERE as_of > ? GROUP BY as_of ORDER BY as_of`,
    )
    .all(monthText(monthIndex(latest) - TREND_MONTHS)) as { month: string; loans: number; dpd30: number; dpd90: number }[];
  return rows.map((r) => ({ month: r.month, loans: r.loans, dpd30Rate: r.dpd30 / r.loans, dpd90Rate: r.dpd90 / r.loans }));
}

export function dashboardSummary(db: Db): Dashboard {
  const ccy = baseCurrency(db);
  const latest = (db.prepare('SELECT max(as_of) AS month FROM loan_performance').get() as { month: string | null }).month;
  return {
    asOf: latest,
    currency: ccy,
    ...byProduct(db, ccy),
    borrowers: (db.prepare('SELECT count(*) AS n FROM borrowers').get() as { n: number }).n,
    trend: trend(db, latest),
    ...byBorrower(db, ccy),
  };
}
