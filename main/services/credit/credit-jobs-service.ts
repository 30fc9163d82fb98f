// Credit work that runs on engine workers: scorecard development, bin re-counts, the portfolio run, analytics
// and model monitoring. The permission is checked here, in main, before any worker starts.
import type { BinEditRequest, CreditAnalytics, DevelopmentOptions, DevelopmentReport, ModelMonitoring, RunSummary, StoredBinning } from '../../../preload/contract/credit.ts';
import { binningProblems } from '../../engines/credit/scorecard/binning-rules.ts';
import { mergeWithNext, moveBoundary, splitInterval, type BinEdit } from '../../engines/credit/scorecard/editing.ts';
import { fromStoredBinning, toStoredBinning } from '../../engines/credit/scorecard/stored.ts';
import { CREDIT_FEATURES } from '../../store/credit-features.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { EnginePool } from '../../workers/pool.ts';
import type { CreditBinningInput, CreditBinningResult } from '../../workers/jobs/credit-binning.ts';
import type { ServiceContext } from '../context.ts';
import type { JobCallOptions } from '../jobs-service.ts';
import { requirePermission } from '../permissions.ts';

function invalid(message: string, details: Record<string, unknown>): RiskDeskError {
  return new RiskDeskError('INVALID_ARGUMENT', message, details);
}

/** Bins sent from outside name a credit feature, have its type, and can be applied as they are. */
function checkBinning(stored: StoredBinning): void {
  const feature = CREDIT_FEATURES.find((f) => f.name === stored.name);
  if (!feature) throw invalid(`There is no credit feature "${stored.name}"; the features are ${CREDIT_FEATURES.map((f) => f.name).join(', ')}.`, { feature: stored.name });
  if (feature.type !== stored.type) throw invalid(`${stored.name} is a ${feature.type} feature; the bins sent are ${stored.type}.`, { feature: stored.name });
  const problems = binningProblems(fromStoredBinning(stored));
  if (problems.length > 0) throw invalid(`The bins of ${stored.name} cannot be applied: ${problems.join('; ')}.`, { feature: stored.name, problems });
}

/** INVALID_ARGUMENT for options that name no credit feature or carry bins that cannot be applied. */
export function checkDevelopmentOptions(options: DevelopmentOptions): void {
  for (const name of options.exclude) {
    if (!CREDIT_FEATURES.some((f) => f.name === name)) throw invalid(`"${name}" cannot be excluded: it is not a credit feature.`, { feature: name });
  }
  options.binnings.forEach(checkBinning);
  if (new Set(options.binnings.map((b) => b.name)).size < options.binnings.length) throw invalid('Each feature may have one set of bins only.', {});
}

export function developScorecard(ctx: ServiceContext, pool: EnginePool, options: DevelopmentOptions, call: JobCallOptions = {}): Promise<DevelopmentReport> {
  requirePermission(ctx.actor, 'models.develop');
  checkDevelopmentOptions(options);
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
  checkBinning(request.binning);
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
