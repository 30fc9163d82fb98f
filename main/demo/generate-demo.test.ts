import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { LCR_DEFAULT_FACTORS, isLiquidityCategory } from '../engines/liquidity/categories.ts';
import type { Db } from '../store/database.ts';
import { isRiskDeskError } from '../../preload/contract/errors.ts';
import { BORROWER_CODES, type CodedLoanColumn, isCodeOf, LOAN_CODES, LOAN_RANGES, ORIGINATION_DATES } from '../../preload/contract/loan-vocabulary.ts';
import { DEMO_KINDS } from './demo-sink.ts';
import { demoTables } from './demo-workspace.ts';
import { type DemoSummary, generateDemo } from './generate-demo.ts';
import { type TempDatabase, createTempDatabase } from '../test-support/temp-database.ts';

const AS_OF = '2025-06-30';
/** The last instant of the as-of day in Beijing, in UTC. */
const END_OF_AS_OF = '2025-06-30T15:59:59.999Z';

const ORDER_BY: Readonly<Record<string, string>> = {
  borrowers: 'borrower_id',
  loans: 'loan_id',
  loan_performance: 'loan_id, as_of',
  accounts: 'account_id',
  transactions: 'tx_id',
  labels: 'subject_type, subject_id, source',
  investor_balances: 'investor_id, product',
  liquidity_lines: 'line_id',
  daily_flows: 'date, product',
};

function tableHash(db: Db, table: string): string {
  const hash = createHash('sha256');
  for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${ORDER_BY[table]}`).raw().iterate() as IterableIterator<unknown[]>) {
    hash.update(JSON.stringify(row)).update('\n');
  }
  return hash.digest('hex');
}

function one<T>(db: Db, sql: string): T {
  return db.prepare(sql).get() as T;
}

describe('generateDemo (small)', () => {
  let first: TempDatabase;
  let second: TempDatabase;
  let otherSeed: TempDatabase;
  let summary: DemoSummary;

  before(() => {
    first = createTempDatabase('riskdesk-demo-', '2025-01-01T00:00:00.000Z');
    second = createTempDatabase('riskdesk-demo-', '2025-01-01T00:00:00.000Z');
    otherSeed = createTempDatabase('riskdesk-demo-', '2025-01-01T00:00:00.000Z');
    summary = generateDemo(first.db, { scale: 'small', seed: 7, asOf: AS_OF });
    generateDemo(second.db, { scale: 'small', seed: 7, asOf: AS_OF });
    generateDemo(otherSeed.db, { scale: 'small', seed: 8, asOf: AS_OF });
  });

  after(() => {
    for (const workspace of [first, second, otherSeed]) workspace.dispose();
  });

  test('the same seed, scale and as-of date give byte-identical tables', () => {
    for (const table of demoTables()) assert.equal(tableHash(second.db, table), tableHash(first.db, table), table);
  });

  test('a different seed gives different data in every table', () => {
    for (const table of demoTables()) assert.notEqual(tableHash(otherSeed.db, table), tableHash(first.db, table), table);
  });

  test('the summary counts what is in the tables, near the small scale targets', () => {
    DEMO_KINDS.forEach((kind, i) => {
      const table = demoTables()[i] ?? '';
      assert.equal(one<{ n: number }>(first.db, `SELECT count(*) AS n FROM ${table}`).n, summary.counts[kind], kind);
    });
    assert.equal(summary.counts.borrowers, 2_000);
    assert.ok(summary.counts.loans > 2_700 && summary.counts.loans < 3_300, `loans ${summary.counts.loans}`);
    assert.ok(summary.counts.transactions > 45_000 && summary.counts.transactions < 55_000, `transactions ${summary.counts.transactions}`);
    assert.equal(summary.counts.daily_flows, 365 * 3);
  });

  test('references hold and the base currency is CNY', () => {
    assert.deepEqual(first.db.prepare('PRAGMA foreign_key_check').all(), []);
    const orphanLabels = one<{ n: number }>(
      first.db,
      `SELECT count(*) AS n FROM labels l WHERE (l.subject_type = 'transaction' AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.tx_id = l.subject_id))
         OR (l.subject_type = 'account' AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.account_id = l.subject_id))`,
    );
    assert.equal(orphanLabels.n, 0);
    assert.equal(one<{ value: string }>(first.db, `SELECT value FROM meta WHERE key = 'base_currency'`).value, 'CNY');
  });

  test('every loan and borrower uses the import\'s codes and lies within its usual ranges, so a file of the demo would import without a warning', () => {
    const inCodes = (column: CodedLoanColumn, table: string, sql = column) =>
      (first.db.prepare(`SELECT DISTINCT ${sql} FROM ${table}`).pluck().all() as string[]).filter((code) => !isCodeOf(LOAN_CODES[column], code));
    for (const column of ['product', 'status', 'repayment_type', 'collateral_type', 'channel'] as const) assert.deepEqual(inCodes(column, 'loans'), [], column);
    assert.deepEqual(inCodes('status', 'loan_performance'), [], 'performance status');
    for (const column of ['employment_type', 'industry', 'home_ownership'] as const) {
      const outside = (first.db.prepare(`SELECT DISTINCT ${column} FROM borrowers WHERE ${column} IS NOT NULL`).pluck().all() as string[]).filter((code) => !isCodeOf(BORROWER_CODES[column], code));
      assert.deepEqual(outside, [], column);
    }
    const extremes = one<Record<string, number | string>>(
      first.db,
      `SELECT min(interest_rate) AS minRate, max(interest_rate) AS maxRate, min(term_months) AS minTerm, max(term_months) AS maxTerm,
              min(principal_minor) AS minPrincipal, max(principal_minor) AS maxPrincipal, min(origination_date) AS firstDay, max(origination_date) AS lastDay FROM loans`,
    );
    const { interest_rate: rate, term_months: term, principal } = LOAN_RANGES;
    assert.ok(Number(extremes.minRate) >= rate.min && Number(extremes.maxRate) <= rate.usualMax, JSON.stringify(extremes));
    assert.ok(Number(extremes.minTerm) >= term.min && Number(extremes.maxTerm) <= term.usualMax, JSON.stringify(extremes));
    assert.ok(Number(extremes.minPrincipal) > 0 && Number(extremes.maxPrincipal) / 100 <= principal.usualMax, JSON.stringify(extremes));
    assert.ok(String(extremes.firstDay) >= `${Number(AS_OF.slice(0, 4)) - ORIGINATION_DATES.usualYearsBack}${AS_OF.slice(4)}` && String(extremes.lastDay) <= AS_OF, JSON.stringify(extremes));
  });

  test("every loan's status, DPD and balance are those of its last performance month", () => {
    const mismatches = one<{ n: number }>(
      first.db,
      `SELECT count(*) AS n FROM loans l
         LEFT JOIN loan_performance p ON p.loan_id = l.loan_id AND p.as_of = (SELECT max(as_of) FROM loan_performance q WHERE q.loan_id = l.loan_id)
       WHERE p.loan_id IS NULL OR p.status IS NOT l.status OR p.dpd IS NOT l.dpd OR p.balance_minor IS NOT l.outstanding_balance_minor`,
    );
    assert.equal(mismatches.n, 0);
  });

  test('performance histories are monthly, start after origination, end by as-of, and stop when a loan closes', () => {
    const db = first.db;
    const gaps = one<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM (
         SELECT loan_id, count(*) AS months,
                (CAST(substr(max(as_of), 1, 4) AS INTEGER) * 12 + CAST(substr(max(as_of), 6, 2) AS INTEGER))
              - (CAST(substr(min(as_of), 1, 4) AS INTEGER) * 12 + CAST(substr(min(as_of), 6, 2) AS INTEGER)) + 1 AS span
         FROM loan_performance GROUP BY loan_id) WHERE months <> span`,
    );
    assert.equal(gaps.n, 0);
    assert.equal(one<{ n: number }>(db, `SELECT count(*) AS n FROM loan_performance p JOIN loans l USING (loan_id) WHERE p.as_of <= substr(l.origination_date, 1, 7) OR p.as_of > '2025-06'`).n, 0);
    const closedEarly = one<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM loan_performance p WHERE p.status IN ('paid_off', 'written_off')
         AND p.as_of < (SELECT max(as_of) FROM loan_performance q WHERE q.loan_id = p.loan_id)`,
    );
    assert.equal(closedEarly.n, 0);
  });

  test('statuses agree with DPD and balances (default = 90+ DPD, closed loans carry no balance)', () => {
    const db = first.db;
    const inconsistent = one<{ n: number }>(
      db,
      `SELECT count(*) AS n FROM loan_performance WHERE NOT (
         (status = 'current' AND dpd = 0) OR (status = 'delinquent' AND dpd BETWEEN 1 AND 89)
         OR (status = 'default' AND dpd >= 90) OR (status = 'written_off' AND balance_minor = 0 AND dpd >= 180)
         OR (status = 'paid_off' AND balance_minor = 0 AND dpd = 0))`,
    );
    assert.equal(inconsistent.n, 0);
    const statuses = db.prepare('SELECT DISTINCT status FROM loans ORDER BY status').pluck().all();
    assert.deepEqual(statuses, ['current', 'default', 'delinquent', 'paid_off', 'written_off']);
    const products = db.prepare('SELECT DISTINCT product FROM loans ORDER BY product').pluck().all();
    assert.deepEqual(products, ['consumer_cash_loan', 'consumer_instalment', 'revolving_credit_line', 'sme_working_capital']);
    // Undrawn amounts belong to open revolving lines only.
    assert.equal(one<{ n: number }>(db, `SELECT count(*) AS n FROM loans WHERE undrawn_amount_minor > 0 AND (product <> 'revolving_credit_line' OR status <> 'current')`).n, 0);
    assert.ok(one<{ n: number }>(db, `SELECT count(*) AS n FROM loans WHERE collateral_type IN ('vehicle', 'property')`).n > 0);
  });

  test('transactions are stamped in UTC within the 90 days up to the as-of date', () => {
    const range = one<{ first: string; last: string; notUtc: number }>(
      first.db,
      `SELECT min(ts) AS first, max(ts) AS last, sum(ts NOT GLOB '????-??-??T??:??:??.???Z') AS notUtc FROM transactions`,
    );
    assert.equal(range.notUtc, 0);
    assert.ok(range.last <= END_OF_AS_OF, range.last);
    assert.ok(range.first >= '2025-04-01T16:00:00.000Z', range.first);
  });

  test('liquidity lines use LCR categories only and give a plausible LCR', () => {
    const lines = first.db.prepare('SELECT category, amount_minor FROM liquidity_lines').all() as { category: string; amount_minor: number }[];
    const sums = new Map<string, number>();
    for (const line of lines) {
      assert.ok(isLiquidityCategory(line.category), line.category);
      assert.ok(Number.isInteger(line.amount_minor) && line.amount_minor > 0, `${line.category} ${line.amount_minor}`);
      sums.set(line.category, (sums.get(line.category) ?? 0) + line.amount_minor);
    }
    const weighted = (prefix: string): number =>
      [...sums].filter(([c]) => c.startsWith(prefix)).reduce((total, [c, amount]) => total + amount * LCR_DEFAULT_FACTORS[c as keyof typeof LCR_DEFAULT_FACTORS], 0);
    const l1 = weighted('hqla_l1');
    const l2a = weighted('hqla_l2a');
    const l2b = weighted('hqla_l2b');
    const adjustment15 = Math.max(l2b - (15 / 85) * (l1 + l2a), l2b - (15 / 60) * l1, 0);
    const adjustment40 = Math.max(l2a + l2b - adjustment15 - (2 / 3) * l1, 0);
    const hqla = l1 + l2a + l2b - adjustment15 - adjustment40;
    const inflows = weighted('inflow_');
    const outflows = [...sums].filter(([c]) => !c.startsWith('hqla_') && !c.startsWith('inflow_')).reduce((t, [c, a]) => t + a * LCR_DEFAULT_FACTORS[c as keyof typeof LCR_DEFAULT_FACTORS], 0);
    const lcr = hqla / (outflows - Math.min(inflows, 0.75 * outflows));
    assert.ok(lcr > 1.2 && lcr < 3.5, `LCR ${lcr}`);
    // The on-demand money-market balances are the investors' mmf_t0 holdings.
    const mmf = one<{ s: number }>(first.db, `SELECT sum(balance_minor) AS s FROM investor_balances WHERE product = 'mmf_t0'`).s;
    assert.ok(lines.some((line) => line.category === 'retail_less_stable' && line.amount_minor === mmf));
  });

  test('daily flows cover the 365 days to as-of, with one run on the on-demand product', () => {
    const flows = first.db.prepare(`SELECT date, outflow_minor FROM daily_flows WHERE product = 'mmf_t0' ORDER BY date`).all() as { date: string; outflow_minor: number }[];
    assert.equal(flows.length, 365);
    assert.equal(flows.at(-1)?.date, AS_OF);
    assert.equal(flows[0]?.date, '2024-07-01');
    const sorted = flows.map((f) => f.outflow_minor).sort((a, b) => a - b);
    const median = sorted[182] ?? 0;
    const runDays = flows.filter((f) => f.outflow_minor > 2.5 * median).map((f) => f.date);
    assert.ok(runDays.length >= 3 && runDays.length <= 10, `run days ${runDays.join(', ')}`);
    assert.ok(runDays.every((d) => d >= '2025-04-16' && d <= '2025-04-25'), runDays.join(', '));
  });
});

describe('generateDemo arguments and cancellation', () => {
  test('rejects an unknown scale, a bad seed and an impossible date', () => {
    const workspace = createTempDatabase('riskdesk-demo-', '2025-01-01T00:00:00.000Z');
    try {
      const invalid = (error: unknown): boolean => isRiskDeskError(error) && error.code === 'INVALID_ARGUMENT';
      assert.throws(() => generateDemo(workspace.db, { scale: 'huge' as 'small', seed: 1, asOf: AS_OF }), invalid);
      assert.throws(() => generateDemo(workspace.db, { scale: 'small', seed: -1, asOf: AS_OF }), invalid);
      assert.throws(() => generateDemo(workspace.db, { scale: 'small', seed: 1, asOf: '2025-02-30' }), invalid);
      assert.equal(one<{ n: number }>(workspace.db, 'SELECT count(*) AS n FROM borrowers').n, 0);
    } finally {
      workspace.dispose();
    }
  });

  test('stops between batches when the signal is aborted, with JOB_CANCELLED', () => {
    const workspace = createTempDatabase('riskdesk-demo-', '2025-01-01T00:00:00.000Z');
    try {
      const controller = new AbortController();
      const phases: string[] = [];
      assert.throws(
        () =>
          generateDemo(workspace.db, {
            scale: 'small',
            seed: 1,
            asOf: AS_OF,
            signal: controller.signal,
            onProgress: (p) => {
              phases.push(p.phase);
              controller.abort();
            },
          }),
        (error: unknown) => isRiskDeskError(error) && error.code === 'JOB_CANCELLED',
      );
      assert.deepEqual(phases, ['borrowers and loans']);
      // The first batch was committed and the indexes are still suspended (recorded in meta); undoing both, rows
      // first, is the service's job (runDemo).
      const borrowers = one<{ n: number }>(workspace.db, 'SELECT count(*) AS n FROM borrowers').n;
      assert.ok(borrowers > 0 && borrowers < 2_000, `borrowers ${borrowers}`);
      assert.equal(one<{ n: number }>(workspace.db, `SELECT count(*) AS n FROM meta WHERE key = 'demo.suspended_indexes'`).n, 1);
    } finally {
      workspace.dispose();
    }
  });
});
