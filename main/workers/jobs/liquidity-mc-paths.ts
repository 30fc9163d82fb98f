import { simulatePaths } from '../../engines/liquidity/index.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { flowHistoryOf, liquidityParameterSetOf } from '../liquidity-book.ts';
import type { EngineJob } from '../protocol.ts';

/** Paths reported per progress message. */
const PROGRESS_PATHS = 500;

/**
 * One slice of a Monte Carlo simulation's paths. Each task reads the flow history itself (a year of daily rows per
 * product: small) rather than receiving it, so that a task is self-contained; the settings, the products and the buffer
 * come from main, which resolved them once (nothing here reads the lines).
 */
export const liquidityMcPathsJob: EngineJob<'liquidity-mc-paths'> = ({ reader }, input, report) =>
  inReadSnapshot(reader, () => {
    const { parameters } = liquidityParameterSetOf(reader, input.version);
    const history = flowHistoryOf(reader, input.asOf, parameters, input.products, input.historyDays);
    const settings = { days: input.days, blockDays: input.blockDays, outflowMultiplier: input.outflowMultiplier, subscriptionFactor: input.subscriptionFactor, seed: input.seed };
    return simulatePaths(history, settings, input.bufferMinor, input.firstPath, input.count, (done) => {
      if (done % PROGRESS_PATHS === 0 || done === input.count) report({ done, total: input.count, phase: 'simulating paths' });
    });
  });
