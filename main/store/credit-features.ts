import { createHash } from 'node:crypto';
import type { SampleDefinition } from '../../preload/contract/credit.ts';
import type { FeatureColumn, LoanRiskInput } from '../engines/credit/index.ts';
import type { Db } from './database.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { defaultedSql, normalisedStatus, openLoanSql, PAID_OFF_STATUSES } from './loan-status-sql.ts';
import { BASE_CURRENCY_SQL } from './workspace-meta.ts';
import { inReadSnapshot } from './read-connection.ts';

/**
 * The credit features: one list, read the same way for scorecard development and for scoring, so a model is
 * always applied to the features it was fitted on. Application-time information only (the borrower and the
 * loan's terms as they stood at origination): never DPD, status or balances, which would leak the outcome
 * into the score. Missing values come out as NaN (numeric) or null (categorical).
 */
export interface CreditFeature {
  readonly name: string;
  readonly type: 'numeric' | 'categorical';
  /** An SQL expression over `loans l LEFT JOIN borrowers b` (a constant, spliced into SQL). */
  readonly sql: string;
}

/** Whole years from one ISO date (or timestamp) to another: the year difference, less one before the anniversary. */
function wholeYears(from: string, to: string): string {
  return `(CAST(substr(${to}, 1, 4) AS INTEGER) - CAST(substr(${from}, 1, 4) AS INTEGER) - (substr(${to}, 6, 5) < substr(${from}, 6, 5)))`;
}

/** Whole months from one ISO date (or timestamp) to another, less one before the day of the month comes round. */
function wholeMonths(from: string, to: string): string {
  return `((CAST(substr(${to}, 1, 4) AS INTEGER) - CAST(substr(${from}, 1, 4) AS INTEGER)) * 12
    + CAST(substr(${to}, 6, 2) AS INTEGER) - CAST(substr(${from}, 6, 2) AS INTEGER) - (substr(${to}, 9, 2) < substr(${from}, 9, 2)))`;
}

export const CREDIT_FEATURES: readonly CreditFeature[] = [
  // Borrower amounts are imported in the base currency; hundredths make them major units for the usual two-decimal ones.
  { name: 'annual_income', type: 'numeric', sql: 'b.annual_income_minor / 100.0' },
  { name: 'debt_to_income', type: 'numeric', sql: 'b.monthly_debt_minor * 12.0 / nullif(b.annual_income_minor, 0)' },
  { name: 'credit_history_months', type: 'numeric', sql: 'b.credit_history_months' },
  { name: 'age_at_origination', type: 'numeric', sql: wholeYears('b.birth_date', 'l.origination_date') },
  { name: 'employment_type', type: 'categorical', sql: 'b.employment_type' },
  { name: 'home_ownership', type: 'categorical', sql: 'b.home_ownership' },
  { name: 'industry', type: 'categorical', sql: 'b.industry' },
  { name: 'region', type: 'categorical', sql: 'b.region' },
  { name: 'id_verified', type: 'categorical', sql: `CASE b.id_verified WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END` },
  { name: 'product', type: 'categorical', sql: 'l.product' },
  { name: 'channel', type: 'categorical', sql: 'l.channel' },
  { name: 'loan_to_income', type: 'numeric', sql: 'l.principal_minor * 1.0 / nullif(b.annual_income_minor, 0)' },
  { name: 'term_months', type: 'numeric', sql: 'l.term_months' },
  { name: 'interest_rate', type: 'numeric', sql: 'l.interest_rate' },
  // An uncollateralised loan is a level of its own, not a missing value.
  { name: 'collateral_type', type: 'categorical', sql: `coalesce(l.collateral_type, 'none')` },
  { name: 'months_registered_before_origination', type: 'numeric', sql: wholeMonths('b.registered_at', 'l.origination_date') },
];

export const CREDIT_FEATURE_NAMES: readonly string[] = CREDIT_FEATURES.map((f) => f.name);

/** The default flag at any time: now, or in any month of the loan's history (a probe of loan_performance_defaulted). */
const EVENT_SQL = `(${defaultedSql('l')} OR EXISTS (SELECT 1 FROM loan_performance p WHERE p.loan_id = l.loan_id AND ${defaultedSql('p')}))`;

/**
 * The development sample: loans whose outcome is known. Seasoned (originated 12 months or more before the
 * latest performance month, bound as @seasonedBefore, the first day after that month) or already ended
 * (paid off, or defaulted now). NULL @seasonedBefore (no history at all) leaves only the ended loans.
 */
const SAMPLE_WHERE = `(l.origination_date < @seasonedBefore OR ${normalisedStatus('l.status')} IN ${PAID_OFF_STATUSES} OR ${defaultedSql('l')})`;
const SEASONING_MONTHS = 12;
const LOANS_WITH_BORROWERS = 'loans l LEFT JOIN borrowers b ON b.borrower_id = l.borrower_id';

// ── Columns ─────────────────────────────────────────────────────────────────────────────────────────────
/** Fills one feature column row by row from SQL values; categorical levels are shared strings (a million rows hold a few dozen). */
class ColumnBuilder {
  private readonly feature: CreditFeature;
  private readonly numbers: Float64Array | null;
  private readonly levels: (string | null)[] | null;
  private readonly interned = new Map<string, string>();

  constructor(feature: CreditFeature, length: number) {
    this.feature = feature;
    this.numbers = feature.type === 'numeric' ? new Float64Array(length) : null;
    this.levels = feature.type === 'categorical' ? new Array<string | null>(length).fill(null) : null;
  }

  set(row: number, value: unknown): void {
    if (this.numbers) this.numbers[row] = typeof value === 'number' ? value : Number.NaN;
    else if (this.levels && value !== null && value !== undefined) {
      const text = String(value);
      let level = this.interned.get(text);
      if (level === undefined) this.interned.set(text, (level = text));
      this.levels[row] = level;
    }
  }

  column(): FeatureColumn {
    if (this.numbers) return { name: this.feature.name, type: 'numeric', values: this.numbers };
    return { name: this.feature.name, type: 'categorical', values: this.levels ?? [] };
  }
}

// ── Development sample ──────────────────────────────────────────────────────────────────────────────────
export interface DevelopmentSample {
  readonly loanIds: string[];
  readonly events: Uint8Array;
  readonly columns: FeatureColumn[];
  /** SHA-256 over the feature names, then each row's loan id, event and feature values, in loan-id order. */
  readonly trainingHash: string;
  /** The sample and the event, in one English sentence (the command line's; the screens word `sampleDefinition`). */
  readonly sample: string;
  readonly sampleDefinition: SampleDefinition;
}

export function latestPerformanceMonth(db: Db): string | null {
  return (db.prepare('SELECT max(as_of) AS month FROM loan_performance').get() as { month: string | null }).month;
}

function monthsAfter(month: string, count: number): string {
  const [year = 0, mon = 1] = month.split('-').map(Number);
  const index = year * 12 + (mon - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

interface SampleBounds {
  readonly latest: string | null;
  readonly seasonedBefore: string | null;
}

function sampleBounds(db: Db): SampleBounds {
  const latest = latestPerformanceMonth(db);
  return { latest, seasonedBefore: latest === null ? null : `${monthsAfter(latest, 1 - SEASONING_MONTHS)}-01` };
}

const PROGRESS_ROWS = 20_000;
const HASH_CHUNK_ROWS = 4_096;

/**
 * Streams the sample once in loan-id order (one statement, so memory holds the result columns only), hashing
 * it as it goes. Runs in a read snapshot of its own, so the count that sizes the columns and the rows agree.
 */
function readSample(db: Db, features: readonly CreditFeature[], onProgress?: (done: number, total: number) => void): { bounds: SampleBounds; loanIds: string[]; events: Uint8Array; columns: FeatureColumn[]; hash: string } {
  return inReadSnapshot(db, () => {
    const bounds = sampleBounds(db);
    const params = { seasonedBefore: bounds.seasonedBefore };
    const total = (db.prepare(`SELECT count(*) AS n FROM loans l WHERE ${SAMPLE_WHERE}`).get(params) as { n: number }).n;
    const select = ['l.loan_id', EVENT_SQL, ...features.map((f) => f.sql)].join(', ');
    const rows = db.prepare(`SELECT ${select} FROM ${LOANS_WITH_BORROWERS} WHERE ${SAMPLE_WHERE} ORDER BY l.loan_id`).raw(true).iterate(params) as IterableIterator<unknown[]>;
    const loanIds = new Array<string>(total);
    const events = new Uint8Array(total);
    const builders = features.map((f) => new ColumnBuilder(f, total));
    const hash = createHash('sha256').update(`${JSON.stringify(features.map((f) => [f.name, f.type]))}\n`);
    let chunk = '';
    let done = 0;
    for (const row of rows) {
      loanIds[done] = String(row[0]);
      events[done] = row[1] ? 1 : 0;
      builders.forEach((builder, j) => builder.set(done, row[j + 2]));
      chunk += `${JSON.stringify(row)}\n`;
      done += 1;
      if (done % HASH_CHUNK_ROWS === 0) {
        hash.update(chunk);
        chunk = '';
      }
      if (done % PROGRESS_ROWS === 0) onProgress?.(done, total);
    }
    hash.update(chunk);
    onProgress?.(done, total);
    return { bounds, loanIds, events, columns: builders.map((b) => b.column()), hash: hash.digest('hex') };
  });
}

/** How the sample and the event were defined (the counts are in the report next to it). */
function sampleSentence(bounds: SampleBounds): string {
  const seasoned =
    bounds.latest === null
      ? 'Loans that have ended (paid off, or defaulted), as there is no performance history to season open loans on'
      : `Loans originated at least ${SEASONING_MONTHS} months before the latest performance month ${bounds.latest}, or ended since (paid off, or defaulted)`;
  return `${seasoned}; the event is a default at any time (90+ days past due, written off, or a status of default, now or in any month of history).`;
}

/** The seasoned loans, their default flags and every feature, for scorecard development. */
export function readDevelopmentSample(db: Db, onProgress?: (done: number, total: number) => void): DevelopmentSample {
  const { bounds, loanIds, events, columns, hash } = readSample(db, CREDIT_FEATURES, onProgress);
  return { loanIds, events, columns, trainingHash: hash, sample: sampleSentence(bounds), sampleDefinition: { seasoningMonths: SEASONING_MONTHS, latestMonth: bounds.latest } };
}

function featureNamed(name: string): CreditFeature {
  const feature = CREDIT_FEATURES.find((f) => f.name === name);
  if (!feature) throw new RiskDeskError('INVALID_ARGUMENT', `There is no credit feature "${name}"; the features are: ${CREDIT_FEATURE_NAMES.join(', ')}.`, { feature: name });
  return feature;
}

/** One feature on the development sample, in the same rows and order (to re-count an edited feature's bins). */
export function readFeatureColumn(db: Db, feature: string): { column: FeatureColumn; events: Uint8Array } {
  const { columns, events } = readSample(db, [featureNamed(feature)]);
  const [column] = columns;
  if (!column) throw new Error('internal: a one-feature sample has one column');
  return { column, events };
}

// ── Scoring ─────────────────────────────────────────────────────────────────────────────────────────────
/** What the IFRS 9 engine reads of a loan besides its features: its own input type, so the two cannot drift. */
export type ScoringLoan = LoanRiskInput;

/** 'open' and 'all': see populationSql; a range: the loans originated from one date to another, both included. */
export type ScoringPopulation = 'open' | 'all' | { readonly originatedFrom: string; readonly originatedTo: string };

export interface ScoringBatch {
  readonly loanIds: string[];
  readonly columns: FeatureColumn[];
  readonly loans: ScoringLoan[];
  readonly originationDates: string[];
}

const LOAN_COLUMNS = [
  'l.product',
  'l.collateral_type',
  'l.repayment_type',
  'l.interest_rate',
  'l.term_months',
  'l.origination_date',
  'l.maturity_date',
  'coalesce(l.outstanding_balance_minor, l.principal_minor)',
  'coalesce(l.undrawn_amount_minor, 0)',
  'coalesce(l.dpd, 0)',
  'l.status',
];
/** Row layout: rowid, loan id, the features, then LOAN_COLUMNS. */
const SCORING_SELECT = ['l.rowid', 'l.loan_id', ...CREDIT_FEATURES.map((f) => f.sql), ...LOAN_COLUMNS].join(', ');
const FIRST_LOAN_COLUMN = 2 + CREDIT_FEATURES.length;

/**
 * 'open': what a credit run covers, the open loans in the base currency (a run's EAD and ECL are summed in it,
 * and RiskDesk holds no exchange rates); 'all': every loan, for monitoring, where only the score matters.
 */
function populationSql(population: ScoringPopulation): string {
  if (population === 'open') return `${openLoanSql('l')} AND l.currency = ${BASE_CURRENCY_SQL}`;
  return population === 'all' ? '1' : 'l.origination_date BETWEEN @originatedFrom AND @originatedTo';
}

/** The named parameters a population's SQL binds (none but a range's dates). */
function populationParameters(population: ScoringPopulation): [] | [{ originatedFrom: string; originatedTo: string }] {
  return typeof population === 'string' ? [] : [{ originatedFrom: population.originatedFrom, originatedTo: population.originatedTo }];
}

function scoringBatchOf(rows: readonly unknown[][]): ScoringBatch {
  const builders = CREDIT_FEATURES.map((f) => new ColumnBuilder(f, rows.length));
  const loans = rows.map((row, i): ScoringLoan => {
    builders.forEach((builder, j) => builder.set(i, row[j + 2]));
    const [product, collateralType, repaymentType, interestRate, termMonths, originationDate, maturityDate, balanceMinor, undrawnMinor, dpd, status] = row.slice(FIRST_LOAN_COLUMN);
    return {
      product: product as string,
      collateralType: collateralType as string | null,
      repaymentType: repaymentType as string | null,
      interestRate: interestRate as number,
      termMonths: termMonths as number,
      originationDate: originationDate as string,
      maturityDate: maturityDate as string | null,
      balanceMinor: balanceMinor as number,
      undrawnMinor: undrawnMinor as number,
      dpd: dpd as number,
      status: status as string | null,
    };
  });
  return { loanIds: rows.map((row) => String(row[1])), columns: builders.map((b) => b.column()), loans, originationDates: loans.map((loan) => loan.originationDate) };
}

export function countScoringLoans(db: Db, population: ScoringPopulation): number {
  return (db.prepare(`SELECT count(*) AS n FROM loans l WHERE ${populationSql(population)}`).get(...populationParameters(population)) as { n: number }).n;
}

/**
 * The population in batches, keyset-paged by the loans table's rowid so memory stays flat at any size. Each
 * batch is its own statement: read inside a snapshot (inReadSnapshot) for batches of one consistent state.
 */
export function* scoringBatches(db: Db, options: { batchSize: number; population: ScoringPopulation }): Generator<ScoringBatch, void, void> {
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) throw new RangeError(`batch size must be a positive integer, not ${options.batchSize}`);
  const page = db.prepare(`SELECT ${SCORING_SELECT} FROM ${LOANS_WITH_BORROWERS} WHERE l.rowid > ? AND ${populationSql(options.population)} ORDER BY l.rowid LIMIT ?`).raw(true);
  // Below every rowid (even a negative one), so the first page has no lower bound in effect.
  let after = -Infinity;
  for (;;) {
    const rows = page.all(after, options.batchSize, ...populationParameters(options.population)) as unknown[][];
    if (rows.length > 0) yield scoringBatchOf(rows);
    if (rows.length < options.batchSize) return;
    after = rows[rows.length - 1]?.[0] as number;
  }
}

/** One loan's features (a one-row column each) and terms, whatever its status; undefined for an unknown id. */
export function loanScoringInput(db: Db, loanId: string): { columns: FeatureColumn[]; loan: ScoringLoan } | undefined {
  const row = db.prepare(`SELECT ${SCORING_SELECT} FROM ${LOANS_WITH_BORROWERS} WHERE l.loan_id = ?`).raw(true).get(loanId) as unknown[] | undefined;
  if (!row) return undefined;
  const { columns, loans } = scoringBatchOf([row]);
  const [loan] = loans;
  return loan && { columns, loan };
}
