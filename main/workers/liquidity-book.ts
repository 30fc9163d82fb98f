import { RiskDeskError } from '../../preload/contract/errors.ts';
import { liquidityParametersSchema, type LcrCategory, type LiquidityParameters, type LiquidityPosition, type ScenarioResult } from '../../preload/contract/liquidity.ts';
import { dayNumber, parseDay } from '../engines/calendar.ts';
import { currencyMinorDigits, isCurrencyCode } from '../engines/currency.ts';
import {
  flowHistory,
  isLiquidityCategory,
  LadderTally,
  LcrTally,
  nsfrCategoryOfLine,
  nsfrCategoryOfLoan,
  NsfrTally,
  ScenarioBook,
  type FlowHistory,
  type ProductFlowSeries,
} from '../engines/liquidity/index.ts';
import type { Db } from '../store/database.ts';
import { dailyFlowsUpTo, hqlaByCategory, investorBalancesByProduct, lineSnapshotDate, loanBookForNsfr, snapshotLineCount, snapshotLines, type StoredLine } from '../store/liquidity-data.ts';
import { liquidityParameterSets } from '../store/liquidity-parameter-sets.ts';
import { baseCurrency } from '../store/workspace-meta.ts';

/**
 * The workspace's liquidity position as the worker jobs compute it: which parameter set version and which snapshot of
 * the lines, as of which day, and the one pass over the lines that feeds the ratios, the ladder and the scenarios.
 */
export interface LiquidityBook {
  readonly asOf: string;
  readonly asOfDay: number;
  /** The as_of of the lines read (the latest snapshot on or before asOf). */
  readonly snapshot: string;
  readonly currency: string;
  readonly minorDigits: number;
  readonly parameterVersion: number;
  readonly parameters: LiquidityParameters;
}

/**
 * The version asked for, or the active one, for whatever computes with it (callers check their caller's permission).
 * NOT_FOUND for a version that does not exist; INVALID_STATE when none is active, or when the stored parameters no
 * longer pass the contract's schema (saved by an older build): computing with part of a parameter set would be worse
 * than refusing.
 */
export function liquidityParameterSetOf(reader: Db, version: number | undefined): { version: number; parameters: LiquidityParameters } {
  const set = version === undefined ? liquidityParameterSets.active(reader) : liquidityParameterSets.get(reader, version);
  if (!set) {
    throw version === undefined
      ? new RiskDeskError('INVALID_STATE', 'No liquidity parameter set is active: have one approved by a second compliance user and activate it, then try again.')
      : new RiskDeskError('NOT_FOUND', `There is no liquidity parameter set v${version} in this workspace.`, { version });
  }
  const parsed = liquidityParametersSchema.safeParse(set.parameters);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const where = issue ? `${issue.path.join('.') || '(top level)'}: ${issue.message}` : 'invalid';
    throw new RiskDeskError('INVALID_STATE', `The liquidity parameter set v${set.version} is not valid (${where}); save a corrected draft and activate it.`, { version: set.version });
  }
  return { version: set.version, parameters: parsed.data };
}

export function liquidityBook(reader: Db, input: { readonly asOf?: string | undefined; readonly version?: number | undefined }): LiquidityBook {
  const set = liquidityParameterSetOf(reader, input.version);
  // A workspace whose lines carry no as_of is read as of today (UTC), the day the position is asked for.
  const snapshot = lineSnapshotDate(reader, input.asOf, new Date().toISOString().slice(0, 10));
  const asOf = input.asOf ?? snapshot;
  const currency = baseCurrency(reader);
  return {
    asOf,
    asOfDay: dayNumber(parseDay(asOf)),
    snapshot,
    currency,
    minorDigits: isCurrencyCode(currency) ? currencyMinorDigits(currency) : 2,
    parameterVersion: set.version,
    parameters: set.parameters,
  };
}

/** A stored line's category, checked again (imports check it; a workspace written by hand might not). */
function lcrCategory(line: StoredLine): LcrCategory {
  if (!isLiquidityCategory(line.category)) throw new RiskDeskError('INVALID_STATE', `Liquidity line ${line.line_id} has the category "${line.category}", which is not an LCR category; re-import it with one of DOMAIN.md's categories.`);
  return line.category;
}

/** Remaining days from as-of to the line's maturity; null for a line without one. */
function remainingDays(book: LiquidityBook, line: StoredLine): number | null {
  return line.maturity_date === null ? null : dayNumber(parseDay(line.maturity_date)) - book.asOfDay;
}

/** Every line of the snapshot with its category checked and its remaining days, reporting progress every PROGRESS_LINES. */
function* bookLines(reader: Db, book: LiquidityBook, onProgress: (done: number, total: number) => void) {
  const total = snapshotLineCount(reader, book.snapshot, book.currency);
  let done = 0;
  onProgress(0, total);
  for (const line of snapshotLines(reader, book.snapshot, book.currency)) {
    yield { line, category: lcrCategory(line), remainingDays: remainingDays(book, line) };
    done += 1;
    if (done % PROGRESS_LINES === 0) onProgress(done, total);
  }
  onProgress(done, total);
}
const PROGRESS_LINES = 50_000;

/** A scenario book for the book's factors, to fill from the lines (positionOf fills one in its own pass when given one). */
export function scenarioBook(book: LiquidityBook): ScenarioBook {
  return new ScenarioBook(book.parameters.lcr.factors, book.minorDigits);
}

/**
 * The ladder, LCR and NSFR in one pass over the lines; the NSFR adds the loan book, summed in SQL. A run also needs the
 * scenarios: it passes their book, filled in the same pass, so that a million lines are read once.
 */
export function positionOf(reader: Db, book: LiquidityBook, onProgress: (done: number, total: number) => void, scenarios: ScenarioBook | null = null): LiquidityPosition {
  const { parameters, minorDigits } = book;
  const lcr = new LcrTally(parameters.lcr.factors, minorDigits);
  const nsfr = new NsfrTally(parameters.nsfr.asf, parameters.nsfr.rsf, minorDigits);
  const ladder = new LadderTally(book.asOfDay, minorDigits);
  let lines = 0;
  for (const { line, category, remainingDays: days } of bookLines(reader, book, onProgress)) {
    lines += 1;
    // A line that matured before as-of is no longer on the balance sheet: the ladder says so, the ratios leave it out.
    ladder.add({ category, amountMinor: line.amount_minor, maturityDay: days === null ? null : book.asOfDay + days });
    if (days !== null && days < 0) continue;
    lcr.add(category, line.amount_minor);
    scenarios?.add({ category, amountMinor: line.amount_minor, remainingDays: days });
    const nsfrCategory = nsfrCategoryOfLine(category, days);
    if (nsfrCategory !== null) nsfr.add(nsfrCategory, line.amount_minor);
  }
  for (const part of loanBookForNsfr(reader, book.asOf, book.currency)) {
    nsfr.add(nsfrCategoryOfLoan({ performing: part.performing, remainingDays: part.longTerm ? 365 : 0 }), part.balanceMinor);
  }
  return { asOf: book.asOf, currency: book.currency, parameterVersion: book.parameterVersion, lines, ladder: ladder.ladder(), lcr: lcr.breakdown(), nsfr: nsfr.breakdown() };
}

/**
 * The liquid assets a simulation's paths draw on: the HQLA still held as of the book's date, after the parameter set's
 * haircuts and before the LCR's caps (as the scenarios' buffer is). Summed per category in SQL over the HQLA lines only,
 * rather than by a pass over every line.
 */
export function liquidBufferMinor(reader: Db, book: LiquidityBook): number {
  const lcr = new LcrTally(book.parameters.lcr.factors, book.minorDigits);
  for (const { category, amountMinor } of hqlaByCategory(reader, book.snapshot, book.currency, book.asOf)) {
    if (isLiquidityCategory(category)) lcr.add(category, amountMinor);
  }
  const { level1, level2a, level2b } = lcr.breakdown();
  return Math.round((level1 + level2a + level2b) * 10 ** book.minorDigits);
}

/** The products' flow history up to as-of, as rates on today's balances, each with the parameter set's notice period. */
export function flowHistoryOf(reader: Db, asOf: string, parameters: LiquidityParameters, products: readonly string[], historyDays: number): FlowHistory {
  const balances = investorBalancesByProduct(reader);
  const rows = dailyFlowsUpTo(reader, asOf);
  if (rows.length === 0) throw new RiskDeskError('NOT_FOUND', `The workspace has no daily flows on or before ${asOf}: import daily_flows or generate the demo first.`);
  const noticeDays = new Map(parameters.products.map((terms) => [terms.product, terms.noticeDays]));
  return flowHistory(rows, balances, products, historyDays, noticeDays);
}

/** The products whose investors may redeem before a fixed term ends: every product with balances but those the parameter set gives a term. */
export function redeemableProducts(reader: Db, parameters: LiquidityParameters): string[] {
  const fixed = new Set(parameters.products.filter((terms) => terms.termDays !== null).map((terms) => terms.product));
  return [...investorBalancesByProduct(reader).keys()].filter((product) => !fixed.has(product));
}

/** The scenario book filled from one pass over the lines, with the flow history its redemption rates come from. */
export interface Scenarios {
  run(name: string): ScenarioResult;
}

/** The scenarios of the book, from a scenario book filled with its lines, and the redeemable products' flow history. */
export function scenariosFrom(reader: Db, book: LiquidityBook, filled: ScenarioBook): Scenarios {
  const history = flowHistoryOf(reader, book.asOf, book.parameters, redeemableProducts(reader, book.parameters), book.parameters.monteCarlo.historyDays);
  return {
    run(name) {
      const scenario = book.parameters.scenarios.find((candidate) => candidate.name === name);
      if (!scenario) {
        const names = book.parameters.scenarios.map((s) => s.name).join(', ');
        throw new RiskDeskError('NOT_FOUND', `Liquidity parameter set v${book.parameterVersion} has no scenario "${name}" (it has ${names}).`, { scenario: name });
      }
      const outcome = filled.run(scenario, history, book.asOfDay);
      return { asOf: book.asOf, currency: book.currency, parameterVersion: book.parameterVersion, scenario, ...outcome };
    },
  };
}

/** The scenarios of the book, from a pass over its lines of their own (a scenario asked for alone). */
export function scenariosOf(reader: Db, book: LiquidityBook, onProgress: (done: number, total: number) => void): Scenarios {
  const scenarios = scenarioBook(book);
  for (const { line, category, remainingDays: days } of bookLines(reader, book, onProgress)) {
    if (days !== null && days < 0) continue;
    scenarios.add({ category, amountMinor: line.amount_minor, remainingDays: days });
  }
  return scenariosFrom(reader, book, scenarios);
}

/** Each product's daily net outflow (outflow − inflow) on or before `upTo`, ascending by date: the indicators' history. */
export function productFlowSeries(reader: Db, upTo: string): ProductFlowSeries[] {
  const byProduct = new Map<string, { product: string; dates: string[]; netOutflowMinor: number[] }>();
  for (const row of dailyFlowsUpTo(reader, upTo)) {
    let series = byProduct.get(row.product);
    if (!series) byProduct.set(row.product, (series = { product: row.product, dates: [], netOutflowMinor: [] }));
    series.dates.push(row.date);
    series.netOutflowMinor.push(row.outflowMinor - row.inflowMinor);
  }
  return [...byProduct.values()];
}
