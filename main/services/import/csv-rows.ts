import { CsvError } from 'csv-parse';
import { MAX_RECORD_CHARS, type CsvFile } from './csv-file.ts';
import { type Header, readHeader } from './header.ts';
import { ProblemLog } from './problems.ts';
import { RowReader } from './row-reader.ts';

/** The columns a file of one kind has, and how messages name the kind ("liquidity_lines", "LCR lines"). */
export interface ColumnSpec {
  readonly kind: string;
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** One data row, with a RowReader started on it; `number` is the row as a spreadsheet numbers it (the header is 1). */
export interface CsvRow {
  readonly number: number;
  readonly reader: RowReader<string, string>;
  /** False when the header had a problem: the row is still checked, but nothing may be kept from it. */
  readonly headerComplete: boolean;
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/**
 * The data rows of a CSV file against `spec`, for every reader of record files (the import, the liquidity line
 * files): reads the header, skips blank lines, and logs what is wrong with the file rather than with a cell (a
 * header problem, a row with the wrong number of values, broken quoting, an empty file), so a consumer only reads
 * cells. Iterate it once; `count` is then the number of data rows (blank lines not counted).
 */
export class CsvRows implements AsyncIterable<CsvRow> {
  count = 0;
  /** Whether the file had a first row to read as the header (false: the empty-file problem is logged). */
  headerRead = false;
  private readonly source: CsvFile;
  private readonly spec: ColumnSpec;
  private readonly log: ProblemLog;
  private readonly warnings: ProblemLog;
  private readonly signal: AbortSignal | undefined;
  private readonly onRow: ((count: number) => void) | undefined;

  /** Without `warnings`, the rows' warnings are kept to themselves: only the import shows them (line files have none). */
  constructor(source: CsvFile, spec: ColumnSpec, log: ProblemLog, options: { signal?: AbortSignal; onRow?: (count: number) => void; warnings?: ProblemLog } = {}) {
    this.source = source;
    this.spec = spec;
    this.log = log;
    this.warnings = options.warnings ?? new ProblemLog(log.file);
    this.signal = options.signal;
    this.onRow = options.onRow;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<CsvRow> {
    const { source, spec, log } = this;
    let header: Header | null = null;
    let reader: RowReader<string, string> | null = null;
    let rowNumber = 0;
    try {
      for await (const fields of source.records) {
        rowNumber += 1;
        if (rowNumber > recordsBefore(source.syntaxError())) break;
        if (header === null || reader === null) {
          header = readHeader(fields, spec, log, source.undecodable);
          this.headerRead = true;
          reader = new RowReader(header.columns, spec.required, { problems: log, warnings: this.warnings }, source.undecodable);
          continue;
        }
        if (isBlank(fields)) continue;
        this.signal?.throwIfAborted();
        this.count += 1;
        this.onRow?.(this.count);
        if (fields.length !== header.names.length) {
          log.add(rowNumber, null, null, `has ${fields.length} values but the header has ${header.names.length} columns`);
          continue;
        }
        reader.start(fields, rowNumber);
        yield { number: rowNumber, reader, headerComplete: header.complete };
      }
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      logCsvError(error, rowNumber, header, log, source.encodingAdvice());
    }
    const syntaxError = source.syntaxError();
    if (syntaxError !== null) logCsvError(syntaxError, rowNumber, header, log, source.encodingAdvice());
    else if (header === null) log.add(1, null, null, 'the file is empty; its first row must name the columns');
    // Judged once the whole file has been read: its first non-ASCII bytes may come in any row. Reported on the header
    // row, as a problem of the whole file.
    const misread = source.misreadUtf8();
    if (misread !== null) log.addFirst(1, misread);
  }
}

function recordsBefore(error: CsvError | null): number {
  if (error === null) return Infinity;
  return typeof error.records === 'number' ? error.records : 0;
}

/**
 * The parser counts records as a spreadsheet counts rows (blank lines included), so its count locates the row.
 * Broken quoting in a file that looks like another encoding (UTF-16, binary data) is a symptom: `advice` names the cause.
 */
function logCsvError(error: CsvError, rowNumber: number, header: Header | null, log: ProblemLog, advice: string | null): void {
  const row = typeof error.records === 'number' ? error.records + 1 : rowNumber + 1;
  const column = row > 1 && typeof error.index === 'number' ? (header?.names[error.index] ?? null) : null;
  log.add(row, column, null, advice === null ? describeCsvError(error) : `${describeCsvError(error)}; ${advice}`);
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'has a quoted value that is never closed (a " is missing); nothing after it could be read';
    case 'INVALID_OPENING_QUOTE':
      return 'has a " inside an unquoted value; quote the whole value and double the inner quotes ("a ""b"" c")';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'has characters between a closing " and the next comma; quote the whole value and double the inner quotes';
    case 'CSV_MAX_RECORD_SIZE':
      return `is longer than ${MAX_RECORD_CHARS.toLocaleString('en-US')} characters, far more than any record RiskDesk imports (is this a CSV file, and are its quotes closed?); nothing after it could be read`;
    default:
      return `could not be read as CSV: ${error.message}`;
  }
}
