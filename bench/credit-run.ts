/**
 * A credit run at 1M loans: scoring, PD, grade, stage and ECL of every open loan, stored as one run, against a
 * plain SELECT of the same columns from the same workspace (issue 4, part 5). Figures only: no timed assertions.
 *
 *   ./node_modules/.bin/node --import tsx bench/credit-run.ts [--db FILE] [--reuse-model] [--as-of YYYY-MM-DD]
 *
 * It uses bench/grid.ts's workspace (1M loans, 200k borrowers, 10.4M performance rows; built on first use), adds
 * a bench analyst and compliance user if missing, develops a scorecard on the seasoned loans (its outcomes are
 * random, so every feature would fall below IV 0.02: all above 0.0001 are kept, so that scoring does the full
 * work), submits it, has it approved and activated, then times:
 *   - the baseline: one pass of `SELECT <the run's columns> FROM loans JOIN borrowers` over the open loans;
 *   - reading those rows into feature columns in batches (what the run reads);
 *   - the run itself (read, score, assess, insert 1M result rows, totals, audit: one transaction on a worker);
 * and the process's peak RSS while the run's worker is busy; then the analytics and the model monitoring. With --reuse-model an active model from an earlier
 * run of this bench is used as it is, so the process has done nothing but the run when its memory is sampled.
 */
import { DEFAULT_SCALING } from '../preload/contract/credit.ts';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { contextFor, type ServiceContext } from '../main/services/context.ts';
import { creditAnalytics, developScorecard, modelMonitoring, runCreditPortfolio } from '../main/services/credit/credit-jobs-service.ts';
import { CREDIT_MODELS } from '../main/services/credit/credit-artefacts.ts';
import { listModels, saveDraftModel } from '../main/services/credit/models-service.ts';
import { takeLifecycleStep } from '../main/services/lifecycle-service.ts';
import { addUser } from '../main/services/users-service.ts';
import { createEnginePool, unlockWorkspace } from '../main/services/workspace-service.ts';
import { CREDIT_FEATURES, scoringBatches } from '../main/store/credit-features.ts';
import { openLoanSql } from '../main/store/loan-status-sql.ts';
import { rowsForKeys, viewKeys } from '../main/store/grid-sql.ts';
import { LOAN_GRID } from '../main/store/portfolio-queries.ts';
import { openReadConnection } from '../main/store/read-connection.ts';
import { findUser } from '../main/store/users.ts';
import { benchPassphrase, DEFAULT_BENCH_DB, ensureBenchWorkspace } from './grid.ts';

const ANALYST = { username: 'bench-analyst', passphrase: 'bench analyst passphrase' };
const COMPLIANCE = { username: 'bench-compliance', passphrase: 'bench compliance passphrase' };

const seconds = (from: number): number => (performance.now() - from) / 1000;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;

async function ensureUsers(file: string): Promise<void> {
  // Unlocked as the app unlocks (services), which seeds any shipped default a workspace made by an older build lacks
  // (the SLA table and playbooks its run's alerts are filed by).
  const admin = await unlockWorkspace({ path: file, passphrase: benchPassphrase() });
  try {
    if (!findUser(admin.db, ANALYST.username)) await addUser(contextFor(admin), { ...ANALYST, role: 'analyst' });
    if (!findUser(admin.db, COMPLIANCE.username)) await addUser(contextFor(admin), { ...COMPLIANCE, role: 'compliance' });
  } finally {
    admin.close();
  }
}

/** The columns the run reads, as one plain SELECT with no processing: the floor for any pass over the loans. */
function baselineSeconds(file: string, key: Buffer): { seconds: number; rows: number } {
  const db = openReadConnection({ path: file, key });
  try {
    const columns = [
      ...CREDIT_FEATURES.map((f) => `${f.sql} AS ${f.name}`),
      'l.loan_id',
      'l.origination_date',
      'l.maturity_date',
      'l.repayment_type',
      'l.outstanding_balance_minor',
      'l.undrawn_amount_minor',
      'l.dpd',
      'l.status',
    ];
    const started = performance.now();
    let rows = 0;
    for (const _ of db.prepare(`SELECT ${columns.join(', ')} FROM loans l LEFT JOIN borrowers b ON b.borrower_id = l.borrower_id WHERE ${openLoanSql('l')}`).iterate()) rows += 1;
    return { seconds: seconds(started), rows };
  } finally {
    db.close();
  }
}

function readSeconds(file: string, key: Buffer): number {
  const db = openReadConnection({ path: file, key });
  try {
    const started = performance.now();
    for (const batch of scoringBatches(db, { batchSize: 5_000, population: 'open' })) void batch;
    return seconds(started);
  } finally {
    db.close();
  }
}

async function developAndActivate(analyst: ServiceContext, compliance: ServiceContext): Promise<void> {
  const started = performance.now();
  const report = await developScorecard(analyst, {
    holdoutFraction: 0.3,
    seed: 1,
    minBinShare: 0.05,
    monotonic: true,
    ivThreshold: 1e-4,
    maxCorrelation: 0.7,
    exclude: [],
    binnings: [],
    scaling: DEFAULT_SCALING,
    pValueThreshold: 0.05,
  });
  const model = saveDraftModel(analyst, report, `bench ${new Date().toISOString()}`);
  takeLifecycleStep(analyst, CREDIT_MODELS, 'submit', model.modelId);
  takeLifecycleStep(compliance, CREDIT_MODELS, 'approve', model.modelId, 'bench');
  takeLifecycleStep(compliance, CREDIT_MODELS, 'activate', model.modelId, 'bench');
  console.log(`development: ${report.rows.toLocaleString('en-US')} seasoned loans, ${model.features.length} features in the model, ${seconds(started).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, 'reuse-model': { type: 'boolean', default: false }, 'as-of': { type: 'string' } } });
  const file = await ensureBenchWorkspace(values.db ?? DEFAULT_BENCH_DB);
  await ensureUsers(file);
  const pool = createEnginePool({ size: 1 });
  const analyst = await unlockWorkspace({ path: file, username: ANALYST.username, passphrase: ANALYST.passphrase });
  const compliance = await unlockWorkspace({ path: file, username: COMPLIANCE.username, passphrase: COMPLIANCE.passphrase });
  const analystCtx = contextFor(analyst, { pool: () => pool });
  try {
    const key = Buffer.from(analyst.readerSpec().key);
    const active = values['reuse-model'] ? listModels(analystCtx).find((m) => m.status === 'active') : undefined;
    if (active) console.log(`model: the active model ${active.modelId}, ${active.features.length} features`);
    else await developAndActivate(analystCtx, contextFor(compliance));
    const baseline = baselineSeconds(file, key);
    const read = readSeconds(file, key);
    const sizeBefore = fs.statSync(file).size;
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const runStarted = performance.now();
    let alertsStarted = 0;
    // --as-of a later date than the previous run's compares every loan with it (stage, grade, DPD) for the alerts.
    const run = await runCreditPortfolio(analystCtx, values['as-of'] === undefined ? {} : { asOf: values['as-of'] }, { writer: analyst.writerSpec(), onProgress: ({ phase }) => void (phase === 'alerts' && alertsStarted === 0 && (alertsStarted = performance.now())) });
    const runTime = seconds(runStarted);
    const alertTime = alertsStarted === 0 ? 0 : seconds(alertsStarted);
    clearInterval(sampler);

    console.log(`workspace: ${file}`);
    console.log(`baseline, plain SELECT of the run's columns: ${baseline.rows.toLocaleString('en-US')} open loans in ${baseline.seconds.toFixed(2)} s`);
    console.log(`reading them into feature columns in batches: ${read.toFixed(2)} s (${(read / baseline.seconds).toFixed(2)}× the baseline)`);
    console.log(
      `credit run ${run.runId}: ${run.totals.loans.toLocaleString('en-US')} loans scored, assessed and stored in ${runTime.toFixed(2)} s ` +
        `(${Math.round(run.totals.loans / runTime).toLocaleString('en-US')} loans/s), ${(runTime / baseline.seconds).toFixed(2)}× the baseline`,
    );
    console.log(`ECL ${(run.totals.eclMinor / 100).toLocaleString('en-US')} ${run.currency} on EAD ${(run.totals.eadMinor / 100).toLocaleString('en-US')}; stages ${run.totals.byStage.map((s) => `${s.stage}: ${s.loans}`).join(', ')}`);
    console.log(`alerts (run as of ${run.asOf}): ${run.alerts.raised.toLocaleString('en-US')} raised, ${run.alerts.repeated.toLocaleString('en-US')} open ones seen again, in the last ${alertTime.toFixed(2)} s of the run (compared with the previous run, emitted, then the audit event)`);
    console.log(`RSS: ${mb(rssBefore)} before the run, peak ${mb(peakRss)} during it; workspace grew by ${mb(fs.statSync(file).size - sizeBefore)}`);
    const analyticsStarted = performance.now();
    const analytics = await creditAnalytics(analystCtx);
    console.log(
      `analytics (vintages, roll rates, concentration): ${seconds(analyticsStarted).toFixed(1)} s for ${analytics.vintages.length} vintages and ${analytics.rollRates.length} roll-rate months`,
    );
    const monitoringStarted = performance.now();
    const monitoring = await modelMonitoring(analystCtx, run.modelId);
    console.log(`monitoring (PSI/CSI by quarter over every loan, calibration on the sample): ${seconds(monitoringStarted).toFixed(1)} s for ${monitoring.periods.length} quarters`);
    const reader = openReadConnection({ path: file, key });
    try {
      for (const colId of ['ecl_minor', 'pd_12m'] as const) {
        const started = performance.now();
        const keys = viewKeys(reader, LOAN_GRID, {}, [{ colId, sort: 'desc' }]);
        const page = rowsForKeys(reader, LOAN_GRID, keys.slice(0, 100));
        console.log(`loan grid sorted by ${colId} desc: ${keys.length.toLocaleString('en-US')} keys and the first ${page.length} rows in ${seconds(started).toFixed(2)} s (later pages: a slice of the cached keys)`);
      }
    } finally {
      reader.close();
    }
  } finally {
    analyst.close();
    compliance.close();
    await pool.close();
  }
}

await main();
