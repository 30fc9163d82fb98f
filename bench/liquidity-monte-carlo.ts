/**
 * The liquidity Monte Carlo (issue 12) on one thread, in-process: simulatePaths over every path, then
 * mergePathChunks. Figures only: no assertions.
 *
 *   ./node_modules/.bin/node --import tsx bench/liquidity-monte-carlo.ts [--paths 10000] [--days 90] [--block-days 5] [--history-days 365]
 *
 * The history is a seeded year of daily outflow and inflow rates (around 1.5 % and 1.4 % of the balance, with a
 * five-day run at four times the usual outflow), so that paths cross the buffer at various days. It prints paths ×
 * days per second by the wall clock and by user CPU time (on a shared machine the latter is the steadier), for the
 * simulation and the merge, and a few figures of the result as a checksum. The pool comparison (the same simulation
 * split over worker threads) belongs with the worker pool and is added there.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { mergePathChunks, simulatePaths, type FlowHistory } from '../main/engines/liquidity/index.ts';
import { seededRandom } from './support/seeded-random.ts';

const { values } = parseArgs({
  options: {
    paths: { type: 'string', default: '10000' },
    days: { type: 'string', default: '90' },
    'block-days': { type: 'string', default: '5' },
    'history-days': { type: 'string', default: '365' },
  },
});
const PATHS = Number(values.paths);
const DAYS = Number(values.days);
const BLOCK_DAYS = Number(values['block-days']);
const HISTORY_DAYS = Number(values['history-days']);
const BALANCE_MINOR = 50_000_000_000; // 500 million in major units
const BUFFER_MINOR = 12_000_000_000; // about day 60 of the mean path: some paths last the 90 days

const random = seededRandom(12);
const runStart = Math.floor(HISTORY_DAYS * 0.6);
const outflowRate = Float64Array.from({ length: HISTORY_DAYS }, (_, i) => 0.015 * (0.5 + random()) * (i >= runStart && i < runStart + 5 ? 4 : 1));
const inflowRate = Float64Array.from({ length: HISTORY_DAYS }, () => 0.014 * (0.5 + random()));
// Both products move alike, so that their rates are also the rates of the two together; notice_7d pays 7 days late.
const history: FlowHistory = {
  products: ['mmf_t0', 'notice_7d'],
  dates: Array.from({ length: HISTORY_DAYS }, (_, i) => `day ${i}`),
  outflowRate,
  inflowRate,
  balanceMinor: BALANCE_MINOR,
  perProduct: [
    { product: 'mmf_t0', noticeDays: 0, outflowRate, inflowRate, balanceMinor: BALANCE_MINOR * 0.6 },
    { product: 'notice_7d', noticeDays: 7, outflowRate, inflowRate, balanceMinor: BALANCE_MINOR * 0.4 },
  ],
};
const settings = { paths: PATHS, days: DAYS, blockDays: BLOCK_DAYS, outflowMultiplier: 1.2, subscriptionFactor: 1, seed: 20261205 };

function timed<T>(work: () => T): { result: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = work();
  return { result, wallMs: performance.now() - started, cpuMs: process.cpuUsage(cpu).user / 1000 };
}

const simulation = timed(() => simulatePaths(history, settings, BUFFER_MINOR, 0, PATHS));
const merge = timed(() => mergePathChunks([simulation.result], settings, BUFFER_MINOR, 2));

const rate = (ms: number): string => `${Math.round(((PATHS * DAYS) / ms) * 1000).toLocaleString('en-US')} path-days/s`;
console.log(`liquidity Monte Carlo: ${PATHS.toLocaleString('en-US')} paths × ${DAYS} days, blocks of ${BLOCK_DAYS} from ${HISTORY_DAYS} history days, one thread`);
console.log('                     wall                          user CPU');
for (const [label, run] of [
  ['simulatePaths', simulation],
  ['mergePathChunks', merge],
] as const) {
  console.log(`  ${label.padEnd(17)} ${(run.wallMs / 1000).toFixed(3).padStart(7)} s ${rate(run.wallMs).padStart(22)}   ${(run.cpuMs / 1000).toFixed(3).padStart(7)} s ${rate(run.cpuMs).padStart(22)}`);
}
const summary = merge.result;
const reserve = summary.reserve.map((level) => `${level.level}: ${level.value.toFixed(2)} [${level.low.toFixed(2)}, ${level.high.toFixed(2)}]`).join('; ');
console.log(`  survived ${summary.survived.toLocaleString('en-US')} of ${PATHS.toLocaleString('en-US')}; survival to day 30 ${(summary.survival30 * 100).toFixed(1)} %; reserve ${reserve}`);
