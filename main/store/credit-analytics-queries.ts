import { OPEN_LOAN_SQL } from './credit-features.ts';
import { defaultedSql } from './loan-status-sql.ts';
import type { Db } from './database.ts';
import { baseCurrency } from './portfolio-queries.ts';

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

export interface RollRateRow {
  readonly loan_id: string;
  readonly as_of: string;
  readonly dpd: number;
  readonly status: string | null;
}

/**
 * Performance months from `fromMonth` (YYYY-MM) on, in primary-key order (loan_id, as_of): a loan's months come
 * together and in order, straight off the table with no sort. The unary + keeps SQLite off the (as_of, dpd)
 * index, which would need a sort of the whole range to give this order.
 */
export function rollRateRows(db: Db, fromMonth: string): IterableIterator<RollRateRow> {
  return db.prepare('SELECT loan_id, as_of, dpd, status FROM loan_performance WHERE +as_of >= ? ORDER BY loan_id, as_of').iterate(fromMonth) as IterableIterator<RollRateRow>;
}

export type ExposureDimension = 'region' | 'product' | 'industry';

export interface ExposureRow {
  readonly key: string;
  readonly loans: number;
  readonly outstandingMinor: number;
}

const DIMENSIONS: Readonly<Record<ExposureDimension, string>> = { region: 'b.region', product: 'l.product', industry: 'b.industry' };

/** Open loans in the base currency by one dimension, largest first; outstanding is the balance, else the principal. */
export function exposureBy(db: Db, dimension: ExposureDimension): ExposureRow[] {
  return db
    .prepare(
      `SELECT coalesce(nullif(${DIMENSIONS[dimension]}, ''), '(none)') AS key, count(*) AS loans,
         sum(coalesce(l.outstanding_balance_minor, l.principal_minor)) AS outstandingMinor
       FROM loans l LEFT JOIN borrowers b ON b.borrower_id = l.borrower_id
       WHERE l.currency = ? AND ${OPEN_LOAN_SQL}
       GROUP BY 1 ORDER BY outstandingMinor DESC, key`,
    )
    .all(baseCurrency(db)) as ExposureRow[];
}
