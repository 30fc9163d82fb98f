import { isSqliteCode, type Db } from '../../store/database.ts';
import type { ImportKind } from '../../../preload/contract/vocabulary.ts';
import { createRowWriter } from '../../store/row-writers.ts';
import type { CsvFile } from './csv-file.ts';
import { CsvRows } from './csv-rows.ts';
import type { ImportEnv, KindSpec } from './kinds/kind-spec.ts';
import type { ProblemLog } from './problems.ts';
import { checkRepeatedKeys } from './repeated-keys.ts';

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
  /** Values imported but unusual, for the summary. */
  readonly warnings: ProblemLog;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
}

const PROGRESS_EVERY_ROWS = 1000;

/**
 * Streams the file's rows into the kind's table inside the caller's transaction, logging every problem
 * (a natural key repeated within the file among them).
 * Valid rows are written even after a problem so that reference errors further down are found too; the caller
 * rolls everything back if the log is not empty. Returns the number of data rows (blank lines not counted).
 */
export async function importRecords<K extends ImportKind>(options: ImportRecordsOptions<K>): Promise<number> {
  const { db, spec, source, env, log, warnings, signal, onProgress } = options;
  const writer = createRowWriter(db, spec.kind);
  const keys = checkRepeatedKeys(db, spec.kind, log);
  const reportProgress = (rows: number): void => onProgress?.({ bytesRead: source.bytesRead(), totalBytes: source.totalBytes, rows });
  const rows = new CsvRows(source, spec, log, {
    signal,
    warnings,
    onRow: (count) => {
      if (count % PROGRESS_EVERY_ROWS === 0) reportProgress(count);
    },
  });
  for await (const { number, reader, headerComplete } of rows) {
    const record = spec.read(reader, env);
    // Before the ok check, so that a row with a bad value still claims its key and a later repeat is reported.
    keys.remember(record, number);
    if (!headerComplete || !reader.ok) continue;
    try {
      // RecordsByKind[K] is WritableRecords[K]; TypeScript does not resolve the intersection's index for a generic K.
      writer.write(record as Parameters<typeof writer.write>[0]);
    } catch (error) {
      if (!isSqliteCode(error, 'SQLITE_CONSTRAINT')) throw error;
      if (spec.reference && isSqliteCode(error, 'SQLITE_CONSTRAINT_FOREIGNKEY')) reader.problem(spec.reference.column, spec.reference.reason);
      else log.add(number, null, null, `was refused by the database: ${(error as Error).message}`);
    }
  }
  keys.drop();
  reportProgress(rows.count);
  return rows.count;
}
