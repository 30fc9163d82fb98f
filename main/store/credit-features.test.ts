import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FeatureColumn } from '../engines/credit/scorecard/binning.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import {
  countScoringLoans,
  CREDIT_FEATURE_NAMES,
  CREDIT_FEATURES,
  latestPerformanceMonth,
  loanScoringInput,
  readDevelopmentSample,
  readFeatureColumn,
  scoringBatches,
  type ScoringBatch,
} from './credit-features.ts';
import type { Db } from './database.ts';

/**
 * Latest performance month 2025-06, so loans originated before 2024-07-01 are seasoned.
 * In the sample (loan-id order), with the reason and the event:
 *   L01 seasoned (2024-06-30); event: 95 DPD in 2024-08, though current now
 *   L03 young but paid off ('Paid Off'); no event
 *   L04 young but 120 DPD now; event
 *   L05 seasoned; event: status 'Written-Off'
 *   L06 seasoned; event: a month with status 'Charged Off'
 *   L07 seasoned; worst month 30 DPD: no event
 * Left out: L02 (2024-07-01, current) and L08 (2025-03, current).
 * Open: L01, L02, L04, L06 (no balance reported: its principal), L08 (nothing drawn, but undrawn);
 * not L03 (paid off), L05 (written off), L07 (current, but nothing drawn or undrawn).
 */
function seed(db: Db): void {
  const borrower = db.prepare(
    `INSERT INTO borrowers (borrower_id, region, annual_income_minor, birth_date, employment_type, industry, monthly_debt_minor, credit_history_months, home_ownership, registered_at, id_verified)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  borrower.run('B1', 'north', 12_000_000, '1990-07-15', 'employed', 'retail', 300_000, 60, 'rent', '2023-03-20', 1);
  borrower.run('B2', 'south', 0, null, null, null, null, null, null, null, null);
  const loan = db.prepare(
    `INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency, maturity_date, repayment_type,
       collateral_type, channel, status, outstanding_balance_minor, dpd, undrawn_amount_minor)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  loan.run('L01', 'B1', 'cash', '2024-06-30', 1_000_000, 0.12, 12, '2025-06-30', 'equal_instalment', null, 'app', 'current', 500_000, 0, null);
  loan.run('L02', 'B1', 'cash', '2024-07-01', 400_000, 0.1, 12, '2025-07-01', 'equal_instalment', null, 'app', 'current', 300_000, 0, null);
  loan.run('L03', 'B2', 'card', '2025-05-10', 50_000, 0.2, 6, null, null, null, 'web', 'Paid Off', 0, 0, null);
  loan.run('L04', 'B2', 'card', '2025-01-01', 300_000, 0.24, 12, '2026-01-01', 'equal_principal', null, 'web', 'delinquent', 300_000, 120, null);
  loan.run('L05', 'B1', 'cash', '2023-01-15', 200_000, 0.15, 24, '2025-01-15', 'equal_instalment', null, 'app', 'Written-Off', 0, 200, null);
  loan.run('L06', 'B2', 'auto', '2024-02-29', 800_000, 0.08, 36, '2027-02-28', 'equal_instalment', 'vehicle', null, 'current', null, null, null);
  loan.run('L07', 'B1', 'auto', '2024-01-10', 600_000, 0.09, 12, '2025-01-10', 'equal_instalment', 'vehicle', 'web', 'current', 0, 0, 0);
  loan.run('L08', 'B2', 'revolving_credit_line', '2025-03-01', 100_000, 0.18, 12, null, 'revolving', null, 'app', 'current', 0, 0, 50_000);
  const month = db.prepare('INSERT INTO loan_performance (loan_id, as_of, balance_minor, dpd, status) VALUES (?, ?, ?, ?, ?)');
  month.run('L01', '2024-07', 950_000, 0, 'current');
  month.run('L01', '2024-08', 950_000, 95, 'delinquent');
  month.run('L01', '2025-06', 500_000, 0, 'current');
  month.run('L06', '2024-03', 800_000, 10, 'Charged Off');
  month.run('L07', '2024-05', 300_000, 30, 'delinquent');
}

/** The SQL texts `read` prepares on `db`. */
function preparedBy(db: Db, read: () => void): string[] {
  const prepare = db.prepare.bind(db);
  const texts: string[] = [];
  db.prepare = ((text: string) => {
    texts.push(text);
    return prepare(text);
  }) as typeof db.prepare;
  try {
    read();
  } finally {
    db.prepare = prepare;
  }
  return texts;
}

function values(columns: readonly FeatureColumn[], name: string): unknown[] {
  const column = columns.find((c) => c.name === name);
  assert.ok(column, `no column ${name}`);
  return Array.from<unknown>(column.values);
}

describe('credit features', () => {
  let temp: TempDatabase;
  before(() => {
    temp = createTempDatabase('riskdesk-features-');
    seed(temp.db);
  });
  after(() => temp.dispose());

  it('uses application-time information only: no feature reads DPD, status or balances', () => {
    for (const feature of CREDIT_FEATURES) assert.doesNotMatch(feature.sql, /dpd|status|balance|undrawn|loan_performance/, feature.name);
    assert.deepEqual(CREDIT_FEATURE_NAMES, CREDIT_FEATURES.map((f) => f.name));
    assert.equal(new Set(CREDIT_FEATURE_NAMES).size, CREDIT_FEATURE_NAMES.length);
  });

  it('reads the seasoned or ended loans in loan-id order with the default flag at any time', () => {
    const progress: [number, number][] = [];
    const sample = readDevelopmentSample(temp.db, (done, total) => progress.push([done, total]));
    assert.deepEqual(sample.loanIds, ['L01', 'L03', 'L04', 'L05', 'L06', 'L07']);
    assert.deepEqual(Array.from(sample.events), [1, 0, 1, 1, 1, 0]);
    assert.deepEqual(progress.at(-1), [6, 6]);
    assert.deepEqual(sample.columns.map((c) => [c.name, c.type]), CREDIT_FEATURES.map((f) => [f.name, f.type]));
    assert.match(sample.sample, /^Loans originated at least 12 months before the latest performance month 2025-06, or ended since/);
    assert.match(sample.sample, /the event is a default at any time/);
    assert.deepEqual(sample.sampleDefinition, { seasoningMonths: 12, latestMonth: '2025-06' });
    assert.match(sample.trainingHash, /^[0-9a-f]{64}$/);
  });

  it('computes each feature as defined, with NaN and null for what is missing', () => {
    const { columns } = readDevelopmentSample(temp.db);
    const nan = Number.NaN;
    // Rows: L01 (B1), L03 (B2), L04 (B2), L05 (B1), L06 (B2), L07 (B1). B2 reports no income (0) and nothing optional.
    assert.deepEqual(values(columns, 'annual_income'), [120_000, 0, 0, 120_000, 0, 120_000]);
    // 3,000.00 a month × 12 / 120,000.00 a year.
    assert.deepEqual(values(columns, 'debt_to_income'), [0.3, nan, nan, 0.3, nan, 0.3]);
    assert.deepEqual(values(columns, 'credit_history_months'), [60, nan, nan, 60, nan, 60]);
    // Born 1990-07-15: 33 on 2024-06-30 (a fortnight short of 34), 32 on 2023-01-15, 33 on 2024-01-10.
    assert.deepEqual(values(columns, 'age_at_origination'), [33, nan, nan, 32, nan, 33]);
    // Registered 2023-03-20: 15 whole months to 2024-06-30; 2023-01-15 came before it (-3); 9 months to 2024-01-10 (not yet 10).
    assert.deepEqual(values(columns, 'months_registered_before_origination'), [15, nan, nan, -3, nan, 9]);
    assert.deepEqual(values(columns, 'loan_to_income'), [1_000_000 / 12_000_000, nan, nan, 200_000 / 12_000_000, nan, 600_000 / 12_000_000]);
    assert.deepEqual(values(columns, 'id_verified'), ['yes', null, null, 'yes', null, 'yes']);
    assert.deepEqual(values(columns, 'employment_type'), ['employed', null, null, 'employed', null, 'employed']);
    assert.deepEqual(values(columns, 'region'), ['north', 'south', 'south', 'north', 'south', 'north']);
    assert.deepEqual(values(columns, 'collateral_type'), ['none', 'none', 'none', 'none', 'vehicle', 'vehicle']);
    assert.deepEqual(values(columns, 'channel'), ['app', 'web', 'web', 'app', null, 'web']);
    assert.deepEqual(values(columns, 'term_months'), [12, 6, 12, 24, 36, 12]);
    assert.deepEqual(values(columns, 'interest_rate'), [0.12, 0.2, 0.24, 0.15, 0.08, 0.09]);
  });

  it('finds a loan’s defaulted months through the partial index of migration 0060, not by reading its whole history', () => {
    const { db } = temp;
    const [sampleSql] = preparedBy(db, () => readFeatureColumn(db, 'region')).filter((text) => text.includes('EXISTS'));
    assert.ok(sampleSql);
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${sampleSql}`).all({ seasonedBefore: '2024-07-01' }) as { detail: string }[];
    assert.ok(plan.some((step) => step.detail.includes('COVERING INDEX loan_performance_defaulted')), JSON.stringify(plan));
  });

  it('hashes the sample: the same rows give the same hash; a changed feature value of a sample loan changes it, one outside does not', () => {
    const { db } = temp;
    const first = readDevelopmentSample(db).trainingHash;
    assert.equal(readDevelopmentSample(db).trainingHash, first);
    db.prepare(`UPDATE loans SET channel = 'web' WHERE loan_id = 'L02'`).run();
    assert.equal(readDevelopmentSample(db).trainingHash, first, 'L02 is not in the sample');
    db.prepare(`UPDATE loans SET channel = 'web' WHERE loan_id = 'L01'`).run();
    assert.notEqual(readDevelopmentSample(db).trainingHash, first);
    db.prepare(`UPDATE loans SET channel = 'app' WHERE loan_id IN ('L01', 'L02')`).run();
    assert.equal(readDevelopmentSample(db).trainingHash, first, 'back as it was');
  });

  it('reads one feature on the same rows in the same order, and names an unknown one', () => {
    const full = readDevelopmentSample(temp.db);
    const one = readFeatureColumn(temp.db, 'age_at_origination');
    assert.deepEqual(one.column, full.columns.find((c) => c.name === 'age_at_origination'));
    assert.deepEqual(one.events, full.events);
    assert.throws(
      () => readFeatureColumn(temp.db, 'dpd'),
      (e: Error & { code?: string }) => e.code === 'INVALID_ARGUMENT' && e.message.includes('"dpd"') && e.message.includes('annual_income'),
    );
  });

  it('streams the open loans, or all, in batches by rowid with their scoring terms', () => {
    const ids = (batches: ScoringBatch[]) => batches.map((b) => b.loanIds);
    const open = [...scoringBatches(temp.db, { batchSize: 2, population: 'open' })];
    assert.deepEqual(ids(open), [['L01', 'L02'], ['L04', 'L06'], ['L08']]);
    assert.equal(countScoringLoans(temp.db, 'open'), 5);
    const all = [...scoringBatches(temp.db, { batchSize: 4, population: 'all' })];
    assert.deepEqual(ids(all), [['L01', 'L02', 'L03', 'L04'], ['L05', 'L06', 'L07', 'L08']]);
    assert.equal(countScoringLoans(temp.db, 'all'), 8);
    const [, second] = open;
    assert.deepEqual(second?.originationDates, ['2025-01-01', '2024-02-29']);
    assert.deepEqual(second?.columns.map((c) => c.values.length), CREDIT_FEATURES.map(() => 2));
    assert.deepEqual(second?.loans[1], {
      product: 'auto',
      collateralType: 'vehicle',
      repaymentType: 'equal_instalment',
      interestRate: 0.08,
      termMonths: 36,
      originationDate: '2024-02-29',
      maturityDate: '2027-02-28',
      balanceMinor: 800_000,
      undrawnMinor: 0,
      dpd: 0,
      status: 'current',
    });
    assert.throws(() => scoringBatches(temp.db, { batchSize: 0, population: 'all' }).next(), RangeError);
  });

  it('streams the loans originated in a range of dates, both ends included, whatever their status', () => {
    // 2024-06-30 (L01) to 2025-01-01 (L04), with L02 (2024-07-01) between; L06 (2024-02-29) and L08 (2025-03-01) fall outside.
    const range = { originatedFrom: '2024-06-30', originatedTo: '2025-01-01' };
    assert.deepEqual([...scoringBatches(temp.db, { batchSize: 2, population: range })].map((b) => b.loanIds), [['L01', 'L02'], ['L04']]);
    assert.equal(countScoringLoans(temp.db, range), 3);
  });

  it('reads one loan for scoring whatever its status, and nothing for an unknown id', () => {
    const input = loanScoringInput(temp.db, 'L08');
    assert.deepEqual(input?.loan, {
      product: 'revolving_credit_line',
      collateralType: null,
      repaymentType: 'revolving',
      interestRate: 0.18,
      termMonths: 12,
      originationDate: '2025-03-01',
      maturityDate: null,
      balanceMinor: 0,
      undrawnMinor: 50_000,
      dpd: 0,
      status: 'current',
    });
    assert.deepEqual(values(input?.columns ?? [], 'product'), ['revolving_credit_line']);
    assert.equal(loanScoringInput(temp.db, 'L03')?.loan.status, 'Paid Off');
    assert.equal(loanScoringInput(temp.db, 'nope'), undefined);
  });

  it('knows the latest performance month, and without any history samples only the loans that ended', () => {
    assert.equal(latestPerformanceMonth(temp.db), '2025-06');
    const empty = createTempDatabase('riskdesk-features-');
    try {
      seed(empty.db);
      empty.db.prepare('DELETE FROM loan_performance').run();
      assert.equal(latestPerformanceMonth(empty.db), null);
      const sample = readDevelopmentSample(empty.db);
      assert.deepEqual(sample.loanIds, ['L03', 'L04', 'L05']);
      assert.deepEqual(Array.from(sample.events), [0, 1, 1]);
      assert.match(sample.sample, /no performance history/);
      assert.deepEqual(sample.sampleDefinition, { seasoningMonths: 12, latestMonth: null });
    } finally {
      empty.dispose();
    }
  });
});
