/**
 * Alerts into cases, and the case queue, at 100k (issue 10, section 5). Figures only: no timed assertions.
 *
 *   ./node_modules/.bin/node --import tsx bench/cases-queue.ts [--alerts 100000] [--borrowers 70000] [--emissions 3] [--runs 30]
 *
 * Two temp encrypted databases (main/test-support/temp-database.ts: migrated, with the shipped SLA table and
 * playbooks), each with a credit run's row and --alerts loans inserted directly:
 *
 * 1. Emission: the loans spread over --borrowers borrowers (seeded), so that their credit alerts (subject 'loan')
 *    group into cases by borrower (main/store/case-filing.ts). It times `emitAlerts` (main/store/alerts.ts, what the
 *    credit run calls; it files the alerts into cases in the same transaction) for all of them in one call and in the
 *    credit run's pages of 5,000, each in a transaction that is rolled back, against a baseline of plain INSERTs of the
 *    same rows into the same alerts table; then where the time goes, statement by statement; then the emission
 *    committed, and emitted again (all repeats).
 * 2. Queue: the loans on as many borrowers, so that there is one case per alert; the cases then get spread due dates,
 *    assignees and a few closures by direct UPDATEs. It times `casesPage` (main/services/cases-service.ts) as 'ana',
 *    an analyst, over a databaseContext (main/test-support/service-context.ts), which reads UNCACHED: every call
 *    counts the view and, for a deep or non-indexed page, reads its whole key list again, as the first request of a
 *    view does in the app. Baseline: a plain `SELECT … FROM cases ORDER BY case_id LIMIT 100` on the same connection.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { AlertSeverity } from '../preload/contract/alerts.ts';
import type { CaseView } from '../preload/contract/case-workflow.ts';
import type { GridQuery } from '../preload/contract/grid.ts';
import { casesPage } from '../main/services/cases-service.ts';
import { emitAlerts, type AlertEmission, type EmittedAlert } from '../main/store/alerts.ts';
import { inTransaction, type Db } from '../main/store/database.ts';
import { insertRun } from '../main/store/runs.ts';
import { databaseContext } from '../main/test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../main/test-support/temp-database.ts';
import { openWriteConnection } from '../main/store/write-connection.ts';
import { ms, timeRuns } from './grid.ts';
import { seededRandom } from './support/seeded-random.ts';

const ARTEFACTS = { 'credit.model': 1, 'credit.parameterSet': 1 } as const;
/** What main/workers/jobs/credit-run.ts emits at a time (its COMPARISON_PAGE). */
const CREDIT_RUN_PAGE = 5_000;
const BATCH = 50_000;
const EMITTED_AT = '2026-01-31T02:00:00.000Z';
const REPEATED_AT = '2026-02-28T02:00:00.000Z';

const seconds = (from: number): number => (performance.now() - from) / 1000;
const count = (n: number): string => n.toLocaleString('en-US');
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const loanId = (i: number): string => `L${pad(i + 1, 8)}`;
const borrowerId = (i: number): string => `B${pad(i + 1, 7)}`;

/** Thrown inside a measured transaction so that it rolls back and the next run starts from the same state. */
class RollBack extends Error {}

/** `loans` loans, loan i on borrower `borrowerOf(i)`, and the borrowers they name, with prepared INSERTs in batches. */
function insertPortfolio(db: Db, loans: number, borrowers: number, borrowerOf: (i: number) => number): void {
  const borrower = db.prepare('INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES (?, ?, ?)');
  const loan = db.prepare(
    `INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency, status, outstanding_balance_minor, dpd)
     VALUES (?, ?, 'consumer_instalment', '2025-03-14', ?, 0.12, 24, 'CNY', 'delinquent', ?, ?)`,
  );
  for (let start = 0; start < borrowers; start += BATCH) {
    inTransaction(db, () => {
      for (let i = start; i < Math.min(borrowers, start + BATCH); i += 1) borrower.run(borrowerId(i), i % 2 === 0 ? 'Guangdong' : 'Sichuan', 12_000_000 + (i % 97) * 100_000);
    });
  }
  for (let start = 0; start < loans; start += BATCH) {
    inTransaction(db, () => {
      for (let i = start; i < Math.min(loans, start + BATCH); i += 1) loan.run(loanId(i), borrowerId(borrowerOf(i)), 5_000_000, 3_000_000, 30 + (i % 200));
    });
  }
}

/** One credit alert per loan, of the credit run's types and severities (engines/credit/alerts/early-warning.ts), seeded. */
function creditAlerts(loans: number, seed: number): EmittedAlert[] {
  const random = seededRandom(seed);
  const alerts: EmittedAlert[] = [];
  for (let i = 0; i < loans; i += 1) {
    const subject = { type: 'loan', id: loanId(i) } as const;
    const roll = random();
    if (roll < 0.4) {
      const stage = random() < 0.7 ? 2 : 3;
      const dpd = stage === 3 ? 90 + Math.floor(random() * 200) : 30 + Math.floor(random() * 60);
      alerts.push({
        type: 'credit.stage_migration',
        subject,
        severity: stage === 3 ? 'high' : 'medium',
        score: stage,
        explanation: {
          key: 'credit.stage_migration',
          figures: [
            { name: 'stage', value: stage, previous: stage - 1 },
            { name: 'dpd', value: dpd, previous: dpd - 30, unit: 'days' },
            { name: 'grade', value: 'E', previous: 'C' },
          ],
        },
      });
    } else if (roll < 0.8) {
      const days = [30, 60, 90][Math.floor(random() * 3)] ?? 30;
      const severity: AlertSeverity = days === 90 ? 'high' : days === 60 ? 'medium' : 'low';
      alerts.push({
        type: 'credit.dpd_crossing',
        subject,
        severity: random() < 0.03 ? 'critical' : severity,
        score: days + 0.5,
        explanation: { key: 'credit.dpd_crossing', figures: [{ name: 'dpd', value: days + 3, previous: days - 10, threshold: days, unit: 'days' }] },
      });
    } else {
      alerts.push({
        type: 'credit.grade_drop',
        subject,
        severity: 'medium',
        score: 2.5,
        explanation: { key: 'credit.grade_drop', figures: [{ name: 'grade', value: 'F', previous: 'D' }, { name: 'notches', value: 2, threshold: 2 }] },
      });
    }
  }
  return alerts;
}

/** A credit run's row, still running: the alerts' run_id refers to it (as alerts.test.ts makes one). */
function runningRun(db: Db, asOf: string): number {
  return inTransaction(db, () => insertRun(db, { engine: 'credit', asOf, artefacts: ARTEFACTS, startedBy: 'ana', startedAt: `${asOf}T01:00:00.000Z`, currency: 'CNY' }));
}

function emission(runId: number, at: string, alerts: readonly EmittedAlert[]): AlertEmission {
  return { source: 'credit', runId, artefacts: ARTEFACTS, raisedBy: null, at, alerts };
}

/** Runs `body` in a transaction that is rolled back, and returns how long the body took (ms). */
function rolledBack(db: Db, body: () => void): number {
  let elapsed = 0;
  try {
    inTransaction(db, () => {
      const started = performance.now();
      body();
      elapsed = performance.now() - started;
      throw new RollBack();
    });
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return elapsed;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.5 * sorted.length) - 1] ?? NaN;
}

const ratio = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)}×`;
const rate = (alerts: number, milliseconds: number): string => `${count(Math.round(alerts / (milliseconds / 1000)))} alerts/s`;

/** The same rows the emission writes, as plain prepared INSERTs into the same table: no upsert, no cases. */
function plainInserts(db: Db, runId: number, alerts: readonly EmittedAlert[]): void {
  const insert = db.prepare(
    `INSERT INTO alerts (source, type, subject_type, subject_id, severity, score, status, occurrences, created_at, last_seen_at, run_id, last_run_id, raised_by, artefacts, explanation)
     VALUES ('credit', ?, ?, ?, ?, ?, 'open', 1, ?, ?, ?, ?, NULL, ?, ?)`,
  );
  const artefacts = JSON.stringify(ARTEFACTS);
  for (const alert of alerts) insert.run(alert.type, alert.subject.type, alert.subject.id, alert.severity, alert.score, EMITTED_AT, EMITTED_AT, runId, runId, artefacts, JSON.stringify(alert.explanation));
}

type Statement = ReturnType<Db['prepare']>;

/**
 * The connection with every statement's run/get/all timed into `spent`, by its SQL's first words: where an emission's
 * time goes. Only for a run of its own (the timing adds a little to each of the 100k upserts).
 */
function timedConnection(db: Db, spent: Map<string, number>): Db {
  const timed = (statement: Statement, sql: string): Statement => {
    const label = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
    const proxy: Statement = new Proxy(statement, {
      get(target, property) {
        const value: unknown = Reflect.get(target, property, target);
        if (typeof value !== 'function') return value;
        const method = value as (...args: unknown[]) => unknown;
        if (property === 'run' || property === 'get' || property === 'all') {
          return (...args: unknown[]) => {
            const started = performance.now();
            try {
              return method.apply(target, args);
            } finally {
              spent.set(label, (spent.get(label) ?? 0) + performance.now() - started);
            }
          };
        }
        // pluck(), raw(), bind() … return the statement: hand back the timed one.
        return (...args: unknown[]) => {
          const result = method.apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return (sql: string) => timed(target.prepare(sql), sql);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function emissionBench(alertCount: number, borrowerCount: number, emissions: number): void {
  const temp = createTempDatabase('riskdesk-bench-emission-');
  // Emitted on a writing job's connection, as the credit run emits: its page cache is the run's (write-connection.ts).
  const db = openWriteConnection({ access: 'write', path: temp.path, key: temp.key });
  try {
    const random = seededRandom(20260131);
    const built = performance.now();
    insertPortfolio(db, alertCount, borrowerCount, () => Math.floor(random() * borrowerCount));
    const alerts = creditAlerts(alertCount, 10);
    const run1 = runningRun(db, '2026-01-31');
    const run2 = runningRun(db, '2026-02-28');
    const groups = db.prepare('SELECT count(DISTINCT borrower_id) FROM loans').pluck().get() as number;
    console.log(
      `emission: ${count(alertCount)} credit alerts on ${count(alertCount)} loans of ${count(groups)} borrowers (grouped into cases by borrower); ` +
        `built in ${seconds(built).toFixed(1)} s; median of ${emissions} runs, each in a transaction rolled back`,
    );

    const baseline = medianOf(Array.from({ length: emissions }, () => rolledBack(db, () => plainInserts(db, run1, alerts))));
    console.log(`  baseline, plain INSERTs of the same ${count(alertCount)} rows into alerts: ${ms(baseline)} (${rate(alertCount, baseline)})`);

    let opened = 0;
    const whole = medianOf(Array.from({ length: emissions }, () => rolledBack(db, () => void (opened = emitAlerts(db, emission(run1, EMITTED_AT, alerts)).casesOpened))));
    console.log(`  emitAlerts, one call of ${count(alertCount)}: ${ms(whole)} (${rate(alertCount, whole)}), ${(whole / baseline).toFixed(1)}× the baseline; ${count(opened)} cases opened`);

    const paged = medianOf(
      Array.from({ length: emissions }, () =>
        rolledBack(db, () => {
          for (let start = 0; start < alerts.length; start += CREDIT_RUN_PAGE) emitAlerts(db, emission(run1, EMITTED_AT, alerts.slice(start, start + CREDIT_RUN_PAGE)));
        }),
      ),
    );
    console.log(`  emitAlerts in the credit run's pages of ${count(CREDIT_RUN_PAGE)} (${Math.ceil(alertCount / CREDIT_RUN_PAGE)} calls): ${ms(paged)} (${rate(alertCount, paged)}), ${(paged / baseline).toFixed(1)}× the baseline`);

    const spent = new Map<string, number>();
    const instrumented = rolledBack(db, () => void emitAlerts(timedConnection(db, spent), emission(run1, EMITTED_AT, alerts)));
    const statements = [...spent.values()].reduce((sum, value) => sum + value, 0);
    console.log(`  where one call's time goes (a run of its own, every statement timed: ${ms(instrumented)} in all):`);
    for (const [label, time] of [...spent.entries()].sort((a, b) => b[1] - a[1])) {
      if (time >= 1) console.log(`    ${ms(time).padStart(8)}  ${label}${label.length === 90 ? '…' : ''}`);
    }
    console.log(`    ${ms(instrumented - statements).padStart(8)}  JavaScript between statements (the loop, JSON.stringify of each explanation, the id list)`);

    let first = 0;
    const committedStarted = performance.now();
    const counts = inTransaction(db, () => {
      const started = performance.now();
      const result = emitAlerts(db, emission(run1, EMITTED_AT, alerts));
      first = performance.now() - started;
      return result;
    });
    const committed = performance.now() - committedStarted;
    const cases = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    console.log(
      `  committed: emitAlerts ${ms(first)}, with the commit ${ms(committed)} (${rate(alertCount, committed)}); ` +
        `${count(counts.raised)} raised, ${count(counts.casesOpened)} cases opened (${count(cases)} in the table, ${(alertCount / cases).toFixed(2)} alerts a case)`,
    );

    const repeats: number[] = [];
    let repeated = 0;
    for (let i = 0; i < emissions; i += 1) {
      const started = performance.now();
      repeated = inTransaction(db, () => emitAlerts(db, emission(run2, REPEATED_AT, alerts))).repeated;
      repeats.push(performance.now() - started);
    }
    const again = medianOf(repeats);
    console.log(`  emitted again, committed (${count(repeated)} repeats, their cases refreshed): ${ms(again)} (${rate(alertCount, again)}), ${(again / baseline).toFixed(1)}× the baseline`);
  } finally {
    db.close();
    temp.dispose();
  }
}

/** One case per alert, then a queue as people work it: spread due dates, a fifth assigned (5% to ana), 5% closed. */
function queueDatabase(alertCount: number): TempDatabase {
  const temp = createTempDatabase('riskdesk-bench-queue-');
  const { db } = temp;
  insertPortfolio(db, alertCount, alertCount, (i) => i);
  const runId = runningRun(db, '2026-01-31');
  inTransaction(db, () => emitAlerts(db, emission(runId, EMITTED_AT, creditAlerts(alertCount, 11))));
  inTransaction(db, () => {
    db.prepare(`UPDATE cases SET due_at = strftime('%Y-%m-%dT%H:%M:%fZ', due_at, '-' || ((case_id * 7919) % 200000) || ' minutes')`).run();
    db.prepare(
      `UPDATE cases SET status = CASE WHEN case_id % 40 = 1 THEN 'in_review' ELSE 'assigned' END,
                        assignee = CASE WHEN case_id % 20 = 0 THEN 'ana' ELSE 'bo' END
       WHERE case_id % 20 IN (0, 1, 2, 3)`,
    ).run();
    db.prepare(
      `UPDATE cases SET status = 'closed', assignee = 'bo', proposed_by = 'bo', proposed_at = :at, disposition = 'no_action', closed_by = 'ana', closed_at = :at
       WHERE case_id % 20 = 19`,
    ).run({ at: REPEATED_AT });
  });
  db.pragma('optimize');
  return temp;
}

const QUEUE: readonly { name: string; view: CaseView; query: GridQuery }[] = [
  { name: "'open' view, default sort (priority desc, due asc), rows 0-100", view: 'open', query: { startRow: 0, endRow: 100, sortModel: [], filterModel: {} } },
  { name: "'all' view, default sort, rows 0-100", view: 'all', query: { startRow: 0, endRow: 100, sortModel: [], filterModel: {} } },
  { name: "'open' view by due_at asc, rows 50,000-50,100", view: 'open', query: { startRow: 50_000, endRow: 50_100, sortModel: [{ colId: 'due_at', sort: 'asc' }], filterModel: {} } },
  { name: "'all' view by due_at asc, rows 50,000-50,100", view: 'all', query: { startRow: 50_000, endRow: 50_100, sortModel: [{ colId: 'due_at', sort: 'asc' }], filterModel: {} } },
  { name: "'mine' view (ana), default sort, rows 0-100", view: 'mine', query: { startRow: 0, endRow: 100, sortModel: [], filterModel: {} } },
  { name: "'open' view by title asc (no index), rows 0-100", view: 'open', query: { startRow: 0, endRow: 100, sortModel: [{ colId: 'title', sort: 'asc' }], filterModel: {} } },
];

async function queueBench(alertCount: number, runs: number): Promise<void> {
  const built = performance.now();
  const temp = queueDatabase(alertCount);
  try {
    const { db } = temp;
    const cases = db.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    console.log(
      `queue: ${count(cases)} cases (one per alert; built and emitted in ${seconds(built).toFixed(1)} s); median / p95 of ${runs} runs of casesPage as ana (analyst), ` +
        'UNCACHED (databaseContext): every call counts the view and reads any key list afresh, as a first request does',
    );
    const ctx = databaseContext(temp, { username: 'ana', role: 'analyst' });
    const baselineSql = db.prepare('SELECT case_id, type, title, priority, status, assignee, alert_count, created_at, updated_at, due_at, closed_at, disposition FROM cases ORDER BY case_id LIMIT 100');
    const baseline = await timeRuns(runs, () => baselineSql.all());
    console.log(`  baseline, plain indexed SELECT of the same columns ORDER BY case_id LIMIT 100: ${ms(baseline.median)} / ${ms(baseline.p95)}`);
    for (const { name, view, query } of QUEUE) {
      const { rows, rowCount } = casesPage(ctx, view, query);
      const timing = await timeRuns(runs, () => casesPage(ctx, view, query));
      console.log(`  ${name}: ${ms(timing.median)} / ${ms(timing.p95)}, ${ratio(timing.median / baseline.median)} the baseline (${rows.length} rows of ${count(rowCount)})`);
    }
  } finally {
    temp.dispose();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { alerts: { type: 'string', default: '100000' }, borrowers: { type: 'string', default: '70000' }, emissions: { type: 'string', default: '3' }, runs: { type: 'string', default: '30' } },
  });
  const alertCount = Number(values.alerts);
  emissionBench(alertCount, Number(values.borrowers), Number(values.emissions));
  await queueBench(alertCount, Number(values.runs));
}

await main();
