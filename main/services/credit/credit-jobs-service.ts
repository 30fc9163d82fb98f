// Credit work that runs on engine workers: scorecard development, bin re-counts, the portfolio run, analytics
// and model monitoring. The permission is checked here, in main, before any worker starts.
import { developmentOptionsSchema, type BinEditRequest, type CreditAnalytics, type DevelopmentOptions, type DevelopmentReport, type ModelMonitoring, type CreditRunResult, type StoredBinning } from '../../../preload/contract/credit.ts';
import type { JobInput, JobResult } from '../../../preload/contract/jobs.ts';
import { binningProblems, fromStoredBinning, mergeWithNext, moveBoundary, splitInterval, toStoredBinning, type BinEdit } from '../../engines/credit/index.ts';
import { CREDIT_FEATURES } from '../../store/credit-features.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { JobCallOptions, ServiceContext, WriteCallOptions } from '../context.ts';
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

/**
 * INVALID_ARGUMENT for options outside the contract's ranges (a caller that did not parse them, the CLI: the worker
 * parses its input with the same schema), that name no credit feature, or that carry bins that cannot be applied.
 */
export function checkDevelopmentOptions(options: DevelopmentOptions): void {
  const parsed = developmentOptionsSchema.safeParse(options);
  const issue = parsed.error?.issues[0];
  if (issue) throw invalid(`The development option ${issue.path.map(String).join('.')} is out of range: ${issue.message}.`, { option: issue.path.map(String).join('.') });
  for (const name of options.exclude) {
    if (!CREDIT_FEATURES.some((f) => f.name === name)) throw invalid(`"${name}" cannot be excluded: it is not a credit feature.`, { feature: name });
  }
  options.binnings.forEach(checkBinning);
  if (new Set(options.binnings.map((b) => b.name)).size < options.binnings.length) throw invalid('Each feature may have one set of bins only.', {});
}

export function developScorecard(ctx: ServiceContext, options: DevelopmentOptions, call: JobCallOptions<'credit-development'> = {}): Promise<DevelopmentReport> {
  requirePermission(ctx.actor, 'models.develop');
  checkDevelopmentOptions(options);
  return ctx.pool().run('credit-development', { options }, { ...call, reader: ctx.workspace.readerSpec() });
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
  request: JobInput<'credit-binning'> & { edit?: BinEditRequest },
  call: JobCallOptions<'credit-binning'> = {},
): Promise<JobResult<'credit-binning'>> {
  requirePermission(ctx.actor, 'models.develop');
  checkBinning(request.binning);
  const input: JobInput<'credit-binning'> = {
    binning: editedBinning(request.binning, request.edit),
    holdoutFraction: request.holdoutFraction,
    seed: request.seed,
    minBinShare: request.minBinShare,
    monotonic: request.monotonic,
  };
  return ctx.pool().run('credit-binning', input, { ...call, reader: ctx.workspace.readerSpec() });
}

/**
 * PD, grade, stage and ECL for every open loan, stored as one run. The worker writes the run itself, through the
 * writer spec in `call`, which the caller hands to this run only while it holds the workspace's write lock. The run
 * emits its early-warning alerts in the same transaction and says how many it raised and repeated.
 */
export function runCreditPortfolio(ctx: ServiceContext, request: { asOf?: string; batchSize?: number }, call: WriteCallOptions<'credit-run'>): Promise<CreditRunResult> {
  requirePermission(ctx.actor, 'runs.start');
  const input = {
    actor: ctx.actor.username,
    startedAt: ctx.now().toISOString(),
    ...(request.asOf === undefined ? {} : { asOf: request.asOf }),
    ...(request.batchSize === undefined ? {} : { batchSize: request.batchSize }),
  };
  return ctx.pool().run('credit-run', input, { ...call, reader: ctx.workspace.readerSpec() });
}

/**
 * Seconds at a million loans; the result is kept until the workspace changes (ctx.reads), and a second request in
 * the meantime shares it.
 */
export function creditAnalytics(ctx: ServiceContext, call: JobCallOptions<'credit-analytics'> = {}): Promise<CreditAnalytics> {
  requirePermission(ctx.actor, 'workspace.read');
  return ctx.reads.cachedAsync('credit-analytics', () => ctx.pool().run('credit-analytics', {}, { ...call, reader: ctx.workspace.readerSpec() }));
}

/** Like the analytics, kept per model until the workspace changes. */
export function modelMonitoring(ctx: ServiceContext, modelId: number, call: JobCallOptions<'credit-monitoring'> = {}): Promise<ModelMonitoring> {
  requirePermission(ctx.actor, 'workspace.read');
  return ctx.reads.cachedAsync(`credit-monitoring\u0000${modelId}`, () => ctx.pool().run('credit-monitoring', { modelId }, { ...call, reader: ctx.workspace.readerSpec() }));
}
