import type { BorrowerRow, LoanDetail, LoanRow } from '../../preload/contract/index.ts';
import { LATEST_RUN_ID_SQL } from './credit-runs.ts';
import type { Db } from './database.ts';
import { BASE_CURRENCY_SQL } from './workspace-meta.ts';
import { countRows, viewRows, type GridColumn, type GridFilterModel, type GridSortModel, type GridSpec } from './grid-sql.ts';

/**
 * Loans with their borrower's region and their result in the latest credit run (null before the first run, and
 * for loans it did not score: closed ones). The key is the loans table's rowid: every loan index ends in it, so
 * a sort on one indexed column is an index walk in full (the loan_id would need a sort of each run of ties).
 * The run's columns come through a LEFT JOIN (every loan stays in the grid), so a sort on them is never an index
 * walk: the grid reads such a view's key list once (one pass and a sort) and pages that.
 */
export const LOAN_GRID: GridSpec<keyof LoanRow> = {
  table: 'loans l',
  key: 'l.rowid',
  joins: {
    borrower: 'LEFT JOIN borrowers b ON b.borrower_id = l.borrower_id',
    risk: `LEFT JOIN credit_run_loans r ON r.run_id = ${LATEST_RUN_ID_SQL} AND r.loan_id = l.loan_id`,
  },
  columns: {
    loan_id: { sql: 'l.loan_id', kind: 'text' },
    borrower_id: { sql: 'l.borrower_id', kind: 'text' },
    region: { sql: 'b.region', kind: 'text', join: 'borrower' },
    product: { sql: 'l.product', kind: 'text' },
    origination_date: { sql: 'l.origination_date', kind: 'date' },
    maturity_date: { sql: 'l.maturity_date', kind: 'date' },
    principal_minor: { sql: 'l.principal_minor', kind: 'number' },
    outstanding_balance_minor: { sql: 'l.outstanding_balance_minor', kind: 'number' },
    undrawn_amount_minor: { sql: 'l.undrawn_amount_minor', kind: 'number' },
    currency: { sql: 'l.currency', kind: 'text' },
    interest_rate: { sql: 'l.interest_rate', kind: 'number' },
    term_months: { sql: 'l.term_months', kind: 'number' },
    status: { sql: 'l.status', kind: 'text' },
    dpd: { sql: 'l.dpd', kind: 'number' },
    collateral_type: { sql: 'l.collateral_type', kind: 'text' },
    channel: { sql: 'l.channel', kind: 'text' },
    pd_12m: { sql: 'r.pd_12m', kind: 'number', join: 'risk' },
    grade: { sql: 'r.grade', kind: 'text', join: 'risk' },
    stage: { sql: 'r.stage', kind: 'number', join: 'risk' },
    ecl_minor: { sql: 'r.ecl_minor', kind: 'number', join: 'risk' },
  },
};

/** A borrower's loans, and their outstanding in the base currency (principal where no balance is reported). */
const BORROWER_LOANS: GridColumn = { sql: '(SELECT count(*) FROM loans x WHERE x.borrower_id = b.borrower_id)', kind: 'number' };
const BORROWER_OUTSTANDING: GridColumn = {
  sql: `coalesce((SELECT sum(coalesce(x.outstanding_balance_minor, x.principal_minor)) FROM loans x
                  WHERE x.borrower_id = b.borrower_id AND x.currency = ${BASE_CURRENCY_SQL}), 0)`,
  kind: 'number',
};

export const BORROWER_GRID: GridSpec<keyof BorrowerRow> = {
  table: 'borrowers b',
  key: 'b.borrower_id',
  joins: {},
  columns: {
    borrower_id: { sql: 'b.borrower_id', kind: 'text' },
    region: { sql: 'b.region', kind: 'text' },
    annual_income_minor: { sql: 'b.annual_income_minor', kind: 'number' },
    employment_type: { sql: 'b.employment_type', kind: 'text' },
    industry: { sql: 'b.industry', kind: 'text' },
    home_ownership: { sql: 'b.home_ownership', kind: 'text' },
    credit_history_months: { sql: 'b.credit_history_months', kind: 'number' },
    id_verified: { sql: 'b.id_verified', kind: 'number' },
    loans: BORROWER_LOANS,
    outstanding_minor: BORROWER_OUTSTANDING,
  },
};

/** The loan view in order with the chosen columns (for CSV export); iterate on a connection of its own. */
export function loanViewRows(db: Db, filterModel: GridFilterModel, sortModel: GridSortModel, columns: readonly (keyof LoanRow)[]): IterableIterator<Partial<LoanRow>> {
  return viewRows<Partial<LoanRow>>(db, LOAN_GRID, filterModel, sortModel, columns);
}

export function countLoans(db: Db, filterModel: GridFilterModel): number {
  return countRows(db, LOAN_GRID, filterModel);
}

/** At most this many regions are listed for the grids' region filters (a portfolio's regions are a few dozen). */
export const MAX_REGIONS = 500;

/**
 * The distinct non-empty regions the borrowers carry, in code order: regions come with imported data, so the grids'
 * region filters ask for them rather than list a fixed set. Bounded, so a file full of stray values cannot flood a list.
 */
export function borrowerRegions(db: Db): string[] {
  return db.prepare(`SELECT DISTINCT region FROM borrowers WHERE region <> '' ORDER BY region LIMIT ${MAX_REGIONS}`).pluck().all() as string[];
}

export function loanDetail(db: Db, loanId: string): LoanDetail | undefined {
  const columns = Object.entries(LOAN_GRID.columns).map(([id, column]) => `${column.sql} AS "${id}"`);
  const loan = db.prepare(`SELECT ${columns.join(', ')} FROM ${LOAN_GRID.table} ${Object.values(LOAN_GRID.joins).join(' ')} WHERE l.loan_id = ?`).get(loanId) as LoanRow | undefined;
  if (!loan) return undefined;
  const borrower = db
    .prepare('SELECT borrower_id, region, annual_income_minor, employment_type, industry, home_ownership, credit_history_months, id_verified FROM borrowers WHERE borrower_id = ?')
    .get(loan.borrower_id) as LoanDetail['borrower'];
  const performance = db.prepare('SELECT as_of, balance_minor, dpd, paid_amount_minor, status FROM loan_performance WHERE loan_id = ? ORDER BY as_of').all(loanId) as LoanDetail['performance'];
  return { loan, borrower, performance };
}
