import { defaultedSql, openLoanSql } from './loan-status-sql.ts';
import type { Db } from './database.ts';
import { baseCurrency } from './workspace-meta.ts';

/**
 * The rows behind vintage curves, roll rates and concentration, as plain rows: the engines aggregate them
 * (engines/credit/portfolio/). Iterators stream; read them inside a snapshot to see one state.
 */
export interface VintageRow {
  readonly origination_date: string;
  /** YYYY-MM of the loan's first month in default (DOMAIN.md's flag), or null if it never defaulted. */
  readonly first_default_month: string | null;
}

/** Every loan, with its first flagged month: a probe of the partial index of defaulted months (migration 0060). */
export function vintageRows(db: Db): IterableIterator<VintageRow> {
  return db
    .prepare(
      `SELECT l.origination_date AS origination_date,
         (SELECT p.as_of FROM loan_performance p WHERE p.loan_id = l.loan_id AND ${defaultedSql('p')} ORDER BY p.as_of LIMIT 1) AS first_default_month
       FROM loans l`,
    )
    .iterate() as IterableIterator<VintageRow>;
}

/** One performance month: [loan_id, as_of (YYYY-MM), dpd, status], as an array (ten million of them at 1M loans). */
export type RollRateRow = readonly [loanId: string, asOf: string, dpd: number, status: string | null];

/**
 * Performance months from `fromMonth` (YYYY-MM) on, in primary-key order (loan_id, as_of): a loan's months come
 * together and in order, straight off the table with no sort. The unary + keeps SQLite off the (as_of, dpd)
 * index, which would need a sort of the whole range to give this order. Rows come as arrays, not objects: at
 * ten million rows the objects' keys cost more than the read.
 */
export function rollRateRows(db: Db, fromMonth: string): IterableIterator<RollRateRow> {
  return db.prepare('SELECT loan_id, as_of, dpd, status FROM loan_performance WHERE +as_of >= ? ORDER BY loan_id, as_of').raw(true).iterate(fromMonth) as IterableIterator<RollRateRow>;
}

export type ExposureDimension = 'region' | 'product' | 'industry';
const DIMENSIONS = ['region', 'product', 'industry'] as const satisfies readonly ExposureDimension[];

export interface ExposureRow {
  readonly key: string;
  readonly loans: number;
  readonly outstandingMinor: number;
}

interface ExposureCell {
  readonly region: string;
  readonly product: string;
  readonly industry: string;
  readonly loans: number;
  readonly outstandingMinor: number;
}

function byDimension(cells: readonly ExposureCell[], dimension: ExposureDimension): ExposureRow[] {
  const rows = new Map<string, { loans: number; outstandingMinor: number }>();
  for (const cell of cells) {
    const row = rows.get(cell[dimension]) ?? { loans: 0, outstandingMinor: 0 };
    rows.set(cell[dimension], { loans: row.loans + cell.loans, outstandingMinor: row.outstandingMinor + cell.outstandingMinor });
  }
  return [...rows]
    .map(([key, row]) => ({ key, ...row }))
    .sort((a, b) => b.outstandingMinor - a.outstandingMinor || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Open loans in the base currency by region, by product and by industry, largest first; outstanding is the
 * balance, else the principal. One pass over the loans grouped by all three at once (a few hundred cells), then
 * summed per dimension: three GROUP BYs would read a million loans three times.
 */
export function exposures(db: Db): Record<ExposureDimension, ExposureRow[]> {
  const none = (column: string): string => `coalesce(nullif(${column}, ''), '(none)')`;
  const cells = db
    .prepare(
      `SELECT ${none('b.region')} AS region, ${none('l.product')} AS product, ${none('b.industry')} AS industry, count(*) AS loans,
         sum(coalesce(l.outstanding_balance_minor, l.principal_minor)) AS outstandingMinor
       FROM loans l LEFT JOIN borrowers b ON b.borrower_id = l.borrower_id
       WHERE l.currency = ? AND ${openLoanSql('l')}
       GROUP BY 1, 2, 3`,
    )
    .all(baseCurrency(db)) as ExposureCell[];
  return Object.fromEntries(DIMENSIONS.map((dimension) => [dimension, byDimension(cells, dimension)])) as Record<ExposureDimension, ExposureRow[]>;
}
