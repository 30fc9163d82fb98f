// Credit work that runs on engine workers: scorecard development, bin re-counts, the portfolio run, analytics
// and model monitoring. The permission is checked here, in main, before any worker starts.
import type { BinEditRequest, CreditAnalytics, DevelopmentOptions, DevelopmentReport, ModelMonitoring, RunSummary, StoredBinning } from '../../../preload/contract/credit.ts';
import { mergeWithNext, moveBoundary, splitInterval, type BinEdit } from '../../engines/credit/scorecard/editing.ts';
import { fromStoredBinning, toStoredBinning } from '../../engines/credit/scorecard/stored.ts';
import { RiskDeskError } from '../../store/errors.ts';
import type { EnginePool } from '../../workers/pool.ts';
import type { CreditBinningInput, CreditBinningResult } from '../../workers/jobs/credit-binning.ts';
import type { ServiceContext } from '../context.ts';
import type { JobCallOptions } from '../jobs-service.ts';
import { requirePermission } from '../permissions.ts';

export function developScorecard(ctx: ServiceContext, pool: EnginePool, options: DevelopmentOptions, call: JobCallOptions = {}): Promise<DevelopmentReport> {
  requirePermission(ctx.actor, 'models.develop');
  return pool.run('credit-development', { options }, { ...call, reader: ctx.readerSpec() });
}

/** The analyst's edit, applied in main so that an impossible one is refused as such before any worker starts. */
function editedBinning(stored: StoredBinning, edit: BinEditRequest | undefined): StoredBinning {
  if (!edit) return stored;
  const binning = fromStoredBinning(stored);
  let outcome: BinEdit;
  if (edit.op === 'split') outcome = splitInterval(binning, edit.index, edit.at);
  else if (edit.op === 'merge') outcome = mergeWithNext(binning, edit.index);
  else outcome = moveBoundary(binning, edit.index, edit.to);
  if (!outcome.ok) throw new RiskDeskError('INVALID_ARGUMENT', outcome.message, { feature: binning.name, edit });
  return toStoredBinning(outcome.binning);
}

/** One feature's bins, after an optional edit, re-counted on the development sample's training rows. */
export function evaluateBinning(
  ctx: ServiceContext,
  pool: EnginePool,
  request: CreditBinningInput & { edit?: BinEditRequest },
  call: JobCallOptions = {},
): Promise<CreditBinningResult> {
  requirePermission(ctx.actor, 'models.develop');
  const input: CreditBinningInput = { binning: editedBinning(request.binning, request.edit), holdoutFraction: request.holdoutFraction, seed: request.seed };
  return pool.run('credit-binning', input, { ...call, reader: ctx.readerSpec() });
}

/**
 * PD, grade, stage and ECL for every open loan, stored as one run. The worker writes the run itself, so the
 * caller must hold the workspace's write lock for the whole call (the API's job registry does; the CLI is the
 * only process).
 */
export function runCreditPortfolio(ctx: ServiceContext, pool: EnginePool, request: { asOf?: string; batchSize?: number }, call: JobCallOptions = {}): Promise<RunSummary> {
  requirePermission(ctx.actor, 'runs.start');
  const input = {
    actor: ctx.actor.username,
    startedAt: ctx.now().toISOString(),
    ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
    ...(request.batchSize === undefined ? {} : { batchSize: request.batchSize }),
  };
  return pool.run('credit-run', input, { ...call, reader: ctx.readerSpec() });
}

export function creditAnalytics(ctx: ServiceContext, pool: EnginePool, call: JobCallOptions = {}): Promise<CreditAnalytics> {
  requirePermission(ctx.actor, 'workspace.read');
  return pool.run('credit-analytics', {}, { ...call, reader: ctx.readerSpec() });
}

export function modelMonitoring(ctx: ServiceContext, pool: EnginePool, modelId: number, call: JobCallOptions = {}): Promise<ModelMonitoring> {
  requirePermission(ctx.actor, 'workspace.read');
  return pool.run('credit-monitoring', { modelId }, { ...call, reader: ctx.readerSpec() });
}
