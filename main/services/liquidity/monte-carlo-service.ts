// Monte Carlo simulations of daily net redemptions: main resolves the settings (the request over the active parameter
// set's defaults) and the buffer (the HQLA after haircuts, summed in SQL), splits the paths into slices that the worker pool
// runs side by side, merges them and stores the result with its audit event. Every path draws from its own stream of
// the seed, so the result is the same whatever the pool's size.
import { monteCarloRequestSchema, type MonteCarloRequest, type MonteCarloResult, type PathChunk, type StoredSimulation } from '../../../preload/contract/liquidity.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { mergePathChunks } from '../../engines/liquidity/index.ts';
import { insertSimulation, listSimulations } from '../../store/liquidity-simulations.ts';
import { liquidBufferMinor, liquidityBook, redeemableProducts } from '../../workers/liquidity-book.ts';
import type { JobCallOptions, ServiceContext, Write } from '../context.ts';
import { auditedChange } from '../lifecycle-service.ts';
import { requirePermission } from '../permissions.ts';
import { validationFailure } from '../validation-failure.ts';

/** Paths per worker task at least (fewer would spend more on messages than on paths), and slices per worker at most. */
const MIN_SLICE_PATHS = 250;
const SLICES_PER_WORKER = 4;

/** [firstPath, count] slices covering 0 … paths − 1. */
export function pathSlices(paths: number, workers: number): [number, number][] {
  const size = Math.max(MIN_SLICE_PATHS, Math.ceil(paths / (workers * SLICES_PER_WORKER)));
  const slices: [number, number][] = [];
  for (let first = 0; first < paths; first += size) slices.push([first, Math.min(size, paths - first)]);
  return slices;
}

export async function simulateLiquidity(ctx: ServiceContext, request: MonteCarloRequest, call: JobCallOptions<'liquidity-monte-carlo'>, write: Write): Promise<StoredSimulation> {
  requirePermission(ctx.actor, 'runs.start');
  const parsed = monteCarloRequestSchema.safeParse(request);
  if (!parsed.success) throw validationFailure('the simulation', parsed.error.issues);
  const asked = parsed.data;
  const book = liquidityBook(ctx.reader, { asOf: asked.asOf });
  const { asOf, currency, minorDigits, parameterVersion: version, parameters } = book;
  const defaults = parameters.monteCarlo;
  const products = asked.products ?? redeemableProducts(ctx.reader, parameters);
  if (products.length === 0) throw new RiskDeskError('NOT_FOUND', 'The workspace has no investor products to simulate: import investor balances and daily flows, or generate the demo.');
  const settings = {
    paths: asked.paths ?? defaults.paths,
    days: asked.days ?? defaults.days,
    seed: asked.seed ?? 1,
    blockDays: asked.blockDays ?? defaults.blockDays,
    outflowMultiplier: asked.outflowMultiplier ?? defaults.outflowMultiplier,
    subscriptionFactor: asked.subscriptionFactor ?? defaults.subscriptionFactor,
  };
  const bufferMinor = liquidBufferMinor(ctx.reader, book);
  const slices = pathSlices(settings.paths, ctx.pool().size);
  const done = new Array<number>(slices.length).fill(0);
  const reportProgress = () => call.onProgress?.({ done: done.reduce((sum, n) => sum + n, 0), total: settings.paths, phase: 'simulating paths' });
  reportProgress();
  const chunks: PathChunk[] = await Promise.all(
    slices.map(([firstPath, count], index) =>
      ctx.pool().run(
        'liquidity-mc-paths',
        { asOf, version, products, historyDays: defaults.historyDays, days: settings.days, blockDays: settings.blockDays, outflowMultiplier: settings.outflowMultiplier, subscriptionFactor: settings.subscriptionFactor, seed: settings.seed, bufferMinor, firstPath, count },
        {
          reader: ctx.workspace.readerSpec(),
          ...(call.signal ? { signal: call.signal } : {}),
          onProgress: (progress) => {
            done[index] = progress.done;
            reportProgress();
          },
        },
      ),
    ),
  );
  const summary = mergePathChunks(chunks, settings, bufferMinor, minorDigits);
  const result: MonteCarloResult = { asOf, currency, parameterVersion: version, ...settings, products, historyDays: defaults.historyDays, ...summary };
  return write(() =>
    auditedChange(
      ctx,
      (finishedAt) => insertSimulation(ctx.workspace.db, { parameterVersion: version, asOf, startedBy: ctx.actor.username, finishedAt, result }),
      (stored) => ({
        action: 'liquidity.simulate',
        subject: `liquidity simulation ${stored.simulationId}`,
        details: { simulationId: stored.simulationId, parameterVersion: version, asOf, ...settings, products, survival30: result.survival30, reserve: result.reserve },
      }),
    ),
  );
}

export function listLiquiditySimulations(ctx: ServiceContext): StoredSimulation[] {
  requirePermission(ctx.actor, 'workspace.read');
  return listSimulations(ctx.reader);
}
