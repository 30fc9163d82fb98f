// The credit screen's lists out of the encrypted workspace as CSV: the runs list with its history, and the latest run's
// pricing check as the grid shows it. Read and audited in one transaction, so the audit event names exactly what left.
import { createHash } from 'node:crypto';
import type { CsvFile, GridQuery, RunHistoryRow } from '../../../preload/contract/index.ts';
import { majorUnitsText } from '../../engines/currency.ts';
import { creditRunHistory, pricingViewRows } from '../../store/credit-run-history.ts';
import { PRICING_GRID } from '../../store/credit-runs.ts';
import type { ServiceContext } from '../context.ts';
import { CSV_BOM, CSV_LINE_END, type CsvValue, csvLine } from '../csv-writer.ts';
import { checkGridQuery } from '../grid-page.ts';
import { auditedChange } from '../lifecycle-service.ts';
import { requirePermission } from '../permissions.ts';

/** Every credit run, newest first, running ones included. */
export function creditRunList(ctx: ServiceContext): RunHistoryRow[] {
  requirePermission(ctx.actor, 'workspace.read');
  return creditRunHistory(ctx.reader);
}

const RUN_HEADER = ['run_id', 'as_of', 'status', 'started_by', 'started_at', 'finished_at', 'model_id', 'model_name', 'parameter_version', 'loans', 'ecl', 'currency'];
// Amounts leave in major units with their currency, as every RiskDesk CSV does (DOMAIN.md), rates and PDs as decimals.
const PRICING_HEADER = ['loan_id', 'product', 'grade', 'interest_rate', 'required_rate', 'shortfall', 'pd_12m', 'lgd', 'outstanding_balance', 'currency'];

function runLine(run: RunHistoryRow): CsvValue[] {
  const ecl = run.eclMinor === null || run.currency === null ? null : majorUnitsText(run.eclMinor, run.currency);
  return [run.runId, run.asOf, run.status, run.startedBy, run.startedAt, run.finishedAt, run.modelId, run.modelName, run.parameterVersion, run.loans, ecl, run.currency];
}

function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** The CSV of `lines` under `header`, with the BOM spreadsheets need to read UTF-8, and its digest. */
function csvOf(header: readonly string[], lines: Iterable<readonly CsvValue[]>): { csv: string; rows: number; sha256: string } {
  let csv = CSV_BOM + csvLine(header) + CSV_LINE_END;
  let rows = 0;
  for (const line of lines) {
    csv += csvLine(line) + CSV_LINE_END;
    rows += 1;
  }
  return { csv, rows, sha256: createHash('sha256').update(csv, 'utf8').digest('hex') };
}

/** Writes the export's audit event with what it read, in one transaction; the caller holds the session's write lock. */
function auditedExport(ctx: ServiceContext, subject: string, fileName: string, read: () => { csv: string; rows: number; sha256: string }, details: Record<string, unknown> = {}): CsvFile {
  requirePermission(ctx.actor, 'portfolio.export');
  return auditedChange(
    ctx,
    () => ({ fileName, ...read() }),
    (file) => ({ action: 'portfolio.export', subject, details: { file: fileName, rows: file.rows, sha256: file.sha256, ...details } }),
  );
}

/** The runs list as CSV: every credit run with when, who, model and parameter versions, population, ECL and status. */
export function exportCreditRuns(ctx: ServiceContext): CsvFile {
  requirePermission(ctx.actor, 'workspace.read');
  const fileName = `credit-runs-${fileStamp(ctx.now())}.csv`;
  return auditedExport(ctx, 'credit runs', fileName, () => csvOf(RUN_HEADER, creditRunHistory(ctx.workspace.db).map(runLine)));
}

/** The latest run's pricing check as CSV, filtered and sorted as the grid shows it. */
export function exportPricingCheck(ctx: ServiceContext, view: Pick<GridQuery, 'filterModel' | 'sortModel'>): CsvFile {
  requirePermission(ctx.actor, 'workspace.read');
  checkGridQuery({ name: 'pricing', spec: PRICING_GRID }, view);
  const [latest] = creditRunHistory(ctx.workspace.db).filter((run) => run.status === 'finished');
  const currency = latest?.currency ?? null;
  const fileName = `pricing-check-run-${latest?.runId ?? 'none'}-${fileStamp(ctx.now())}.csv`;
  const lines = function* () {
    for (const row of pricingViewRows(ctx.workspace.db, view.filterModel, view.sortModel)) {
      const balance = row.outstanding_balance_minor === null || currency === null ? null : majorUnitsText(row.outstanding_balance_minor, currency);
      yield [row.loan_id, row.product, row.grade, row.interest_rate, row.required_rate, row.shortfall, row.pd_12m, row.lgd, balance, currency];
    }
  };
  return auditedExport(ctx, 'credit pricing check', fileName, () => csvOf(PRICING_HEADER, lines()), { runId: latest?.runId ?? null, filterModel: view.filterModel, sortModel: view.sortModel });
}
