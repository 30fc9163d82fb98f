/**
 * The liquidity engine over a workspace (issue 12): the LCR, NSFR and ladder of 1M lines, against a plain SELECT of the
 * same columns from the same workspace; the line grid sorted by weighted amount in SQL; and a Monte Carlo simulation
 * through the worker pool on one and on two workers (the speed-up). Figures only: no timed assertions.
 *
 *   ./node_modules/.bin/node --import tsx bench/liquidity-workspace.ts [--lines 1000000] [--paths 1000000] [--days 90]
 *
 * The workspace is a temp encrypted database (test-support/temp-database.ts: migrated, the shipped parameter set
 * active) filled with seeded lines of every LCR category, two investor products and a year of their daily flows.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { LCR_CATEGORIES } from '../preload/contract/liquidity.ts';
import { LcrTally } from '../main/engines/liquidity/index.ts';
import { liquidityLines, liquidityPosition } from '../main/services/liquidity/liquidity-service.ts';
import { simulateLiquidity } from '../main/services/liquidity/monte-carlo-service.ts';
import { databaseContext } from '../main/test-support/service-context.ts';
import { createTempDatabase } from '../main/test-support/temp-database.ts';
import { liquidityParameterSets } from '../main/store/liquidity-parameter-sets.ts';
import { EnginePool } from '../main/workers/pool.ts';
import { seededRandom } from './support/seeded-random.ts';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' }, paths: { type: 'string', default: '1000000' }, days: { type: 'string', default: '90' } } });
const LINES = Number(values.lines);
const PATHS = Number(values.paths);
const DAYS = Number(values.days);
const AS_OF = '2026-11-30';
const AS_OF_MS = Date.parse(`${AS_OF}T00:00:00Z`);
const dayText = (offset: number): string => new Date(AS_OF_MS + offset * 86_400_000).toISOString().slice(0, 10);

const seconds = (from: number): number => (performance.now() - from) / 1000;
const perSecond = (n: number, s: number, unit: string): string => `${Math.round(n / s).toLocaleString('en-US')} ${unit}/s`;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const temp = createTempDatabase('riskdesk-bench-liquidity-');
const pool1 = new EnginePool({ size: 1 });
const pool2 = new EnginePool({ size: 2 });
const analyst = (pool: EnginePool) => databaseContext(temp, { username: 'bench-analyst', role: 'analyst' }, { pool });
try {
  const random = seededRandom(2026);
  temp.db.transaction(() => {
    const balance = temp.db.prepare(`INSERT INTO investor_balances (investor_id, product, balance_minor, currency, as_of) VALUES (?, ?, ?, 'CNY', ?)`);
    balance.run('I1', 'mmf_t0', 4e12, AS_OF);
    balance.run('I2', 'notice_7d', 1e12, AS_OF);
    const flow = temp.db.prepare(`INSERT INTO daily_flows (date, product, inflow_minor, outflow_minor) VALUES (?, ?, ?, ?)`);
    for (let day = -364; day <= 0; day += 1) {
      const run = day > -80 && day <= -70 ? 4 : 1;
      flow.run(dayText(day), 'mmf_t0', Math.round(8e10 * (0.5 + random())), Math.round(8e10 * run * (0.5 + random())));
      flow.run(dayText(day), 'notice_7d', Math.round(1e10 * (0.5 + random())), Math.round(1e10 * run * (0.5 + random())));
    }
    // The buffer: 1.2e12 minor units of cash, so that paths run out on various days.
    temp.db.prepare(`INSERT INTO liquidity_lines (line_id, category, amount_minor, as_of, currency) VALUES ('CASH', 'hqla_l1_cash', 1200000000000, ?, 'CNY')`).run(AS_OF);
  })();

  // The simulation first, on a workspace of one line: its figures are the paths', not the position's. Every worker is
  // started (and has loaded its code) before the clock starts.
  await Promise.all([pool1, pool2, pool2].map((pool) => liquidityPosition(analyst(pool), {})));
  const request = { paths: PATHS, days: DAYS, seed: 7 };
  const write = <T>(change: () => T) => Promise.resolve(change());
  const timedSimulation = async (pool: EnginePool) => {
    const t = performance.now();
    const stored = await simulateLiquidity(analyst(pool), request, {}, write);
    return { seconds: seconds(t), result: stored.result };
  };
  const one = await timedSimulation(pool1);
  const two = await timedSimulation(pool2);
  const pathDays = PATHS * DAYS;
  console.log(`liquidity Monte Carlo, ${PATHS.toLocaleString('en-US')} paths × ${DAYS} days through the worker pool (slicing, progress and the merge included):`);
  console.log(`  one worker   ${one.seconds.toFixed(2)} s  ${perSecond(pathDays, one.seconds, 'path-days')}`);
  console.log(`  two workers  ${two.seconds.toFixed(2)} s  ${perSecond(pathDays, two.seconds, 'path-days')}  speed-up ${(one.seconds / two.seconds).toFixed(2)}×`);
  console.log(`  same result on both: ${JSON.stringify(one.result) === JSON.stringify(two.result) ? 'yes' : 'NO'}; ${(100 * one.result.survival30).toFixed(2)} % of paths survive 30 days`);

  let started = performance.now();
  temp.db.transaction(() => {
    const insert = temp.db.prepare(`INSERT INTO liquidity_lines (line_id, category, amount_minor, as_of, currency, maturity_date) VALUES (?, ?, ?, ?, 'CNY', ?)`);
    for (let i = 0; i < LINES; i += 1) {
      const category = LCR_CATEGORIES[Math.floor(random() * LCR_CATEGORIES.length)] ?? 'hqla_l1_cash';
      const maturity = random() < 0.2 ? null : dayText(Math.floor(random() * 800) - 30);
      insert.run(`L${String(i).padStart(8, '0')}`, category, Math.round(random() * 1e9), AS_OF, maturity);
    }
  })();
  console.log(`liquidity over a workspace of ${LINES.toLocaleString('en-US')} lines (written in ${seconds(started).toFixed(1)} s):`);

  // Baseline: the columns the pass reads, every row, as the worker's statement reads them.
  started = performance.now();
  let rows = 0;
  for (const _row of temp.db.prepare(`SELECT line_id, category, amount_minor, maturity_date, description FROM liquidity_lines WHERE (as_of = ? OR as_of IS NULL) AND currency = 'CNY' ORDER BY line_id`).iterate(AS_OF)) rows += 1;
  const select = seconds(started);
  console.log(`  SELECT of the lines (baseline)          ${select.toFixed(2)} s  ${perSecond(rows, select, 'lines')}`);

  // The engine alone on lines in memory: the exact tally without reading.
  const factors = liquidityParameterSets.active(temp.db)?.parameters.lcr.factors;
  if (!factors) throw new Error('no active liquidity parameter set');
  const inMemory = temp.db.prepare(`SELECT category, amount_minor FROM liquidity_lines`).raw().all() as [(typeof LCR_CATEGORIES)[number], number][];
  started = performance.now();
  const tally = new LcrTally(factors, 2);
  for (const [category, amount] of inMemory) tally.add(category, amount);
  const lcr = tally.breakdown();
  const engine = seconds(started);
  console.log(`  LCR tally alone (in memory)             ${engine.toFixed(2)} s  ${perSecond(rows, engine, 'lines')}  (LCR ${lcr.lcr?.toFixed(4) ?? 'undefined'})`);

  started = performance.now();
  const position = await liquidityPosition(analyst(pool1), {});
  const whole = seconds(started);
  console.log(`  position on a worker (ladder, LCR, NSFR) ${whole.toFixed(2)} s  ${perSecond(position.lines, whole, 'lines')}  ${(whole / select).toFixed(2)}× the SELECT`);

  const query = { startRow: 0, endRow: 100, sortModel: [{ colId: 'weighted', sort: 'desc' as const }], filterModel: {} };
  started = performance.now();
  liquidityLines(analyst(pool1), { ratio: 'lcr', query });
  const firstPage = seconds(started);
  started = performance.now();
  liquidityLines(analyst(pool1), { ratio: 'nsfr', query: { ...query, startRow: Math.floor(LINES * 0.8), endRow: Math.floor(LINES * 0.8) + 100 } });
  const deepPage = seconds(started);
  console.log(`  line grid by weighted amount in SQL: LCR page 1 ${firstPage.toFixed(2)} s; NSFR page at row ${Math.floor(LINES * 0.8).toLocaleString('en-US')} ${deepPage.toFixed(2)} s`);
  console.log(`  peak resident memory ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  await pool1.close();
  await pool2.close();
  temp.dispose();
}
