// Loan states in SQL. Imported statuses are free text: these are the spellings of
// engines/credit/portfolio/loan-status.ts, after the same normalisation (lower case, spaces and hyphens as
// underscores), so the dashboard, the credit sample, runs and analytics count a loan as defaulted alike.

export function normalisedStatus(column: string): string {
  return `replace(replace(replace(lower(trim(${column})), ' ', '_'), '-', '_'), '__', '_')`;
}
const DEFAULTED_STATUSES = `('default', 'defaulted', 'written_off', 'write_off', 'writeoff', 'charged_off')`;
export const CLOSED_STATUSES = `('paid_off', 'paidoff', 'repaid', 'written_off', 'write_off', 'writeoff', 'charged_off')`;
export const PAID_OFF_STATUSES = `('paid_off', 'paidoff', 'repaid')`;

/**
 * DOMAIN.md's default flag on one state (a loan's current one, or a month of its performance), its columns
 * qualified by `alias` when given. For a month, this text is the WHERE of the partial index
 * loan_performance_defaulted (migration 0060), which SQLite uses only for a matching term: change the two together.
 */
export function defaultedSql(alias?: string): string {
  const column = (name: string): string => (alias ? `${alias}.${name}` : name);
  return `(${column('dpd')} >= 90 OR ${normalisedStatus(column('status'))} IN ${DEFAULTED_STATUSES})`;
}

/**
 * An open loan: still on the book (not paid off or written off) with something drawn or undrawn; its columns
 * qualified by `alias` when given. The one definition of "open" that the dashboard, the report figures and the
 * credit run's population share, so that they count the same loans.
 */
export function openLoanSql(alias?: string): string {
  const column = (name: string): string => (alias ? `${alias}.${name}` : name);
  return `(${openStatusSql(column('status'))}
  AND coalesce(${column('outstanding_balance_minor')}, ${column('principal_minor')}) + coalesce(${column('undrawn_amount_minor')}, 0) > 0)`;
}

/**
 * The status codes the import writes (loan-vocabulary.ts LOAN_STATUSES; each is its own normalised spelling), and
 * those of them that are open or defaulted. Nearly every row holds one of them, so the two tests below take a code
 * as it is and normalise (five string functions) only the rare other spellings: on the dashboard's 12M performance
 * months that was half the time of the trend. Same answers as the normalised tests (loan-status-sql.test.ts).
 */
const STATUS_CODES = `('current', 'delinquent', 'default', 'written_off', 'paid_off')`;
const OPEN_STATUS_CODES = `('current', 'delinquent', 'default')`;
const DEFAULTED_STATUS_CODES = `('default', 'written_off')`;

/** A status (the column `column`) that is not closed: none, or any spelling that does not normalise to a closed one. */
export function openStatusSql(column: string): string {
  return `(${column} IN ${OPEN_STATUS_CODES} OR coalesce(${normalisedStatus(column)}, '') NOT IN ${CLOSED_STATUSES})`;
}

/**
 * defaultedSql for a scan of many loans: a status code is matched as it is. Not for months: its text is not the
 * WHERE of the partial index loan_performance_defaulted, which SQLite would then not use.
 */
export function defaultedLoanSql(): string {
  return `(dpd >= 90 OR CASE WHEN status IN ${STATUS_CODES} THEN status IN ${DEFAULTED_STATUS_CODES} ELSE ${normalisedStatus('status')} IN ${DEFAULTED_STATUSES} END)`;
}
