// Fraud runs on an engine worker: the permission is checked here, in main, before any worker starts; the worker
// writes the run itself through the writer spec the caller hands it while holding the workspace's write lock.
import { fraudPeriodSchema, type FraudPeriod, type FraudRunResult } from '../../../preload/contract/fraud-runs.ts';
import { fraudRuns, latestRunFlags, type LatestFlag } from '../../store/fraud-runs.ts';
import type { ServiceContext, WriteCallOptions } from '../context.ts';
import { requirePermission } from '../permissions.ts';
import { validationFailure } from '../validation-failure.ts';

/**
 * Scores the transactions of the period (all when open) with the active rule set; each flagged one is stored with
 * the rules that fired and the feature values they read, and becomes an alert filed into its account's (or ring's)
 * case. VALIDATION for a period that is not one (a caller that did not parse it: the CLI).
 */
export function runFraud(ctx: ServiceContext, period: FraudPeriod & { batchSize?: number }, call: WriteCallOptions<'fraud-run'>): Promise<FraudRunResult> {
  requirePermission(ctx.actor, 'runs.start');
  const { batchSize, ...dates } = period;
  const parsed = fraudPeriodSchema.safeParse(dates);
  if (!parsed.success) throw validationFailure('the period', parsed.error.issues);
  const input = {
    actor: ctx.actor.username,
    startedAt: ctx.now().toISOString(),
    ...parsed.data,
    ...(batchSize === undefined ? {} : { batchSize }),
  };
  return ctx.pool().run('fraud-run', input, { ...call, reader: ctx.workspace.readerSpec() });
}

export function listFraudRuns(ctx: ServiceContext): FraudRunResult[] {
  requirePermission(ctx.actor, 'workspace.read');
  return fraudRuns(ctx.reader);
}

/** The transactions the latest finished run flagged, highest score first; runId null before the first run. */
export function latestFlaggedTransactions(ctx: ServiceContext): { runId: number | null; flags: LatestFlag[] } {
  requirePermission(ctx.actor, 'workspace.read');
  return latestRunFlags(ctx.reader);
}
