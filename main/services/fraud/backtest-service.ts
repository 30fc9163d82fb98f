// Backtests of fraud rule sets: the feature pass and the tally run on an engine worker (they only read); the result is
// then stored with its audit event, beside the versions it compared.
import { backtestRequestSchema, type BacktestRequest, type StoredBacktest } from '../../../preload/contract/fraud-backtests.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { getBacktest, insertBacktest, listBacktests } from '../../store/fraud-backtests.ts';
import type { JobCallOptions, ServiceContext, Write } from '../context.ts';
import { auditedChange } from '../lifecycle-service.ts';
import { requirePermission } from '../permissions.ts';
import { validationFailure } from '../validation-failure.ts';

/**
 * Backtests `request.version` (any status) over the period against labels and case dispositions, beside the active
 * version, and stores the result. FORBIDDEN, VALIDATION (a period that is not one), JOB_FAILED with cause NOT_FOUND
 * (no such version) or INVALID_STATE (a version that does not compile): nothing stored then.
 */
export async function backtestRuleSet(ctx: ServiceContext, request: BacktestRequest, call: JobCallOptions<'fraud-backtest'>, write: Write): Promise<StoredBacktest> {
  requirePermission(ctx.actor, 'rules.backtest');
  const parsed = backtestRequestSchema.safeParse(request);
  if (!parsed.success) throw validationFailure('the backtest', parsed.error.issues);
  const startedAt = ctx.now().toISOString();
  const result = await ctx.pool().run('fraud-backtest', parsed.data, { ...call, reader: ctx.workspace.readerSpec() });
  return write(() =>
    auditedChange(
      ctx,
      (finishedAt) => insertBacktest(ctx.workspace.db, { result, startedBy: ctx.actor.username, startedAt, finishedAt }),
      (stored) => ({
        action: 'fraud.rules.backtest',
        subject: `fraud rule set v${result.version}`,
        details: {
          backtestId: stored.backtestId,
          version: result.version,
          baselineVersion: result.baselineVersion,
          from: result.from,
          to: result.to,
          transactions: result.transactions,
          flagged: result.candidate.flagged,
          precision: result.candidate.precision,
          recall: result.candidate.recall,
        },
      }),
    ),
  );
}

export function listRuleSetBacktests(ctx: ServiceContext, version: number | null): StoredBacktest[] {
  requirePermission(ctx.actor, 'workspace.read');
  return listBacktests(ctx.reader, version);
}

export function ruleSetBacktest(ctx: ServiceContext, backtestId: number): StoredBacktest {
  requirePermission(ctx.actor, 'workspace.read');
  const backtest = getBacktest(ctx.reader, backtestId);
  if (!backtest) throw new RiskDeskError('NOT_FOUND', `There is no backtest ${backtestId} in this workspace.`, { backtestId });
  return backtest;
}
