import { parseDate, parseTimestamp, parseYearMonth } from './date-values.ts';
import { Invalid } from './invalid.ts';
import { parseCurrency, parseMoney } from './money.ts';
import { type NumberCheck, parseDecimal, parseInteger } from './numbers.ts';
import type { ProblemLog } from './problems.ts';
import { parseBoolean, parseChoice, parseIdentifier, parseText } from './text-values.ts';

/** A required column reads as T, an optional one as T | null (empty cell). */
export type Cell<C extends string, Required extends string, T> = C extends Required ? T : T | null;

/**
 * Reads one CSV row's cells by column name, parsing each into its stored form and logging every problem
 * (so a row reports all of its bad values, not just the first).
 *
 * A required cell that is empty or invalid is logged and read as null despite its type: callers build the
 * record anyway and the importer drops it because `ok` is false. Checks that combine cells (maturity after
 * origination, a label's subject) must therefore run only while `ok` holds. A required column missing from the
 * header also reads as null (reported once, on row 1), so `ok` is false on every row of such a file.
 */
export class RowReader<Required extends string, Optional extends string> {
  private readonly columns: ReadonlyMap<string, number>;
  private readonly hasRequiredColumns: boolean;
  private readonly required: ReadonlySet<string>;
  private readonly log: ProblemLog;
  private readonly warnings: ProblemLog;
  private readonly undecodable: () => string;
  private fields: readonly string[] = [];
  private rowNumber = 0;
  private problemsBeforeRow = 0;

  /**
   * `undecodable` says why a cell with U+FFFD (bytes that were not text in the file's encoding) is refused;
   * `warnings` collects values that are possible but unusual (imported, and shown to the user).
   */
  constructor(columns: ReadonlyMap<string, number>, required: readonly string[], logs: { problems: ProblemLog; warnings: ProblemLog }, undecodable: () => string) {
    this.columns = columns;
    this.undecodable = undecodable;
    this.hasRequiredColumns = required.every((column) => columns.has(column));
    this.required = new Set(required);
    this.log = logs.problems;
    this.warnings = logs.warnings;
  }

  start(fields: readonly string[], rowNumber: number): void {
    this.fields = fields;
    this.rowNumber = rowNumber;
    this.problemsBeforeRow = this.log.total;
  }

  /** True while this row has no problem and the header has every required column. */
  get ok(): boolean {
    return this.hasRequiredColumns && this.log.total === this.problemsBeforeRow;
  }

  /** The raw text of a cell as the file has it ('' when blank or absent), for problems and messages. */
  raw(column: Required | Optional): string {
    const index = this.columns.get(column);
    return index === undefined ? '' : (this.fields[index] ?? '');
  }

  problem(column: Required | Optional, reason: string): void {
    this.log.add(this.rowNumber, column, this.raw(column), reason);
  }

  /** A value that is imported but unusual enough to show the user (a 48 % rate, a 20-year term). */
  warn(column: Required | Optional, reason: string): void {
    this.warnings.add(this.rowNumber, column, this.raw(column), reason);
  }

  id<C extends Required | Optional>(column: C): Cell<C, Required, string> {
    return this.parse(column, parseIdentifier) as Cell<C, Required, string>;
  }

  text<C extends Required | Optional>(column: C): Cell<C, Required, string> {
    return this.parse(column, parseText) as Cell<C, Required, string>;
  }

  /** `currency` null means the row's currency was itself invalid (already logged): the amount is not judged against a guess. */
  money<C extends Required | Optional>(column: C, currency: string | null, check?: NumberCheck): Cell<C, Required, number> {
    if (currency === null) {
      this.cell(column);
      return null as Cell<C, Required, number>;
    }
    return this.parse(column, (text) => parseMoney(text, currency), check) as Cell<C, Required, number>;
  }

  decimal<C extends Required | Optional>(column: C, check?: NumberCheck): Cell<C, Required, number> {
    return this.parse(column, parseDecimal, check) as Cell<C, Required, number>;
  }

  integer<C extends Required | Optional>(column: C, check?: NumberCheck): Cell<C, Required, number> {
    return this.parse(column, parseInteger, check) as Cell<C, Required, number>;
  }

  date<C extends Required | Optional>(column: C): Cell<C, Required, string> {
    return this.parse(column, parseDate) as Cell<C, Required, string>;
  }

  yearMonth<C extends Required | Optional>(column: C): Cell<C, Required, string> {
    return this.parse(column, parseYearMonth) as Cell<C, Required, string>;
  }

  timestamp<C extends Required | Optional>(column: C): Cell<C, Required, string> {
    return this.parse(column, parseTimestamp) as Cell<C, Required, string>;
  }

  boolean<C extends Required | Optional>(column: C): Cell<C, Required, 0 | 1> {
    return this.parse(column, parseBoolean) as Cell<C, Required, 0 | 1>;
  }

  currency<C extends Required | Optional>(column: C): Cell<C, Required, string> {
    return this.parse(column, parseCurrency) as Cell<C, Required, string>;
  }

  /** An optional currency column: `fallback` when blank, null when invalid (logged). */
  currencyOr(column: Optional, fallback: string): string | null {
    return this.raw(column).trim() === '' ? fallback : this.parse(column, parseCurrency);
  }

  choice<C extends Required | Optional, T extends string>(column: C, isAllowed: (value: string) => value is T, allowed: string): Cell<C, Required, T> {
    return this.parse(column, (text) => parseChoice(text, isAllowed, allowed)) as Cell<C, Required, T>;
  }

  /** A cell's text, or null when blank (logged if the column is required) or not text in the file's encoding (logged). */
  private cell(column: string): string | null {
    const index = this.columns.get(column);
    // An absent column was reported once on the header row; repeating it per row would bury the other problems.
    if (index === undefined) return null;
    const text = this.fields[index] ?? '';
    if (text.trim() === '') {
      if (this.required.has(column)) this.log.add(this.rowNumber, column, text, 'is empty but this column is required');
      return null;
    }
    // The decoders put U+FFFD for bytes that are not text in the file's encoding: usually a GBK or Latin-1 file read as UTF-8.
    if (text.includes('\uFFFD')) {
      this.log.add(this.rowNumber, column, text, this.undecodable());
      return null;
    }
    return text;
  }

  private parse<T>(column: string, parse: (text: string) => T | Invalid, check?: NumberCheck): T | null {
    const text = this.cell(column);
    if (text === null) return null;
    const value = parse(text);
    if (value instanceof Invalid) {
      this.log.add(this.rowNumber, column, text, value.reason);
      return null;
    }
    const reason = check && typeof value === 'number' ? check(value) : null;
    if (reason !== null) {
      this.log.add(this.rowNumber, column, text, reason);
      return null;
    }
    return value;
  }
}
