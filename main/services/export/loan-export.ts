// The loan book out of the encrypted workspace as a CSV file: the grid's filtered, sorted view with the columns
// chosen, in major units under the names the import reads, and audited once complete.
import fs from 'node:fs';
import path from 'node:path';
import { LOAN_COLUMNS, type ExportSummary, type GridQuery, type LoanRow } from '../../../preload/contract/index.ts';
import { countLoans, loanViewRows } from '../../store/portfolio-queries.ts';
import { openReadConnection } from '../../store/read-connection.ts';
import type { JobCallOptions, ServiceContext } from '../context.ts';
import type { CsvValue } from '../csv-writer.ts';
import { checkGridQuery } from '../grid-page.ts';
import { majorUnitsText } from '../../engines/currency.ts';
import { auditedChange } from '../lifecycle-service.ts';
import { requirePermission } from '../permissions.ts';
import { LOANS } from '../portfolio-service.ts';
import { exportFileName, streamCsv } from './csv-file-stream.ts';

type LoanColumn = keyof LoanRow;

/** Money columns leave as major-unit decimals under the names the CSV import reads (DOMAIN.md), so an export re-imports. */
const MONEY_HEADERS: Partial<Record<LoanColumn, string>> = {
  principal_minor: 'principal',
  outstanding_balance_minor: 'outstanding_balance',
  undrawn_amount_minor: 'undrawn_amount',
  // Runs cover base-currency loans only, so a loan's ECL is in its own currency like its other amounts.
  ecl_minor: 'ecl',
};

/** What an export covered: the view's filter and sort and the columns chosen. */
export interface ExportScope {
  readonly filterModel: GridQuery['filterModel'];
  readonly sortModel: GridQuery['sortModel'];
  readonly columns: readonly LoanColumn[];
}

/** The chosen columns in contract order of choice, plus the currency whenever money is exported. */
function exportColumns(chosen: readonly LoanColumn[] | undefined): LoanColumn[] {
  const columns = [...new Set(chosen ?? LOAN_COLUMNS)];
  if (columns.some((c) => c in MONEY_HEADERS) && !columns.includes('currency')) columns.push('currency');
  return columns;
}

/**
 * What an export of the loan grid's view will cover, checked when it is asked for (VALIDATION for a sort or filter
 * the grid cannot run) rather than as a failed job a moment later.
 */
export function loanExportScope(ctx: ServiceContext, request: Pick<GridQuery, 'filterModel' | 'sortModel'> & { columns?: readonly LoanColumn[] }): ExportScope {
  requirePermission(ctx.actor, 'portfolio.export');
  checkGridQuery(LOANS, request);
  return { filterModel: request.filterModel, sortModel: request.sortModel, columns: exportColumns(request.columns) };
}

/** The name of a new export file, made now by job `jobId`: loans-YYYYMMDD-HHMMSS-<job>.csv. */
export function loanExportFileName(ctx: ServiceContext, jobId: string): string {
  return exportFileName('loans', ctx.now(), jobId);
}

function loanLine(row: Partial<LoanRow>, columns: readonly LoanColumn[]): CsvValue[] {
  return columns.map((column) => {
    const value = row[column];
    return column in MONEY_HEADERS && typeof value === 'number' ? majorUnitsText(value, row.currency ?? '') : value;
  });
}

/**
 * Streams the whole filtered, sorted loan view to a new CSV file, on a read connection of its own (the
 * session's reader stays free for the grid), yielding to the event loop between batches so the app stays responsive.
 * The file is handed to `call.keepFile` as soon as it exists, so that it goes with a job that does not finish.
 */
export async function exportLoansCsv(
  ctx: ServiceContext,
  request: {
    readonly scope: ExportScope;
    /** A new file in the session's private folder. */
    readonly file: string;
  },
  call: JobCallOptions<'export-loans'> & { keepFile(file: string): void },
): Promise<ExportSummary> {
  requirePermission(ctx.actor, 'portfolio.export');
  const { scope, file } = request;
  const { columns } = scope;
  const handle = await fs.promises.open(file, 'wx', 0o600);
  call.keepFile(file);
  let db: ReturnType<typeof openReadConnection> | undefined;
  let rows: IterableIterator<Partial<LoanRow>> | undefined;
  try {
    call.signal?.throwIfAborted();
    db = openReadConnection(ctx.workspace.readerSpec());
    const total = countLoans(db, scope.filterModel);
    const selected: LoanColumn[] = columns.includes('currency') ? [...columns] : [...columns, 'currency'];
    rows = loanViewRows(db, scope.filterModel, scope.sortModel, selected);
    const written = await streamCsv(
      handle,
      { header: columns.map((c) => MONEY_HEADERS[c] ?? c), rows, line: (row) => loanLine(row, columns), total },
      { onProgress: (p) => call.onProgress?.({ ...p, phase: 'rows' }), signal: call.signal },
    );
    return { fileName: path.basename(file), rows: written.rows, bytes: (await handle.stat()).size, sha256: written.sha256 };
  } finally {
    rows?.return?.();
    db?.close();
    await handle.close();
  }
}

/**
 * An export takes the loan book out of the encrypted workspace as plaintext, which auditors ask about: it is
 * recorded once the file is complete (who, when, which view, how many rows, the file's digest). A session
 * locked before this commits fails the export, and its file is removed with the job.
 */
export function auditLoanExport(ctx: ServiceContext, summary: ExportSummary, scope: ExportScope): void {
  requirePermission(ctx.actor, 'portfolio.export');
  auditedChange(
    ctx,
    () => undefined,
    () => ({
      action: 'portfolio.export',
      subject: 'loans',
      details: { file: summary.fileName, rows: summary.rows, bytes: summary.bytes, sha256: summary.sha256, columns: [...scope.columns], filterModel: scope.filterModel, sortModel: scope.sortModel },
    }),
  );
}
