/**
 * Loan grid latency at 1M loans, through the same ApiService the transports call.
 *
 *   ./node_modules/.bin/node --import tsx bench/grid.ts [--db FILE] [--runs 20]
 *
 * It builds (once) a workspace of 1M loans, 200k borrowers and 12 months of performance (10.4M rows) at --db, by
 * default .bench/grid-1m.rdw (git-ignored; two to five minutes), and reuses it afterwards. It is unlocked as its
 * admin with RISKDESK_PASSPHRASE (default: the bench's own passphrase). It prints median and p95 latency of a first page, a deep sorted page and a filtered
 * page and two harder views, each with its row count recomputed and with the count cached (as when scrolling), and
 * a plain `SELECT … LIMIT 100` baseline. Figures only: no timed assertions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { restoreSuspendedIndexes, suspendSecondaryIndexes } from '../main/store/suspended-indexes.ts';
import { folderFileAccess } from '../main/services/api/file-access.ts';
import { createApiService, fixedWorkspaceLocator, type ApiService } from '../main/services/api/api-service.ts';
import { createWorkspace } from '../main/services/workspace-service.ts';
import { openReadConnection } from '../main/store/read-connection.ts';
import { Workspace } from '../main/store/workspace.ts';
import { seededRandom } from './support/seeded-random.ts';

const BENCH_DIR = fileURLToPath(new URL('../.bench/', import.meta.url));
export const DEFAULT_BENCH_DB = path.join(BENCH_DIR, 'grid-1m.rdw');
const DEFAULT_PASSPHRASE = 'riskdesk bench passphrase';

const LOANS = 1_000_000;
const BORROWERS = 200_000;
const PERFORMANCE_MONTHS = 12;
const AS_OF_MONTH = { year: 2025, month: 12 };
const BATCH = 50_000;

const PRODUCTS = ['consumer_instalment', 'revolving_credit_line', 'sme_working_capital', 'auto_loan', 'payday', 'student_loan'] as const;
const REGIONS = ['Guangdong', 'Shandong', 'Henan', 'Jiangsu', 'Sichuan', 'Hebei', 'Hunan', 'Zhejiang', 'Anhui', 'Hubei', 'Guangxi', 'Yunnan', 'Jiangxi', 'Liaoning', 'Fujian', 'Shaanxi', 'Guizhou', 'Shanxi', 'Chongqing', 'Heilongjiang', 'Xinjiang', 'Gansu', 'Shanghai', 'Inner Mongolia', 'Jilin', 'Beijing', 'Tianjin', 'Hainan', 'Ningxia', 'Qinghai', 'Tibet'];
const CHANNELS = ['app', 'web', 'partner', 'branch'];
const COLLATERAL = ['none', 'vehicle', 'property', 'receivables'];

export function benchPassphrase(): string {
  return process.env.RISKDESK_PASSPHRASE ?? DEFAULT_PASSPHRASE;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

function monthText(index: number): string {
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1, 2)}`;
}

/** Fills a new workspace with seeded loans, borrowers and monthly performance, with prepared INSERTs in batches. */
async function buildWorkspace(file: string, passphrase: string): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const started = performance.now();
  // Through the service, as `riskdesk init` does: with the shipped parameter set, which bench/credit-run.ts runs on.
  const workspace = await createWorkspace({ path: file, username: 'admin', passphrase, now: new Date('2026-01-05T09:00:00Z') });
  const { db } = workspace;
  const random = seededRandom(20260105);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  suspendSecondaryIndexes(db, ['borrowers', 'loans', 'performance']);
  try {
    const borrower = db.prepare(
      `INSERT INTO borrowers (borrower_id, region, annual_income_minor, employment_type, industry, home_ownership, credit_history_months, id_verified)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const borrowerRegion: string[] = [];
    for (let start = 0; start < BORROWERS; start += BATCH) {
      db.transaction(() => {
        for (let i = start; i < Math.min(BORROWERS, start + BATCH); i += 1) {
          const region = pick(REGIONS);
          borrowerRegion.push(region);
          borrower.run(`B${pad(i + 1, 7)}`, region, Math.round(3_000_000 + random() * 40_000_000), pick(['employed', 'self_employed', 'business']), pick(['retail', 'manufacturing', 'tech', 'logistics']), pick(['own', 'rent', 'family']), Math.floor(random() * 240), random() < 0.9 ? 1 : 0);
        }
      })();
    }
    const loan = db.prepare(
      `INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency, maturity_date,
                          repayment_type, collateral_type, channel, status, outstanding_balance_minor, dpd, undrawn_amount_minor)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'CNY', ?, 'annuity', ?, ?, ?, ?, ?, ?)`,
    );
    const performanceRow = db.prepare('INSERT INTO loan_performance (loan_id, as_of, balance_minor, dpd, paid_amount_minor, status) VALUES (?, ?, ?, ?, ?, ?)');
    const asOf = monthIndex(AS_OF_MONTH.year, AS_OF_MONTH.month);
    for (let start = 0; start < LOANS; start += BATCH) {
      db.transaction(() => {
        for (let i = start; i < Math.min(LOANS, start + BATCH); i += 1) {
          const id = `L${pad(i + 1, 8)}`;
          const originated = asOf - Math.floor(random() * 48);
          const term = pick([6, 12, 24, 36, 60]);
          const principal = Math.round(100_000 + random() * random() * 50_000_000);
          const roll = random();
          const status = roll < 0.84 ? 'current' : roll < 0.92 ? 'delinquent' : roll < 0.95 ? 'default' : roll < 0.99 ? 'paid_off' : 'written_off';
          const dpd = status === 'delinquent' ? 1 + Math.floor(random() * 89) : status === 'default' || status === 'written_off' ? 90 + Math.floor(random() * 270) : 0;
          const outstanding = status === 'paid_off' ? 0 : random() < 0.02 ? null : Math.round(principal * random());
          const day = pad(1 + Math.floor(random() * 28), 2);
          loan.run(id, `B${pad(1 + Math.floor(random() * BORROWERS), 7)}`, pick(PRODUCTS), `${monthText(originated)}-${day}`, principal, 0.05 + random() * 0.3, term, `${monthText(originated + term)}-${day}`, pick(COLLATERAL), pick(CHANNELS), status, outstanding, dpd, 0);
          for (let month = Math.max(originated + 1, asOf - PERFORMANCE_MONTHS + 1); month <= asOf; month += 1) {
            const late = month === asOf ? dpd : Math.max(0, dpd - (asOf - month) * 30);
            performanceRow.run(id, monthText(month), outstanding ?? principal, late, Math.round(principal / term), late >= 90 ? 'default' : late > 0 ? 'delinquent' : 'current');
          }
        }
      })();
      process.stdout.write(`\r  building: ${(start + BATCH).toLocaleString('en-US')} of ${LOANS.toLocaleString('en-US')} loans`);
    }
    process.stdout.write('\n  building: indexes\n');
    restoreSuspendedIndexes(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    workspace.close();
  }
  console.log(`built ${file} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** The bench workspace at `file`, built first if it is missing. */
export async function ensureBenchWorkspace(file: string): Promise<string> {
  if (!fs.existsSync(file)) await buildWorkspace(file, benchPassphrase());
  return file;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

export interface Timing {
  readonly median: number;
  readonly p95: number;
}

export async function timeRuns(runs: number, once: () => Promise<unknown> | unknown, before?: () => Promise<unknown>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    await before?.();
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

export async function call<T>(api: ApiService, method: string, args: unknown = {}): Promise<T> {
  const outcome = await api.call(method, args);
  if (!outcome.ok) throw new Error(`${method}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as T;
}

const CASES = [
  { name: 'first page (rows 0-100, no sort)', query: { startRow: 0, endRow: 100 } },
  { name: 'sorted first page (outstanding desc, rows 0-100)', query: { startRow: 0, endRow: 100, sortModel: [{ colId: 'outstanding_balance_minor', sort: 'desc' }] } },
  { name: 'sorted page (outstanding desc, rows 50,000-50,100)', query: { startRow: 50_000, endRow: 50_100, sortModel: [{ colId: 'outstanding_balance_minor', sort: 'desc' }] } },
  {
    name: 'filtered page (product = auto_loan and dpd > 30, rows 0-100)',
    query: { startRow: 0, endRow: 100, filterModel: { product: { filterType: 'text', type: 'equals', filter: 'auto_loan' }, dpd: { filterType: 'number', type: 'greaterThan', filter: 30 } } },
  },
  {
    name: 'filtered and sorted (status = default, origination desc, rows 1,000-1,100)',
    query: { startRow: 1_000, endRow: 1_100, sortModel: [{ colId: 'origination_date', sort: 'desc' }], filterModel: { status: { filterType: 'text', type: 'equals', filter: 'default' } } },
  },
  { name: 'sorted by a joined column (region asc, rows 0-100)', query: { startRow: 0, endRow: 100, sortModel: [{ colId: 'region', sort: 'asc' }] } },
  {
    // What the grids' set filters send: names ticked in the filter list, codes to main.
    name: 'set filters (product in 2 codes, region in 3, outstanding desc, rows 0-100)',
    query: {
      startRow: 0,
      endRow: 100,
      sortModel: [{ colId: 'outstanding_balance_minor', sort: 'desc' }],
      filterModel: { product: { filterType: 'set', values: ['auto_loan', 'payday'] }, region: { filterType: 'set', values: ['Guangdong', 'Beijing', 'Tibet'] } },
    },
  },
] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '20' } } });
  const runs = Number(values.runs);
  const file = await ensureBenchWorkspace(values.db ? path.resolve(values.db) : DEFAULT_BENCH_DB);
  const api = createApiService({ workspaces: fixedWorkspaceLocator(file), files: folderFileAccess(path.dirname(file)) });
  try {
    await call(api, 'session.unlock', { passphrase: benchPassphrase() });
    const { rowCount } = await call<{ rowCount: number }>(api, 'portfolio.loans', { startRow: 0, endRow: 1 });
    console.log(`loan grid at ${rowCount.toLocaleString('en-US')} loans (${file}); median / p95 of ${runs} runs through api.call('portfolio.loans')`);
    // A settings change commits, which moves the read connection's data_version on: counts and key lists are read afresh.
    let theme: 'dark' | 'light' = 'dark';
    const invalidateCounts = async (): Promise<void> => {
      theme = theme === 'dark' ? 'light' : 'dark';
      await call(api, 'settings.update', { theme });
    };
    const medians: number[] = [];
    for (const { name, query } of CASES) {
      const args = { sortModel: [], filterModel: {}, ...query };
      const withCount = await timeRuns(runs, () => call(api, 'portfolio.loans', args), invalidateCounts);
      const page = await timeRuns(runs, () => call(api, 'portfolio.loans', args));
      medians.push(page.median);
      console.log(`  ${name}\n    first request of the view: ${ms(withCount.median)} / ${ms(withCount.p95)}   again (count or key list cached): ${ms(page.median)} / ${ms(page.p95)}`);
    }
    const regions = await timeRuns(runs, () => call(api, 'portfolio.regions', {}), invalidateCounts);
    const regionsCached = await timeRuns(runs, () => call(api, 'portfolio.regions', {}));
    console.log(`  the region filters' list (portfolio.regions)\n    first request after a change: ${ms(regions.median)} / ${ms(regions.p95)}   again (cached): ${ms(regionsCached.median)} / ${ms(regionsCached.p95)}`);
    const spec = (await Workspace.open({ path: file, passphrase: benchPassphrase() }).then((w) => {
      const reader = w.readerSpec();
      const copy = { path: reader.path, key: Buffer.from(reader.key) };
      w.close();
      return copy;
    }));
    const db = openReadConnection(spec);
    const baselineSql = db.prepare(
      `SELECT l.loan_id, l.borrower_id, b.region, l.product, l.origination_date, l.maturity_date, l.principal_minor, l.outstanding_balance_minor,
              l.undrawn_amount_minor, l.currency, l.interest_rate, l.term_months, l.status, l.dpd, l.collateral_type, l.channel
       FROM loans l LEFT JOIN borrowers b ON b.borrower_id = l.borrower_id LIMIT 100`,
    );
    const baseline = await timeRuns(runs, () => baselineSql.all());
    db.close();
    console.log(`  baseline: plain SELECT of the same columns LIMIT 100 on a read connection: ${ms(baseline.median)} / ${ms(baseline.p95)}`);
    console.log(`  ratio to baseline (median, cached): ${CASES.map((c, i) => `${c.name.split(' (')[0]} ${((medians[i] ?? 0) / baseline.median).toFixed(1)}x`).join(', ')}`);
  } finally {
    await api.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
