// A labelled CSV read whole into typed columns for scorecard development. Any CSV with a header row:
// "NA" and empty cells are missing; a column is numeric when every non-missing cell parses as a number.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { FeatureColumn } from '../../engines/credit/index.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { unreadable } from '../import/csv-file.ts';

export interface CsvTable {
  readonly header: string[];
  /** Cells by column; null where missing. */
  readonly cells: (string | null)[][];
  readonly rows: number;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function isMissing(cell: string): boolean {
  return cell === '' || cell === 'NA';
}

export async function readCsvTable(file: string): Promise<CsvTable> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw unreadable(file, error);
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true }) as string[][];
  } catch (error) {
    throw new RiskDeskError('FILE_UNREADABLE', `${file} is not a readable CSV file: ${error instanceof Error ? error.message : String(error)}`, { file });
  }
  const header = records[0];
  if (!header || header.length === 0) throw new RiskDeskError('FILE_UNREADABLE', `${file} is empty: a header row and at least one record are needed.`, { file });
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw new RiskDeskError('INVALID_ARGUMENT', `${file} has the column "${name}" twice; column names must be unique.`, { file, column: name });
    seen.add(name);
  }
  const body = records.slice(1);
  if (body.length === 0) throw new RiskDeskError('FILE_UNREADABLE', `${file} has a header row but no records.`, { file });
  const cells = header.map((_, c) => body.map((record) => {
    const cell = record[c] ?? '';
    return isMissing(cell) ? null : cell;
  }));
  return { header, cells, rows: body.length };
}

/** Numeric if every non-missing cell is a number; a column with no values at all is null (the caller decides). */
export function featureColumn(name: string, cells: readonly (string | null)[]): FeatureColumn | null {
  let present = 0;
  let numeric = true;
  for (const cell of cells) {
    if (cell === null) continue;
    present++;
    if (numeric && !NUMBER.test(cell)) numeric = false;
  }
  if (present === 0) return null;
  if (numeric) return { name, type: 'numeric', values: Float64Array.from(cells, (cell) => (cell === null ? Number.NaN : Number(cell))) };
  return { name, type: 'categorical', values: [...cells] };
}
