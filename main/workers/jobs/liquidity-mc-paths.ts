import { simulatePaths } from '../../engines/liquidity/index.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { flowHistoryOf, liquidityBook } from '../liquidity-book.ts';
import type { EngineJob } from '../protocol.ts';

/** Paths reported per progress message. */
const PROGRESS_PATHS = 500;

/**
 * One slice of a Monte Carlo simulation's paths. Each task reads the flow history itself (a year of daily rows per
 * product: small) rather than receiving it, so that a task is self-contained; the buffer comes from main, which took
 * it from the position once.
 */
export const liquidityMcPathsJob: EngineJob<'liquidity-mc-paths'> = ({ reader }, input, report) =>
  inReadSnapshot(reader, () => {
    const book = liquidityBook(reader, { asOf: input.asOf, version: input.version });
    const history = flowHistoryOf(reader, book, input.products, input.historyDays);
    const settings = { days: input.days, blockDays: input.blockDays, outflowMultiplier: input.outflowMultiplier, subscriptionFactor: input.subscriptionFactor, seed: input.seed };
    return simulatePaths(history, settings, input.bufferMinor, input.firstPath, input.count, (done) => {
      if (done % PROGRESS_PATHS === 0 || done === input.count) report({ done, total: input.count, phase: 'simulating paths' });
    });
  });
