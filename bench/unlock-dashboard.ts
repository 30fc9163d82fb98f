/**
 * Time from session.unlock to a complete dashboard.summary at 1M loans, through the ApiService.
 *
 *   ./node_modules/.bin/node --import tsx bench/unlock-dashboard.ts [--db FILE] [--runs 5]
 *
 * Uses (and builds once if missing) the workspace of bench/grid.ts. Each run is a new service, so nothing
 * is cached in SQLite's page cache or the session; the operating system's file cache stays warm after the
 * first run, as on a desktop that opened the workspace before. Prints the median of the runs and its parts
 * (unlock, which includes scrypt; dashboard), and a repeated dashboard call in the same session. Figures only.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { folderFileAccess } from '../main/services/api/file-access.ts';
import { createApiService, fixedWorkspaceLocator } from '../main/services/api/api-service.ts';
import { benchPassphrase, call, DEFAULT_BENCH_DB, ensureBenchWorkspace, ms, timeRuns } from './grid.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);
const file = await ensureBenchWorkspace(values.db ? path.resolve(values.db) : DEFAULT_BENCH_DB);
const totals: number[] = [];
const unlocks: number[] = [];
const dashboards: number[] = [];
let repeat = { median: NaN, p95: NaN };
let loans = 0;
for (let run = 0; run < runs; run += 1) {
  const api = createApiService({ workspaces: fixedWorkspaceLocator(file), files: folderFileAccess(path.dirname(file)) });
  try {
    const started = performance.now();
    await call(api, 'session.unlock', { passphrase: benchPassphrase() });
    const unlocked = performance.now();
    loans = (await call<{ loans: number }>(api, 'dashboard.summary')).loans;
    const done = performance.now();
    totals.push(done - started);
    unlocks.push(unlocked - started);
    dashboards.push(done - unlocked);
    if (run === runs - 1) repeat = await timeRuns(5, () => call(api, 'dashboard.summary'));
  } finally {
    await api.close();
  }
}
console.log(`unlock to dashboard at ${loans.toLocaleString('en-US')} loans (${file}), median of ${runs} runs, each a new service:`);
console.log(`  session.unlock -> complete dashboard.summary: ${ms(median(totals))} (unlock ${ms(median(unlocks))}, dashboard ${ms(median(dashboards))}); runs: ${totals.map(ms).join(', ')}`);
console.log(`  dashboard.summary again in the same session (nothing changed, so cached): ${ms(repeat.median)}`);
