// The fraud screens' reads: the latest finished run's flags as a grid, one transaction's decision explained, the ring
// around an account and the run's flags per day. Each reads through the context's reader; the fraud runs write.
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import {
  fraudRingArgsSchema,
  fraudTransactionArgsSchema,
  type FraudAlertRow,
  type FraudRing,
  type FraudSummary,
  type FraudTransactionDetail,
} from '../../../preload/contract/fraud-views.ts';
import type { GridQuery } from '../../../preload/contract/grid.ts';
import { ringAround } from '../../store/fraud-ring.ts';
import { FRAUD_ALERT_GRID, fraudDays, fraudTransactionDetail, latestFraudRun } from '../../store/fraud-views.ts';
import type { ServiceContext } from '../context.ts';
import { gridPage, type Grid } from '../grid-page.ts';
import { requirePermission } from '../permissions.ts';
import { validationFailure } from '../validation-failure.ts';

const FRAUD_ALERTS: Grid = { name: 'fraud.alerts', spec: FRAUD_ALERT_GRID };

/** The grid's row as SQL gives it: the fired rules' ids still as their JSON array. */
type FraudAlertRecord = Omit<FraudAlertRow, 'rules'> & { readonly rules: string };

/** A page of the latest finished fraud run's flags (none before the first run), in transaction id order unless sorted otherwise. */
export function fraudAlertsPage(ctx: ServiceContext, query: GridQuery): { rows: FraudAlertRow[]; rowCount: number } {
  requirePermission(ctx.actor, 'workspace.read');
  const page = gridPage<FraudAlertRecord>(ctx, FRAUD_ALERTS, query);
  return { rows: page.rows.map((row) => ({ ...row, rules: JSON.parse(row.rules) as string[] })), rowCount: page.rowCount };
}

function parsed<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, what: string, args: unknown): T {
  const result = schema.safeParse(args);
  if (!result.success) throw validationFailure(what, result.error.issues);
  return result.data;
}

/** One transaction with its decision and its account's history; NOT_FOUND naming the txId if there is none. */
export function fraudTransaction(ctx: ServiceContext, args: unknown): FraudTransactionDetail {
  requirePermission(ctx.actor, 'workspace.read');
  const { txId } = parsed(fraudTransactionArgsSchema, 'fraud transaction arguments', args);
  const detail = fraudTransactionDetail(ctx.reader, txId);
  if (!detail) throw new RiskDeskError('NOT_FOUND', `There is no transaction ${txId} in this workspace (txId).`, { txId });
  return detail;
}

/** The ring around an account; NOT_FOUND naming the accountId if there is none. */
export function fraudRing(ctx: ServiceContext, args: unknown): FraudRing {
  requirePermission(ctx.actor, 'workspace.read');
  const { accountId } = parsed(fraudRingArgsSchema, 'fraud ring arguments', args);
  const ring = ringAround(ctx.reader, accountId);
  if (!ring) throw new RiskDeskError('NOT_FOUND', `There is no account ${accountId} in this workspace (accountId).`, { accountId });
  return ring;
}

/** The latest finished run's flags per day; kept until the workspace changes (it reads every flag of the run). */
export function fraudSummary(ctx: ServiceContext): FraudSummary {
  requirePermission(ctx.actor, 'workspace.read');
  return ctx.reads.cached('fraud.summary', () => {
    const run = latestFraudRun(ctx.reader);
    return { run: run ?? null, days: run ? fraudDays(ctx.reader, run.runId) : [] };
  });
}
