import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GridQuery } from '../../preload/contract/grid.ts';
import { PRICING_COLUMNS, runTotalsSchema, type Grade, type PricingRow, type RunTotals } from '../../preload/contract/credit.ts';
import type { LoanRow } from '../../preload/contract/methods.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { TEST_CREDIT_PARAMETERS } from '../test-support/credit-test-parameters.ts';
import { appendAuditEvent } from './audit.ts';
import { insertShippedParameterSet } from './credit-parameter-sets.ts';
import { borrowerExposuresAbove, insertCreditRun, insertRunLoans, latestRun, listRuns, previousCreditRunId, PRICING_GRID, runLoan, runLoanComparisons, runTotals, type RunLoanRow } from './credit-runs.ts';
import type { Db } from './database.ts';
import { countRows, gridQueryProblems, isIndexOrdered, pageRows, rowsForKeys, viewKeys } from './grid-sql.ts';
import { loanDetail, LOAN_GRID } from './portfolio-queries.ts';
import { finishRun } from './runs.ts';

/** L4 is not in any run (a closed loan); L2 has no balance reported (its principal stands in). Runs use model 1 and parameter set 1. */
function seedLoans(db: Db): void {
  insertShippedParameterSet(db, { parameters: TEST_CREDIT_PARAMETERS, note: 'runs', at: 't0' });
  db.prepare(`INSERT INTO borrowers (borrower_id, region, annual_income_minor) VALUES ('B1', 'north', 10000000)`).run();
  const loan = db.prepare(
    `INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency, outstanding_balance_minor)
     VALUES (?, 'B1', ?, '2024-01-01', ?, ?, 12, 'CNY', ?)`,
  );
  loan.run('L1', 'cash', 100_000, 0.1, 100_000);
  loan.run('L2', 'card', 50_000, 0.2, null);
  loan.run('L3', 'cash', 400_000, 0.05, 300_000);
  loan.run('L4', 'card', 10_000, 0.3, 0);
  loan.run('L5', 'auto', 200_000, 0.11, null);
  db.prepare(
    `INSERT INTO credit_models (name, status, training_hash, rows, features, created_by, created_at, approved_by, approved_at, activated_by, activated_at, scorecard, report)
     VALUES ('Retail v1', 'active', 'h', 100, '[]', 'alice', 't0', 'bob', 't0', 'bob', 't0', '{}', '{}')`,
  ).run();
}

function row(loanId: string, stage: 1 | 2 | 3, grade: Grade, pd12m: number, eadMinor: number, eclMinor: number, requiredRate: number): RunLoanRow {
  return { loanId, score: 600, pd12m, pdOrigination: pd12m / 2, pdLifetime: pd12m * 2, grade, stage, lgd: 0.65, eadMinor, eclMinor, requiredRate, dpd: stage === 3 ? 90 : 0 };
}

/** Run 1. Priced below: L1 (0.10 < 0.12) and L3 (0.05 < 0.80); L5 at exactly its required rate is not. */
const RUN_1 = [
  row('L1', 1, 'A', 0.004, 100_000, 260, 0.12),
  row('L2', 2, 'C', 0.015, 50_000, 1_500, 0.15),
  row('L3', 3, 'G', 1, 300_000, 195_000, 0.8),
  row('L5', 1, 'A', 0.002, 200_000, 100, 0.11),
];

const NEW_RUN = { asOf: '2025-06-30', modelId: 1, parameterVersion: 1, startedBy: 'carol', currency: 'CNY' };

function writeRun(db: Db, rows: readonly RunLoanRow[], finishedAt: string): { runId: number; totals: RunTotals } {
  return db.transaction(() => {
    const runId = insertCreditRun(db, { ...NEW_RUN, startedAt: `${finishedAt}-start` });
    insertRunLoans(db, runId, rows);
    const totals = runTotals(db, runId);
    finishRun(db, runId, { totals, finishedAt });
    appendAuditEvent(db, { actor: 'carol', action: 'credit.run', subject: `credit run ${runId}`, at: finishedAt });
    return { runId, totals };
  })();
}

const ZERO = { loans: 0, eadMinor: 0, eclMinor: 0 };

function query(overrides: Partial<GridQuery> = {}): GridQuery {
  return { startRow: 0, endRow: 100, sortModel: [], filterModel: {}, ...overrides };
}

describe('credit runs', () => {
  let temp: TempDatabase;
  before(() => {
    temp = createTempDatabase('riskdesk-runs-');
    seedLoans(temp.db);
  });
  after(() => temp.dispose());

  it('has no run, and a null risk in the loan grid, before the first one', () => {
    assert.equal(latestRun(temp.db), undefined);
    assert.deepEqual(listRuns(temp.db), []);
    const loan = loanDetail(temp.db, 'L1')?.loan;
    assert.deepEqual([loan?.pd_12m, loan?.grade, loan?.stage, loan?.ecl_minor], [null, null, null, null]);
  });

  it('totals a run in SQL: every stage and grade in order, even when empty, and the loans priced below', () => {
    const { runId, totals } = writeRun(temp.db, RUN_1, '2025-07-01T00:00:00.000Z');
    assert.equal(runId, 1, 'the first run');
    const a = { loans: 2, eadMinor: 300_000, eclMinor: 360 };
    const c = { loans: 1, eadMinor: 50_000, eclMinor: 1_500 };
    const g = { loans: 1, eadMinor: 300_000, eclMinor: 195_000 };
    const expected: RunTotals = {
      loans: 4,
      eadMinor: 650_000,
      eclMinor: 196_860,
      byStage: [
        { stage: '1', ...a },
        { stage: '2', ...c },
        { stage: '3', ...g },
      ],
      byGrade: [
        { grade: 'A', ...a, meanPd: 0.003 },
        { grade: 'B', ...ZERO, meanPd: 0 },
        { grade: 'C', ...c, meanPd: 0.015 },
        { grade: 'D', ...ZERO, meanPd: 0 },
        { grade: 'E', ...ZERO, meanPd: 0 },
        { grade: 'F', ...ZERO, meanPd: 0 },
        { grade: 'G', ...g, meanPd: 1 },
      ],
      byStageGrade: (['1', '2', '3'] as const).flatMap((stage) =>
        (['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const).map((grade) => {
          const cell = stage === '1' && grade === 'A' ? a : stage === '2' && grade === 'C' ? c : stage === '3' && grade === 'G' ? g : ZERO;
          return { stage, grade, ...cell };
        }),
      ),
      // L1 (100,000 outstanding) and L3 (300,000).
      pricing: { below: 2, belowOutstandingMinor: 400_000 },
    };
    assert.deepEqual(totals, expected);
    runTotalsSchema.parse(totals);
  });

  it('lists finished runs with their model, and reads one loan of a run back', () => {
    assert.deepEqual(listRuns(temp.db), [
      { runId: 1, asOf: '2025-06-30', startedBy: 'carol', finishedAt: '2025-07-01T00:00:00.000Z', modelId: 1, modelName: 'Retail v1', parameterVersion: 1, currency: 'CNY', totals: runTotals(temp.db, 1) },
    ]);
    assert.equal(latestRun(temp.db)?.runId, 1);
    assert.deepEqual(runLoan(temp.db, 1, 'L2'), RUN_1[1]);
    assert.equal(runLoan(temp.db, 1, 'L4'), undefined);
  });

  it('pages the pricing check as a grid: the latest run’s loans priced below, sortable and filterable', () => {
    const { db } = temp;
    const bySortfall = query({ sortModel: [{ colId: 'shortfall', sort: 'desc' }] });
    assert.deepEqual(gridQueryProblems(PRICING_GRID, bySortfall), []);
    const rows = pageRows<PricingRow>(db, PRICING_GRID, bySortfall);
    assert.deepEqual(rows, [
      { loan_id: 'L3', product: 'cash', grade: 'G', interest_rate: 0.05, required_rate: 0.8, shortfall: 0.8 - 0.05, pd_12m: 1, lgd: 0.65, outstanding_balance_minor: 300_000 },
      { loan_id: 'L1', product: 'cash', grade: 'A', interest_rate: 0.1, required_rate: 0.12, shortfall: 0.12 - 0.1, pd_12m: 0.004, lgd: 0.65, outstanding_balance_minor: 100_000 },
    ]);
    assert.deepEqual(Object.keys(rows[0] ?? {}), PRICING_COLUMNS);
    assert.equal(countRows(db, PRICING_GRID, {}), 2);
    const gradeG = { grade: { filterType: 'text' as const, type: 'equals' as const, filter: 'G' } };
    assert.equal(countRows(db, PRICING_GRID, gradeG), 1);
    assert.deepEqual(rowsForKeys<PricingRow>(db, PRICING_GRID, viewKeys(db, PRICING_GRID, {}, [{ colId: 'pd_12m', sort: 'asc' }])).map((r) => r.loan_id), ['L1', 'L3']);
  });

  it('joins the latest finished run into the loan grid and the loan detail; loans it left out stay, with nulls', () => {
    const { db } = temp;
    // Run 2 scores L1 alone and moves it to stage 2. Inside the transaction of a run still being written (3),
    // that run is not yet the latest.
    assert.equal(writeRun(db, [row('L1', 2, 'D', 0.03, 100_000, 2_000, 0.2)], '2025-08-01T00:00:00.000Z').runId, 2);
    assert.throws(
      () =>
        db.transaction(() => {
          const unfinished = insertCreditRun(db, { ...NEW_RUN, asOf: '2025-08-31', startedAt: 't' });
          assert.equal(unfinished, 3);
          insertRunLoans(db, unfinished, [row('L2', 1, 'A', 0.001, 1, 1, 0.1)]);
          assert.equal(latestRun(db)?.runId, 2);
          assert.deepEqual(listRuns(db).map((r) => r.runId), [2, 1]);
          throw new Error('rolled back on purpose');
        })(),
      /rolled back on purpose/,
    );
    const detail = loanDetail(db, 'L1')?.loan;
    assert.deepEqual([detail?.pd_12m, detail?.grade, detail?.stage, detail?.ecl_minor], [0.03, 'D', 2, 2_000]);
    const byPd = query({ sortModel: [{ colId: 'pd_12m', sort: 'desc' }] });
    assert.deepEqual(gridQueryProblems(LOAN_GRID, byPd), []);
    const page = pageRows<LoanRow>(db, LOAN_GRID, byPd);
    assert.deepEqual(page.map((r) => [r.loan_id, r.pd_12m, r.grade, r.stage, r.ecl_minor]), [
      ['L1', 0.03, 'D', 2, 2_000],
      // Not in run 2: nulls, which sort last when descending (then by the rowid key, also descending).
      ['L5', null, null, null, null],
      ['L4', null, null, null, null],
      ['L3', null, null, null, null],
      ['L2', null, null, null, null],
    ]);
    assert.deepEqual(rowsForKeys<LoanRow>(db, LOAN_GRID, viewKeys(db, LOAN_GRID, {}, byPd.sortModel)).map((r) => r.loan_id), page.map((r) => r.loan_id));
    const stage2 = { stage: { filterType: 'number' as const, type: 'equals' as const, filter: 2 } };
    assert.equal(countRows(db, LOAN_GRID, stage2), 1);
    // A sort on a run column is read as the view's key list (the LEFT JOIN keeps it from being an index walk).
    assert.equal(isIndexOrdered(db, LOAN_GRID, {}, byPd.sortModel), false);
    assert.equal(isIndexOrdered(db, LOAN_GRID, {}, []), true);
    // The pricing check follows the latest run too: L1 at 0.10 is below run 2's 0.20.
    assert.deepEqual(pageRows<PricingRow>(db, PRICING_GRID, query()).map((r) => r.loan_id), ['L1']);
  });

  it('keeps nothing of a run whose transaction fails', () => {
    const { db } = temp;
    assert.throws(() =>
      db.transaction(() => {
        insertRunLoans(db, insertCreditRun(db, { ...NEW_RUN, asOf: '2025-09-30', startedAt: 't' }), RUN_1);
        throw new Error('engine failed');
      })(),
    );
    assert.equal((db.prepare('SELECT count(*) AS n FROM credit_run_loans WHERE run_id = 3').get() as { n: number }).n, 0);
    assert.equal(db.prepare('SELECT count(*) FROM runs').pluck().get(), 2);
    assert.equal(writeRun(db, RUN_1, '2025-10-01T00:00:00.000Z').runId, 3, 'the next run takes the id the failed one had');
  });

  it('starts a run only inside a transaction, and finishes it once', () => {
    const { db } = temp;
    assert.throws(() => insertCreditRun(db, { ...NEW_RUN, startedAt: 't' }), /inside one transaction/);
    assert.throws(() => finishRun(db, 3, { totals: {}, finishedAt: 't' }), /run 3 is not running/);
    assert.deepEqual(listRuns(db).map((r) => r.runId), [3, 2, 1]);
  });
});

describe('comparing a run with the previous one (for its alerts)', () => {
  let temp: TempDatabase;
  before(() => {
    temp = createTempDatabase('riskdesk-run-comparisons-');
    seedLoans(temp.db);
  });
  after(() => temp.dispose());

  const writeAsOf = (asOf: string, rows: readonly RunLoanRow[]): number =>
    temp.db.transaction(() => {
      const runId = insertCreditRun(temp.db, { ...NEW_RUN, asOf, startedAt: `${asOf}-start` });
      insertRunLoans(temp.db, runId, rows);
      finishRun(temp.db, runId, { totals: runTotals(temp.db, runId), finishedAt: `${asOf}-end` });
      return runId;
    })();

  it('compares with the latest run of an earlier date, page by page in loan-id order, a loan absent from it with null', () => {
    assert.equal(previousCreditRunId(temp.db, '2025-01-31'), null, 'no run yet');
    const december = writeAsOf('2024-12-31', [row('L1', 1, 'A', 0.004, 100_000, 260, 0.12), { ...row('L2', 1, 'C', 0.015, 50_000, 1_500, 0.15), dpd: null }, row('L3', 2, 'E', 0.05, 300_000, 9_000, 0.2)]);
    const decemberAgain = writeAsOf('2024-12-31', [row('L1', 1, 'B', 0.004, 100_000, 260, 0.12)]);
    const january = writeAsOf('2025-01-31', [
      row('L1', 2, 'D', 0.03, 100_000, 2_000, 0.12),
      { ...row('L2', 3, 'G', 1, 50_000, 30_000, 0.15), dpd: 95 },
      row('L3', 2, 'E', 0.05, 300_000, 9_000, 0.2),
      row('L5', 1, 'A', 0.002, 200_000, 100, 0.11),
    ]);
    assert.equal(previousCreditRunId(temp.db, '2025-01-31'), decemberAgain, 'the newest run of the latest earlier date');
    assert.equal(previousCreditRunId(temp.db, '2024-12-31'), null, 'a run of the same date is not a previous one');
    const pages = [...runLoanComparisons(temp.db, january, december, 2)];
    assert.deepEqual(pages, [
      [
        { loanId: 'L1', current: { stage: 2, grade: 'D', dpd: 0 }, previous: { stage: 1, grade: 'A', dpd: 0 } },
        { loanId: 'L2', current: { stage: 3, grade: 'G', dpd: 95 }, previous: { stage: 1, grade: 'C', dpd: null } },
      ],
      [
        { loanId: 'L3', current: { stage: 2, grade: 'E', dpd: 0 }, previous: { stage: 2, grade: 'E', dpd: 0 } },
        { loanId: 'L5', current: { stage: 1, grade: 'A', dpd: 0 }, previous: null },
      ],
    ]);
    assert.deepEqual([...runLoanComparisons(temp.db, january, null, 3)].map((page) => page.map((loan) => loan.previous)), [[null, null, null], [null]]);
  });

  it('sums each borrower’s EAD in a run and returns only those above the limit', () => {
    const runId = previousCreditRunId(temp.db, '2025-02-28') ?? 0;
    // Every loan is B1's: 100,000 + 50,000 + 300,000 + 200,000.
    assert.deepEqual(borrowerExposuresAbove(temp.db, runId, 649_999), [{ borrowerId: 'B1', eadMinor: 650_000, loans: 4 }]);
    assert.deepEqual(borrowerExposuresAbove(temp.db, runId, 650_000), [], 'at the limit is within it');
  });
});
