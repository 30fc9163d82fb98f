import { CsvError } from 'csv-parse';
import { isSqliteCode, type Db } from '../../store/database.ts';
import type { ImportKind } from '../../../preload/contract/vocabulary.ts';
import { createRowWriter } from '../../store/row-writers.ts';
import { MAX_RECORD_CHARS, type CsvFile } from './csv-file.ts';
import { type Header, readHeader } from './header.ts';
import type { ImportEnv, KindSpec } from './kinds/kind-spec.ts';
import type { ProblemLog } from './problems.ts';
import { checkRepeatedKeys } from './repeated-keys.ts';
import { RowReader } from './row-reader.ts';

export interface ImportProgress {
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly rows: number;
}

export interface ImportRecordsOptions<K extends ImportKind> {
  readonly db: Db;
  readonly spec: KindSpec<K>;
  readonly source: CsvFile;
  readonly env: ImportEnv;
  readonly log: ProblemLog;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
}

const PROGRESS_EVERY_ROWS = 1000;

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

/**
 * Streams the file's rows into the kind's table inside the caller's transaction, logging every problem
 * (a natural key repeated within the file among them).
 * Valid rows are written even after a problem so that reference errors further down are found too; the caller
 * rolls everything back if the log is not empty. Returns the number of data rows (blank lines not counted).
 */
export async function importRecords<K extends ImportKind>(options: ImportRecordsOptions<K>): Promise<number> {
  const { db, spec, source, env, log, signal, onProgress } = options;
  const writer = createRowWriter(db, spec.kind);
  const keys = checkRepeatedKeys(db, spec.kind, log);
  const reportProgress = (rows: number): void => onProgress?.({ bytesRead: source.bytesRead(), totalBytes: source.totalBytes, rows });
  let header: Header | null = null;
  let reader: RowReader<string, string> | null = null;
  let rowNumber = 0;
  let rows = 0;
  try {
    for await (const fields of source.records) {
      rowNumber += 1;
      if (rowNumber > recordsBefore(source.syntaxError())) break;
      if (header === null || reader === null) {
        header = readHeader(fields, spec, log);
        reader = new RowReader(header.columns, spec.required, log);
        continue;
      }
      if (isBlank(fields)) continue;
      signal?.throwIfAborted();
      rows += 1;
      if (rows % PROGRESS_EVERY_ROWS === 0) reportProgress(rows);
      if (fields.length !== header.names.length) {
        log.add(rowNumber, null, null, `has ${fields.length} values but the header has ${header.names.length} columns`);
        continue;
      }
      reader.start(fields, rowNumber);
      const record = spec.read(reader, env);
      // Before the ok check, so that a row with a bad value still claims its key and a later repeat is reported.
      keys.remember(record, rowNumber);
      if (!header.complete || !reader.ok) continue;
      try {
        // RecordsByKind[K] is WritableRecords[K]; TypeScript does not resolve the intersection's index for a generic K.
        writer.write(record as Parameters<typeof writer.write>[0]);
      } catch (error) {
        if (!isSqliteCode(error, 'SQLITE_CONSTRAINT')) throw error;
        if (spec.reference && isSqliteCode(error, 'SQLITE_CONSTRAINT_FOREIGNKEY')) reader.problem(spec.reference.column, spec.reference.reason);
        else log.add(rowNumber, null, null, `was refused by the database: ${(error as Error).message}`);
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    logCsvError(error, rowNumber, header, log);
  }
  keys.drop();
  const syntaxError = source.syntaxError();
  if (syntaxError !== null) logCsvError(syntaxError, rowNumber, header, log);
  else if (header === null) log.add(1, null, null, 'the file is empty; its first row must name the columns');
  reportProgress(rows);
  return rows;
}

function recordsBefore(error: CsvError | null): number {
  if (error === null) return Infinity;
  return typeof error.records === 'number' ? error.records : 0;
}

/** The parser counts records as a spreadsheet counts rows (blank lines included), so its count locates the row. */
function logCsvError(error: CsvError, rowNumber: number, header: Header | null, log: ProblemLog): void {
  const row = typeof error.records === 'number' ? error.records + 1 : rowNumber + 1;
  const column = row > 1 && typeof error.index === 'number' ? (header?.names[error.index] ?? null) : null;
  log.add(row, column, null, describeCsvError(error));
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
