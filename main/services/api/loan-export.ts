import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { LOAN_COLUMNS, type LoanRow } from '../../../preload/contract/index.ts';
import type { GridFilterModel, GridSortModel } from '../../store/grid-sql.ts';
import { countLoans, loanViewRows } from '../../store/portfolio-queries.ts';
import { openReadConnection } from '../../store/read-connection.ts';
import { currencyMinorDigits, isCurrencyCode } from '../import/money.ts';
import { ApiFailure } from './api-errors.ts';
import type { JobControl } from './job-registry.ts';

type LoanColumn = keyof LoanRow;

/** Money columns leave as major-unit decimals under the names the CSV import reads (DOMAIN.md), so an export re-imports. */
const MONEY_HEADERS: Partial<Record<LoanColumn, string>> = {
  principal_minor: 'principal',
  outstanding_balance_minor: 'outstanding_balance',
  undrawn_amount_minor: 'undrawn_amount',
  // Runs cover base-currency loans only, so a loan's ECL is in its own currency like its other amounts.
  ecl_minor: 'ecl',
};
const ROWS_PER_TURN = 2_000;
const FLUSH_CHARS = 1 << 18;
/** Excel reads a UTF-8 CSV as UTF-8 only with a byte order mark; the CSV import accepts one. */
const BOM = '\uFEFF';

export interface ExportSummary {
  readonly fileName: string;
  readonly rows: number;
  readonly bytes: number;
}

/** The chosen columns in contract order of choice, plus the currency whenever money is exported. */
export function exportColumns(chosen: readonly LoanColumn[] | undefined): LoanColumn[] {
  const columns = [...new Set(chosen ?? LOAN_COLUMNS)];
  if (columns.some((c) => c in MONEY_HEADERS) && !columns.includes('currency')) columns.push('currency');
  return columns;
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break, or starts or ends with a space. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function majorUnits(minor: number, currency: string): string {
  const digits = isCurrencyCode(currency) ? currencyMinorDigits(currency) : 2;
  const sign = minor < 0 ? '-' : '';
  const whole = String(Math.abs(minor));
  if (digits === 0) return sign + whole;
  const padded = whole.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

function csvLine(row: Partial<LoanRow>, columns: readonly LoanColumn[]): string {
  return columns
    .map((column) => {
      const value = row[column];
      if (value === null || value === undefined) return '';
      if (column in MONEY_HEADERS && typeof value === 'number') return majorUnits(value, row.currency ?? '');
      return csvField(String(value));
    })
    .join(',');
}

/**
 * Refuses an export folder someone else could read: it must be a real directory (not a link), owned by this
 * user and closed to everyone else. It is created that way when missing (the default lives in the shared temp folder).
 */
export function privateDirectory(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  const uid = process.getuid?.();
  const foreign = !stat.isDirectory() || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o077) !== 0));
  if (foreign) throw new ApiFailure('INVALID_ARGUMENT', `The export folder ${dir} is not a private folder of this user; remove it or choose another export folder.`);
}

/**
 * Streams the whole filtered, sorted loan view to a new CSV file, on a read connection of its own (the
 * session's reader stays free for the grid), yielding to the event loop between batches so the app stays responsive.
 */
export async function exportLoansCsv(request: {
  readonly reader: { path: string; key: Buffer };
  readonly dir: string;
  readonly fileName: string;
  readonly filterModel: GridFilterModel;
  readonly sortModel: GridSortModel;
  readonly columns: readonly LoanColumn[];
  readonly control: JobControl;
}): Promise<ExportSummary> {
  const { control, columns } = request;
  privateDirectory(request.dir);
  const file = path.join(request.dir, request.fileName);
  const handle = await fs.promises.open(file, 'wx', 0o600);
  control.keepFile(file);
  let db: ReturnType<typeof openReadConnection> | undefined;
  let rows: IterableIterator<Partial<LoanRow>> | undefined;
  try {
    control.signal.throwIfAborted();
    db = openReadConnection(request.reader);
    const total = countLoans(db, request.filterModel);
    const selected: LoanColumn[] = columns.includes('currency') ? [...columns] : [...columns, 'currency'];
    rows = loanViewRows(db, request.filterModel, request.sortModel, selected);
    let buffer = BOM + columns.map((c) => MONEY_HEADERS[c] ?? c).join(',') + '\r\n';
    let written = 0;
    for (const row of rows) {
      buffer += csvLine(row, columns) + '\r\n';
      written += 1;
      if (buffer.length >= FLUSH_CHARS) {
        await handle.write(buffer);
        buffer = '';
      }
      if (written % ROWS_PER_TURN === 0) {
        control.progress({ done: written, total: Math.max(total, written), phase: 'rows' });
        await nextTurn();
        control.signal.throwIfAborted();
      }
    }
    await handle.write(buffer);
    await handle.sync();
    control.progress({ done: written, total: written, phase: 'rows' });
    return { fileName: request.fileName, rows: written, bytes: (await handle.stat()).size };
  } finally {
    rows?.return?.();
    db?.close();
    await handle.close();
  }
}

const CHUNK_BYTES = 1 << 20;

/** About 1 MB of a finished export from `offset` (a byte offset), never splitting a UTF-8 character. */
export async function readExportChunk(file: string, offset: number): Promise<{ chunk: string; nextOffset: number; done: boolean }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (offset > size) throw new ApiFailure('VALIDATION', `offset ${offset} is past the end of the export (${size} bytes).`, [{ path: 'offset', message: 'past the end of the file' }]);
    const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, size - offset));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    let end = bytesRead;
    if (offset + end < size) {
      // Back up to the start of a character if the chunk ends inside one (continuation bytes are 10xxxxxx).
      let start = end;
      while (start > 0 && ((buffer[start - 1] ?? 0) & 0xc0) === 0x80) start -= 1;
      const lead = buffer[start - 1] ?? 0;
      const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (start > 0 && start - 1 + length > end) end = start - 1;
    }
    const nextOffset = offset + end;
    return { chunk: buffer.subarray(0, end).toString('utf8'), nextOffset, done: nextOffset >= size };
  } finally {
    await handle.close();
  }
}
