import type { Dashboard } from '../../preload/contract/methods.ts';
import type { Db } from './database.ts';
import { baseCurrency } from './portfolio-queries.ts';

/**
 * The portfolio dashboard, all in SQL. Counts cover every loan; money sums only the loans in the workspace's
 * base currency (minor units of different currencies do not add up), each at its outstanding balance or, where
 * none was reported, its principal. The default flag is DOMAIN.md's: 90+ DPD, written off, or in default
 * (status spellings as the credit engine's isDefaultStatus reads them).
 */
const OUTSTANDING = 'CASE WHEN currency = @ccy THEN coalesce(outstanding_balance_minor, principal_minor) ELSE 0 END';
const NORMALISED_STATUS = `replace(replace(replace(lower(trim(status)), ' ', '_'), '-', '_'), '__', '_')`;
const DEFAULTED = `(dpd >= 90 OR ${NORMALISED_STATUS} IN ('default', 'defaulted', 'written_off', 'write_off', 'writeoff', 'charged_off'))`;
const BUCKETS = [
  { bucket: 'current', sql: 'dpd IS NULL OR dpd < 1' },
  { bucket: '1-29', sql: 'dpd BETWEEN 1 AND 29' },
  { bucket: '30-59', sql: 'dpd BETWEEN 30 AND 59' },
  { bucket: '60-89', sql: 'dpd BETWEEN 60 AND 89' },
  { bucket: '90+', sql: 'dpd >= 90' },
] as const;
const TREND_MONTHS = 24;
const LARGEST_EXPOSURES = 10;

interface Totals {
  loans: number;
  outstanding: number | null;
  defaults: number | null;
  [bucket: `loans_${number}` | `outstanding_${number}`]: number | null;
}

/** One pass over the loans: totals, defaults and the five DPD buckets. */
function totals(db: Db, ccy: string): Pick<Dashboard, 'loans' | 'outstandingMinor' | 'defaultRate' | 'delinquency'> {
  const buckets = BUCKETS.map(
    (b, i) => `sum(CASE WHEN ${b.sql} THEN 1 ELSE 0 END) AS loans_${i}, sum(CASE WHEN ${b.sql} THEN ${OUTSTANDING} ELSE 0 END) AS outstanding_${i}`,
  );
  const row = db
    .prepare(`SELECT count(*) AS loans, sum(${OUTSTANDING}) AS outstanding, sum(CASE WHEN ${DEFAULTED} THEN 1 ELSE 0 END) AS defaults, ${buckets.join(', ')} FROM loans`)
    .get({ ccy }) as Totals;
  return {
    loans: row.loans,
    outstandingMinor: row.outstanding ?? 0,
    defaultRate: row.loans === 0 ? 0 : (row.defaults ?? 0) / row.loans,
    delinquency: BUCKETS.map((b, i) => ({ bucket: b.bucket, loans: row[`loans_${i}`] ?? 0, outstandingMinor: row[`outstanding_${i}`] ?? 0 })),
  };
}

function monthsBefore(month: string, count: number): string {
  const [year = 0, mon = 1] = month.split('-').map(Number);
  const index = year * 12 + (mon - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Share of the loans reporting in each of the last 24 months that were 30+ and 90+ DPD (index-only on as_of, dpd). */
function trend(db: Db, latest: string | null): Dashboard['trend'] {
  if (latest === null) return [];
  const rows = db
    .prepare(
      `SELECT as_of AS month, count(*) AS loans, sum(dpd >= 30) AS dpd30, sum(dpd >= 90) AS dpd90
       FROM loan_performance WHERE as_of > ? GROUP BY as_of ORDER BY as_of`,
    )
    .all(monthsBefore(latest, TREND_MONTHS)) as { month: string; loans: number; dpd30: number; dpd90: number }[];
  return rows.map((r) => ({ month: r.month, loans: r.loans, dpd30Rate: r.dpd30 / r.loans, dpd90Rate: r.dpd90 / r.loans }));
}

function exposureBy(db: Db, ccy: string, keySql: string, from: string): Dashboard['byProduct'] {
  return db
    .prepare(`SELECT ${keySql} AS key, count(*) AS loans, sum(${OUTSTANDING}) AS outstandingMinor FROM ${from} GROUP BY 1 ORDER BY outstandingMinor DESC, key`)
    .all({ ccy }) as Dashboard['byProduct'];
}

function largestExposures(db: Db, ccy: string): Dashboard['largestExposures'] {
  return db
    .prepare(
      `SELECT t.borrower_id AS borrowerId, b.region AS region, t.loans AS loans, t.outstanding AS outstandingMinor
       FROM (SELECT borrower_id, count(*) AS loans, sum(${OUTSTANDING}) AS outstanding FROM loans GROUP BY borrower_id
             ORDER BY outstanding DESC, borrower_id LIMIT ${LARGEST_EXPOSURES}) t
       JOIN borrowers b ON b.borrower_id = t.borrower_id
       ORDER BY t.outstanding DESC, t.borrower_id`,
    )
    .all({ ccy }) as Dashboard['largestExposures'];
}

export function dashboardSummary(db: Db): Dashboard {
  const ccy = baseCurrency(db);
  const latest = (db.prepare('SELECT max(as_of) AS month FROM loan_performance').get() as { month: string | null }).month;
  return {
    asOf: latest,
    currency: ccy,
    ...totals(db, ccy),
    borrowers: (db.prepare('SELECT count(*) AS n FROM borrowers').get() as { n: number }).n,
    trend: trend(db, latest),
    byProduct: exposureBy(db, ccy, 'product', 'loans'),
    byRegion: exposureBy(db, ccy, `coalesce(b.region, '')`, 'loans l LEFT JOIN borrowers b ON b.borrower_id = l.borrower_id'),
    largestExposures: largestExposures(db, ccy),
  };
}
