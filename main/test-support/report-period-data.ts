import { CREDIT_PARAMETER_SETS } from '../services/credit/credit-artefacts.ts';
import { saveDraftParameterSet } from '../services/credit/models-service.ts';
import { takeLifecycleStep } from '../services/lifecycle-service.ts';
import { appendAuditEvent } from '../store/audit.ts';
import { insertCreditRun, insertRunLoans, runTotals, type RunLoanRow } from '../store/credit-runs.ts';
import { inTransaction, type Db } from '../store/database.ts';
import { finishRun } from '../store/runs.ts';
import { TEST_CREDIT_PARAMETERS } from './credit-test-parameters.ts';
import { TEST_RULE_SET } from './fraud-run-rows.ts';
import { databaseContext } from './service-context.ts';
import type { TempDatabase } from './temp-database.ts';

/**
 * A workspace's rows around one report period, November 2026 (2026-11-01 to 2026-11-30, instants from
 * 2026-11-01T00:00:00.000Z up to but not including 2026-12-01T00:00:00.000Z), with events on both edges: the last
 * second of 30 November is in, midnight of 1 December is out. The figures each row leads to are worked out by hand in
 * main/store/report-queries.test.ts and main/workers/jobs/report-figures.test.ts.
 */
export const REPORT_PERIOD = { label: '2026-11', kind: 'month', from: '2026-11-01', to: '2026-11-30' } as const;
export const LAST_SECOND = '2026-11-30T23:59:59.000Z';
const NEXT_MIDNIGHT = '2026-12-01T00:00:00.000Z';

/**
 * [loan, borrower, origination, principal, currency, the loans table's (current) status, balance, dpd]. L1's current
 * state (paid off in December) differs from its state at the period's end, which its performance months give.
 */
const LOANS = [
  ['L1', 'B1', '2026-01-10', 100_000, 'CNY', 'paid_off', 0, 0],
  ['L2', 'B1', '2025-06-01', 200_000, 'CNY', 'default', 150_000, 120],
  ['L3', 'B2', '2025-03-01', 50_000, 'CNY', 'paid_off', 0, 0],
  ['L4', 'B3', LAST_SECOND.slice(0, 10), 40_000, 'CNY', 'current', 40_000, 0],
  ['L5', 'B3', NEXT_MIDNIGHT.slice(0, 10), 999, 'CNY', 'current', 999, 0],
  ['L6', 'B2', '2026-11-05', 30_000, 'USD', 'current', 30_000, 0],
  ['L7', 'B2', '2024-01-01', 60_000, 'CNY', 'current', 0, 0],
  ['L8', 'B1', '2025-02-15', 10_000, 'CNY', 'current', 5_000, 0],
] as const;

/** [loan, month, balance, dpd, status] */
const PERFORMANCE = [
  ['L1', '2026-10', 80_000, 0, 'current'],
  ['L1', '2026-11', 70_000, 35, 'delinquent'],
  ['L1', '2026-12', 0, 0, 'paid_off'],
  ['L2', '2026-11', 150_000, 120, 'default'],
  ['L3', '2025-08', 45_000, 95, 'delinquent'],
  ['L3', '2026-09', 0, 0, 'paid_off'],
  ['L7', '2026-11', 0, 0, 'current'],
  ['L8', '2026-11', 5_000, 0, 'current'],
] as const;

function insertLoans(db: Db): void {
  const borrower = db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES (?, 'east', 10000000)`);
  for (const id of ['B1', 'B2', 'B3']) borrower.run(id);
  const loan = db.prepare(
    `INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency, status, outstanding_balance_minor, dpd)
     VALUES (?, ?, 'cash', ?, ?, 0.1, 24, ?, ?, ?, ?)`,
  );
  for (const row of LOANS) loan.run(...row);
  const month = db.prepare('INSERT INTO loan_performance (loan_id, as_of, balance_minor, dpd, status) VALUES (?, ?, ?, ?, ?)');
  for (const row of PERFORMANCE) month.run(...row);
}

/** An active model approved by cole, without a fitted scorecard in its report (so no PSI). Returns its id. */
function insertModel(db: Db): number {
  return Number(
    db
      .prepare(
        `INSERT INTO credit_models (name, training_hash, rows, features, metrics, status, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at,
           activated_by, activated_at, scorecard, report)
         VALUES ('hand model', 'h', 10, '[]', NULL, 'active', 'ana', '2026-05-01T00:00:00.000Z', 'ana', '2026-05-02T00:00:00.000Z', 'cole', '2026-05-03T00:00:00.000Z',
           'cole', '2026-06-01T10:00:00.000Z', '{}', '{"scorecard":null}')`,
      )
      .run().lastInsertRowid,
  );
}

function creditRow(loanId: string, stage: 1 | 2 | 3, eadMinor: number, eclMinor: number): RunLoanRow {
  return { loanId, score: 600, pd12m: 0.02 * stage, pdOrigination: 0.02, pdLifetime: 0.05, grade: stage === 1 ? 'A' : 'D', stage, lgd: 0.45, eadMinor, eclMinor, requiredRate: 0.08, dpd: 0 };
}

/** A finished credit run through the store's run path (its totals by runTotals). */
function insertCreditRunWith(db: Db, modelId: number, asOf: string, rows: readonly RunLoanRow[]): number {
  return inTransaction(db, () => {
    const runId = insertCreditRun(db, { asOf, modelId, parameterVersion: 1, startedBy: 'ana', startedAt: `${asOf}T20:00:00.000Z`, currency: 'CNY' });
    insertRunLoans(db, runId, rows);
    finishRun(db, runId, { totals: runTotals(db, runId), finishedAt: `${asOf}T21:00:00.000Z` });
    return runId;
  });
}

/**
 * Three credit runs: October's, November's (the one the report reads: L1 moved 1 → 2, L2 2 → 3, L4 new, L7 gone) and
 * December's (after the period).
 */
function insertCreditRuns(db: Db): void {
  const modelId = insertModel(db);
  insertCreditRunWith(db, modelId, '2026-10-31', [creditRow('L1', 1, 80_000, 800), creditRow('L2', 2, 150_000, 9_000), creditRow('L7', 1, 1_000, 10)]);
  insertCreditRunWith(db, modelId, '2026-11-30', [creditRow('L1', 2, 70_000, 2_100), creditRow('L2', 3, 150_000, 67_500), creditRow('L4', 1, 40_000, 400)]);
  insertCreditRunWith(db, modelId, '2026-12-31', [creditRow('L2', 3, 150_000, 70_000)]);
}

const RUN_INSERT = `INSERT INTO runs (engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals) VALUES (?, ?, '{}', 'ana', ?, 'finished', ?, 'CNY', ?)`;

/** [finished at, transactions, flagged, flagged minor]: only the middle two finished in the period. */
const FRAUD_RUNS = [
  ['2026-10-31T23:59:59.999Z', 1_000, 50, 99_999],
  ['2026-11-01T00:00:00.000Z', 100, 5, 12_345],
  [LAST_SECOND, 200, 7, 1_000],
  [NEXT_MIDNIGHT, 3_000, 90, 88_888],
] as const;

/** [source, created at] */
const ALERTS = [
  ['fraud', '2026-11-15T08:00:00.000Z'],
  ['fraud', LAST_SECOND],
  ['fraud', NEXT_MIDNIGHT],
  ['fraud', '2026-10-31T23:59:59.000Z'],
  ['credit', '2026-11-15T08:00:00.000Z'],
] as const;

function insertFraud(db: Db): void {
  const run = db.prepare(RUN_INSERT);
  for (const [at, transactions, flagged, flaggedMinor] of FRAUD_RUNS) run.run('fraud', at.slice(0, 10), at, at, JSON.stringify({ transactions, flagged, flaggedMinor, currency: 'CNY' }));
  const alert = db.prepare(
    `INSERT INTO alerts (source, type, subject_type, subject_id, severity, score, status, occurrences, created_at, last_seen_at, artefacts, explanation)
     VALUES (?, ? || '.hand', 'account', ?, 'medium', 1.0, 'open', 1, ?, ?, '{}', '{"key":"hand","figures":[]}')`,
  );
  ALERTS.forEach(([source, at], i) => alert.run(source, source, `A${i}`, at, at));
  // Rule sets: the shipped version 1 (activated at the epoch), version 2 activated in the last second, 3 at midnight after.
  const ruleSet = db.prepare(
    `INSERT INTO fraud_rule_sets (version, note, status, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at, activated_by, activated_at, document)
     VALUES (?, 'hand', ?, 'ana', '2026-11-01T00:00:00.000Z', 'ana', '2026-11-01T00:00:00.000Z', 'cleo', '2026-11-02T00:00:00.000Z', 'cleo', ?, ?)`,
  );
  db.prepare(`UPDATE fraud_rule_sets SET status = 'retired' WHERE version = 1`).run();
  ruleSet.run(2, 'retired', LAST_SECOND, JSON.stringify(TEST_RULE_SET));
  ruleSet.run(3, 'active', NEXT_MIDNIGHT, JSON.stringify({ ...TEST_RULE_SET, rules: TEST_RULE_SET.rules.slice(0, 1) }));
}

/** [id, type, priority, created, due, closed (or null), disposition, merged into] */
const CASES = [
  [1, 'fraud', 'high', '2026-10-20T00:00:00.000Z', '2026-11-02T00:00:00.000Z', '2026-11-01T12:00:00.000Z', 'confirmed_fraud', null],
  [2, 'fraud', 'medium', '2026-11-01T00:00:00.000Z', '2026-11-10T00:00:00.000Z', LAST_SECOND, 'false_positive', null],
  [3, 'fraud', 'low', LAST_SECOND, '2026-12-03T00:00:00.000Z', null, null, null],
  [4, 'credit', 'critical', NEXT_MIDNIGHT, '2026-12-02T00:00:00.000Z', null, null, null],
  [5, 'credit', 'high', '2026-10-01T00:00:00.000Z', '2026-11-20T00:00:00.000Z', null, null, null],
  [6, 'fraud', 'critical', '2026-10-01T00:00:00.000Z', '2026-10-05T00:00:00.000Z', NEXT_MIDNIGHT, 'confirmed_fraud', null],
  [7, 'fraud', 'low', '2026-11-03T00:00:00.000Z', '2026-11-20T00:00:00.000Z', '2026-11-04T10:00:00.000Z', null, 2],
] as const;

function insertCases(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO cases (case_id, type, title, priority, status, assignee, created_at, updated_at, due_at, sla_version, proposed_by, proposed_at, disposition, closed_by, closed_at, merged_into)
     VALUES (@id, @type, 'hand case', @priority, @status, 'ana', @created, @created, @due, 1, @proposer, @proposedAt, @disposition, @closer, @closed, @into)`,
  );
  for (const [id, type, priority, created, due, closed, disposition, into] of CASES) {
    const proposed = disposition !== null;
    insert.run({ id, type, priority, created, due, closed, disposition, status: closed === null ? 'assigned' : 'closed', proposer: proposed ? 'ana' : null, proposedAt: proposed ? created : null, closer: closed === null ? null : 'cole', into });
  }
}

/** [at, priority]: closures of cases as cases-service writes them; only high and critical ones needed a second person. */
const CLOSURES = [
  ['2026-11-01T12:00:00.000Z', 'high'],
  ['2026-11-20T12:00:00.000Z', 'medium'],
  [NEXT_MIDNIGHT, 'critical'],
] as const;

/**
 * A credit parameter set drafted and submitted by cora in October, approved by cole in the period's last second and
 * activated by cole at midnight after, through the real lifecycle service; and case closures in the audit trail.
 */
function insertApprovals(temp: TempDatabase): void {
  const as = (username: string, at: string) => databaseContext(temp, { username, role: 'compliance' }, { now: () => new Date(at) });
  const october = as('cora', '2026-10-31T12:00:00.000Z');
  const set = saveDraftParameterSet(october, TEST_CREDIT_PARAMETERS, 'hand');
  takeLifecycleStep(october, CREDIT_PARAMETER_SETS, 'submit', set.version);
  takeLifecycleStep(as('cole', LAST_SECOND), CREDIT_PARAMETER_SETS, 'approve', set.version, 'Checked the staging thresholds');
  takeLifecycleStep(as('cole', NEXT_MIDNIGHT), CREDIT_PARAMETER_SETS, 'activate', set.version, 'Checked the approval');
  inTransaction(temp.db, () => {
    CLOSURES.forEach(([at, priority], i) =>
      appendAuditEvent(temp.db, { actor: 'cole', at, action: 'case.transition', subject: `case ${i + 1}`, details: { from: 'pending_approval', to: 'closed', priority, disposition: 'no_action' } }),
    );
  });
}

/** [as of, lcr]: the report reads November's. */
const LIQUIDITY_RUNS = [
  ['2026-10-31', 1.1],
  ['2026-11-30', 1.25],
  ['2026-12-31', 0.9],
] as const;

/** A liquidity run's stored result (liquidityRunResultSchema) with hand figures. */
function liquidityRunTotals(runId: number, asOf: string, lcr: number): object {
  return {
    runId,
    asOf,
    parameterVersion: 1,
    startedBy: 'ana',
    finishedAt: `${asOf}T21:00:00.000Z`,
    currency: 'CNY',
    lcr,
    nsfr: 1.4,
    hqla: 1_200_000,
    netOutflows: 960_000,
    survival: [{ scenario: 'idiosyncratic', survivalDay: 12 }, { scenario: 'market', survivalDay: null }],
    indicators: [{ indicator: 'lcr_floor', value: lcr, threshold: 1, severity: 'high', breached: false, product: null }],
    alerts: { raised: 0, repeated: 0, casesOpened: 0 },
  };
}

function insertLiquidityRuns(db: Db): void {
  const run = db.prepare(RUN_INSERT);
  const next = (): number => (db.prepare('SELECT coalesce(max(run_id), 0) + 1 FROM runs').pluck().get() as number);
  for (const [asOf, lcr] of LIQUIDITY_RUNS) run.run('liquidity', asOf, `${asOf}T20:00:00.000Z`, `${asOf}T21:00:00.000Z`, JSON.stringify(liquidityRunTotals(next(), asOf, lcr)));
}

/** Every kind of row above, in a temp database made by createTempDatabase. */
export function insertReportPeriodData(temp: TempDatabase): void {
  const { db } = temp;
  inTransaction(db, () => {
    insertLoans(db);
    insertCreditRuns(db);
    insertFraud(db);
    insertCases(db);
    insertLiquidityRuns(db);
  });
  insertApprovals(temp);
}
