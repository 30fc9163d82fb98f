import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ApiOutcome, Dashboard, GridQuery, LoanDetail } from '../../../preload/contract/index.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, seedSmallPortfolio, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';

type Query = Partial<Pick<GridQuery, 'startRow' | 'endRow' | 'sortModel'>> & { filterModel?: Record<string, unknown> };

describe('dashboard and grids over a hand-made portfolio', () => {
  let ws: TestWorkspace;
  let t: TestApi;

  before(async () => {
    ws = await createTestWorkspace({ seed: seedSmallPortfolio });
    t = ws.service();
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
  });
  after(() => ws.dispose());

  async function loans(query: Query): Promise<{ ids: string[]; rowCount: number }> {
    const page = await t.ok<{ rows: { loan_id: string }[]; rowCount: number }>('portfolio.loans', { startRow: 0, endRow: 100, ...query });
    return { ids: page.rows.map((r) => r.loan_id), rowCount: page.rowCount };
  }

  async function loanIds(query: Query): Promise<string[]> {
    const { ids, rowCount } = await loans(query);
    assert.equal(rowCount, ids.length, 'one page holds the whole view here, so the count matches it');
    return ids;
  }

  async function refusal(method: string, args: unknown): Promise<{ code: string; message: string; details?: unknown }> {
    const outcome = (await t.api.call(method, args)) as ApiOutcome<unknown>;
    assert.ok(!outcome.ok, `${method} should have been refused`);
    return outcome.error;
  }

  it('computes the dashboard in SQL over the open loans: base-currency sums, counts, buckets, defaults, trend, exposures', async () => {
    const d = await t.ok<Dashboard>('dashboard.summary');
    assert.deepEqual(d, {
      asOf: '2024-12',
      currency: 'CNY',
      // Every loan but L06, written off.
      loans: 7,
      borrowers: 4,
      // L07 is in USD: counted, but not summed into CNY. L02 has no balance: its principal stands in.
      outstandingMinor: 600_000,
      // L05 at 120 DPD, L08 with status 'Default'; L06 is closed.
      defaults: 2,
      defaultRate: 2 / 7,
      // By balance: L03, L04 and L05 are 30+ DPD, L05 alone 90+.
      dpd30Share: 440_000 / 600_000,
      dpd90Share: 40_000 / 600_000,
      delinquency: [
        { bucket: 'current', loans: 3, outstandingMinor: 110_000 },
        { bucket: '1-29', loans: 1, outstandingMinor: 50_000 },
        { bucket: '30-59', loans: 1, outstandingMinor: 150_000 },
        { bucket: '60-89', loans: 1, outstandingMinor: 250_000 },
        { bucket: '90+', loans: 1, outstandingMinor: 40_000 },
      ],
      // 2022-12 is 24 months before 2024-12, so outside the window. Shares by the month's balance.
      trend: [
        { month: '2023-01', loans: 1, outstandingMinor: 300_000, dpd30Share: 0, dpd90Share: 0 },
        { month: '2024-10', loans: 3, outstandingMinor: 290_000, dpd30Share: 200_000 / 290_000, dpd90Share: 40_000 / 290_000 },
        { month: '2024-11', loans: 4, outstandingMinor: 525_000, dpd30Share: 290_000 / 525_000, dpd90Share: 40_000 / 525_000 },
        { month: '2024-12', loans: 1, outstandingMinor: 80_000, dpd30Share: 0, dpd90Share: 0 },
      ],
      byProduct: [
        { key: 'auto', loans: 2, outstandingMinor: 250_000 },
        { key: 'cash', loans: 2, outstandingMinor: 230_000 },
        { key: 'card', loans: 3, outstandingMinor: 120_000 },
      ],
      byRegion: [
        { key: 'south', loans: 2, outstandingMinor: 400_000 },
        { key: 'north', loans: 2, outstandingMinor: 130_000 },
        { key: 'east', loans: 1, outstandingMinor: 40_000 },
        { key: 'west', loans: 2, outstandingMinor: 30_000 },
      ],
      largestExposures: [
        { borrowerId: 'B2', region: 'south', loans: 2, outstandingMinor: 400_000 },
        { borrowerId: 'B1', region: 'north', loans: 2, outstandingMinor: 130_000 },
        { borrowerId: 'B3', region: 'east', loans: 1, outstandingMinor: 40_000 },
        { borrowerId: 'B4', region: 'west', loans: 2, outstandingMinor: 30_000 },
      ],
    });
  });

  it('pages loans in a stable order, sorted on one or several columns (nulls first ascending, last descending)', async () => {
    assert.deepEqual(await loanIds({}), ['L01', 'L02', 'L03', 'L04', 'L05', 'L06', 'L07', 'L08']);
    assert.deepEqual(await loanIds({ sortModel: [{ colId: 'outstanding_balance_minor', sort: 'desc' }] }), ['L07', 'L04', 'L03', 'L01', 'L05', 'L08', 'L06', 'L02']);
    assert.deepEqual(await loanIds({ sortModel: [{ colId: 'outstanding_balance_minor', sort: 'asc' }] }), ['L02', 'L06', 'L08', 'L05', 'L01', 'L03', 'L04', 'L07']);
    assert.deepEqual(
      await loanIds({ sortModel: [{ colId: 'product', sort: 'asc' }, { colId: 'dpd', sort: 'desc' }] }),
      ['L04', 'L07', 'L05', 'L02', 'L08', 'L03', 'L01', 'L06'],
    );
    // Region comes from the borrower; ties keep the key order in the first sort's direction.
    assert.deepEqual(await loanIds({ sortModel: [{ colId: 'region', sort: 'desc' }] }), ['L08', 'L07', 'L04', 'L03', 'L02', 'L01', 'L06', 'L05']);
    const window = await loans({ startRow: 2, endRow: 5, sortModel: [{ colId: 'outstanding_balance_minor', sort: 'desc' }] });
    assert.deepEqual(window, { ids: ['L03', 'L01', 'L05'], rowCount: 8 });
    assert.deepEqual(await loans({ startRow: 8, endRow: 20 }), { ids: [], rowCount: 8 });
  });

  it('pages the same way whether a page is read directly or sliced from the view’s key list', async () => {
    const views: Query[] = [
      {},
      { sortModel: [{ colId: 'outstanding_balance_minor', sort: 'desc' }] },
      { sortModel: [{ colId: 'dpd', sort: 'asc' }] },
      { sortModel: [{ colId: 'region', sort: 'asc' }, { colId: 'principal_minor', sort: 'desc' }] },
      { filterModel: { status: { filterType: 'text', type: 'equals', filter: 'delinquent' } }, sortModel: [{ colId: 'origination_date', sort: 'desc' }] },
    ];
    for (const view of views) {
      const first = await t.ok<unknown>('portfolio.loans', { startRow: 1, endRow: 4, sortModel: [], filterModel: {}, ...view });
      // A page past DIRECT_PAGING_ROWS always reads the key list, which later pages of the view then reuse.
      assert.deepEqual(await loans({ ...view, startRow: 4_500, endRow: 5_001 }), { ids: [], rowCount: (first as { rowCount: number }).rowCount });
      assert.deepEqual(await t.ok<unknown>('portfolio.loans', { startRow: 1, endRow: 4, sortModel: [], filterModel: {}, ...view }), first, JSON.stringify(view));
    }
  });

  it('returns whole rows with the borrower region, as the contract shapes them', async () => {
    const page = await t.ok<{ rows: unknown[] }>('portfolio.loans', { startRow: 1, endRow: 2, sortModel: [], filterModel: {} });
    assert.deepEqual(page.rows, [
      {
        loan_id: 'L02',
        borrower_id: 'B1',
        region: 'north',
        product: 'card',
        origination_date: '2024-02-20',
        maturity_date: null,
        principal_minor: 50_000,
        outstanding_balance_minor: null,
        undrawn_amount_minor: null,
        currency: 'CNY',
        interest_rate: 0.2,
        term_months: 6,
        status: 'delinquent',
        dpd: 15,
        collateral_type: null,
        channel: '50%_promo, "web"',
        // No credit run yet: the risk columns are empty.
        pd_12m: null,
        grade: null,
        stage: null,
        ecl_minor: null,
      },
    ]);
  });

  it('filters text: exact equals, case-blind contains/starts/ends with %, _ and quotes taken literally, blanks', async () => {
    const text = (colId: string, type: string, filter?: string): Query => ({ filterModel: { [colId]: { filterType: 'text', type, ...(filter === undefined ? {} : { filter }) } } });
    assert.deepEqual(await loanIds(text('product', 'equals', 'cash')), ['L01', 'L03', 'L06']);
    assert.deepEqual(await loanIds(text('product', 'equals', 'CASH')), []);
    assert.deepEqual(await loanIds(text('product', 'notEqual', 'cash')), ['L02', 'L04', 'L05', 'L07', 'L08']);
    assert.deepEqual(await loanIds(text('channel', 'contains', '%')), ['L02']);
    assert.deepEqual(await loanIds(text('channel', 'contains', '_')), ['L02']);
    assert.deepEqual(await loanIds(text('channel', 'contains', '"web"')), ['L02']);
    assert.deepEqual(await loanIds(text('channel', 'contains', "o'n")), ['L03']);
    assert.deepEqual(await loanIds(text('channel', 'startsWith', 'ap')), ['L01', 'L05', 'L08']);
    assert.deepEqual(await loanIds(text('channel', 'endsWith', 'EB')), ['L04', 'L07']);
    assert.deepEqual(await loanIds(text('channel', 'notContains', 'app')), ['L02', 'L03', 'L04', 'L06', 'L07']);
    assert.deepEqual(await loanIds(text('channel', 'blank')), ['L06']);
    assert.deepEqual((await loanIds(text('channel', 'notBlank'))).length, 7);
    assert.deepEqual(await loanIds(text('region', 'equals', 'south')), ['L03', 'L04']);
  });

  it('filters numbers, dates and sets, and combines filters with AND', async () => {
    const number = (colId: string, type: string, filter?: number, filterTo?: number): Record<string, unknown> => ({ [colId]: { filterType: 'number', type, filter, filterTo } });
    assert.deepEqual(await loanIds({ filterModel: number('dpd', 'greaterThan', 30) }), ['L03', 'L04', 'L05']);
    assert.deepEqual(await loanIds({ filterModel: number('dpd', 'greaterThanOrEqual', 75) }), ['L04', 'L05']);
    assert.deepEqual(await loanIds({ filterModel: number('dpd', 'lessThanOrEqual', 0) }), ['L01', 'L06', 'L07']);
    assert.deepEqual(await loanIds({ filterModel: number('dpd', 'notEqual', 0) }), ['L02', 'L03', 'L04', 'L05', 'L08']);
    assert.deepEqual(await loanIds({ filterModel: number('dpd', 'blank') }), ['L08']);
    assert.deepEqual(await loanIds({ filterModel: number('principal_minor', 'inRange', 50_000, 200_000) }), ['L01', 'L06']);
    assert.deepEqual(await loanIds({ filterModel: number('interest_rate', 'equals', 0.25) }), ['L05']);
    assert.deepEqual(await loanIds({ filterModel: { ...number('dpd', 'greaterThan', 30), product: { filterType: 'text', type: 'equals', filter: 'card' } } }), ['L05']);

    const date = (type: string, dateFrom?: string, dateTo?: string): Query => ({ filterModel: { origination_date: { filterType: 'date', type, dateFrom, dateTo } } });
    assert.deepEqual(await loanIds(date('equals', '2024-06-01 00:00:00')), ['L05', 'L06']);
    assert.deepEqual(await loanIds(date('notEqual', '2024-06-01')), ['L01', 'L02', 'L03', 'L04', 'L07', 'L08']);
    assert.deepEqual(await loanIds(date('lessThan', '2024-01-01')), ['L04']);
    assert.deepEqual(await loanIds(date('greaterThan', '2024-06-01')), ['L07', 'L08']);
    assert.deepEqual(await loanIds(date('inRange', '2024-02-20', '2024-06-01')), ['L03']);
    assert.deepEqual(await loanIds({ filterModel: { maturity_date: { filterType: 'date', type: 'blank' } } }), ['L02']);

    assert.deepEqual(await loanIds({ filterModel: { status: { filterType: 'set', values: ['current', 'default'] } } }), ['L01', 'L05', 'L07']);
    assert.deepEqual(await loanIds({ filterModel: { status: { filterType: 'set', values: [] } } }), []);
  });

  it('treats injection attempts in filter values as plain values, and refuses unknown or ill-typed columns with VALIDATION', async () => {
    for (const filter of ["x' OR '1'='1", "'; DROP TABLE loans; --", '%', 'cash" OR 1=1 --']) {
      assert.deepEqual(await loanIds({ filterModel: { product: { filterType: 'text', type: 'equals', filter } } }), [], filter);
    }
    assert.deepEqual(await loanIds({ filterModel: { status: { filterType: 'set', values: ["current') OR ('1'='1"] } } }), []);
    assert.equal((await loans({})).rowCount, 8, 'the table is still there');

    const refused: Record<string, unknown>[] = [
      { sortModel: [{ colId: 'nonexistent', sort: 'asc' }] },
      { sortModel: [{ colId: 'constructor', sort: 'asc' }] },
      { sortModel: [{ colId: 'loan_id; DROP TABLE loans', sort: 'asc' }] },
      { sortModel: [{ colId: 'dpd', sort: 'sideways' }] },
      { filterModel: { secret_column: { filterType: 'text', type: 'equals', filter: 'x' } } },
      { filterModel: { toString: { filterType: 'text', type: 'equals', filter: 'x' } } },
      { filterModel: { dpd: { filterType: 'text', type: 'equals', filter: '1' } } },
      { filterModel: { product: { filterType: 'number', type: 'equals', filter: 1 } } },
      { filterModel: { dpd: { filterType: 'number', type: 'greaterThan' } } },
      { filterModel: { dpd: { filterType: 'number', type: 'inRange', filter: 1 } } },
      { filterModel: { product: { filterType: 'text', type: 'contains' } } },
      { filterModel: { origination_date: { filterType: 'date', type: 'equals', dateFrom: '2024-02-30' } } },
      { filterModel: { origination_date: { filterType: 'date', type: 'inRange', dateFrom: '2024-02-01' } } },
      { filterModel: { dpd: { filterType: 'number', type: 'equals', filter: '1 OR 1=1' } } },
      { startRow: 10, endRow: 5 },
      { startRow: 0, endRow: 5000 },
    ];
    for (const query of refused) {
      const error = await refusal('portfolio.loans', { startRow: 0, endRow: 100, ...query });
      assert.equal(error.code, 'VALIDATION', JSON.stringify(query));
      assert.ok(Array.isArray(error.details) && error.details.length > 0, 'details list the issues');
    }
    const unknown = await refusal('portfolio.loans', { startRow: 0, endRow: 10, sortModel: [], filterModel: { secret_column: { filterType: 'text', type: 'equals', filter: 'x' } } });
    assert.match(unknown.message, /filterModel\.secret_column: there is no column "secret_column"/);
    assert.deepEqual(t.logs, []);
  });

  it('pages borrowers with their loans and base-currency outstanding, sortable and filterable by those too', async () => {
    const page = await t.ok<{ rows: { borrower_id: string; loans: number; outstanding_minor: number }[]; rowCount: number }>('portfolio.borrowers', {
      startRow: 0,
      endRow: 10,
      sortModel: [{ colId: 'outstanding_minor', sort: 'desc' }],
    });
    assert.deepEqual(
      page.rows.map((r) => [r.borrower_id, r.loans, r.outstanding_minor]),
      [['B2', 2, 400_000], ['B1', 2, 130_000], ['B3', 2, 40_000], ['B4', 2, 30_000]],
    );
    assert.equal(page.rowCount, 4);
    const rich = await t.ok<{ rows: { borrower_id: string }[]; rowCount: number }>('portfolio.borrowers', {
      startRow: 0,
      endRow: 10,
      filterModel: { outstanding_minor: { filterType: 'number', type: 'greaterThan', filter: 100_000 }, id_verified: { filterType: 'number', type: 'equals', filter: 1 } },
    });
    assert.deepEqual([rich.rows.map((r) => r.borrower_id), rich.rowCount], [['B1', 'B2'], 2]);
  });

  it('lists the regions the borrowers carry, for the grids\' region filters', async () => {
    assert.deepEqual(await t.ok<string[]>('portfolio.regions'), ['east', 'north', 'south', 'west']);
  });

  it('returns a loan with its borrower and monthly history, and NOT_FOUND for an unknown loan', async () => {
    const detail = await t.ok<LoanDetail>('portfolio.loanDetail', { loanId: 'L03' });
    assert.equal(detail.loan.region, 'south');
    assert.deepEqual(detail.borrower, { borrower_id: 'B2', region: 'south', annual_income_minor: 30_000_000, employment_type: 'business', industry: null, home_ownership: null, credit_history_months: 120, id_verified: 1 });
    assert.deepEqual(detail.performance, [
      { as_of: '2024-10', balance_minor: 160_000, dpd: 40, paid_amount_minor: 0, status: 'delinquent' },
      { as_of: '2024-11', balance_minor: 150_000, dpd: 10, paid_amount_minor: 10_000, status: 'delinquent' },
    ]);
    assert.equal((await refusal('portfolio.loanDetail', { loanId: 'L99' })).code, 'NOT_FOUND');
  });

  it('pages the audit trail, newest first on request, filtered by action and day', async () => {
    await t.ok('settings.update', { theme: 'dark' });
    const page = await t.ok<{ rows: { seq: number; action: string; actor: string }[]; rowCount: number }>('audit.events', { startRow: 0, endRow: 2, sortModel: [{ colId: 'seq', sort: 'desc' }] });
    // workspace.create and user.add, the shipped parameter set, SLA table, playbooks, rule set and liquidity parameter set
    // seeded at creation, this session's unlock, and this update.
    assert.deepEqual(page.rows.map((r) => r.action), ['settings.update', 'session.unlock']);
    assert.equal(page.rowCount, 9);
    const filtered = await t.ok<{ rowCount: number }>('audit.events', {
      startRow: 0,
      endRow: 10,
      filterModel: { action: { filterType: 'text', type: 'startsWith', filter: 'user.' }, at: { filterType: 'date', type: 'equals', dateFrom: '2026-11-01' } },
    });
    assert.equal(filtered.rowCount, 1);
  });

  it('recounts a cached filter once the workspace has changed', async () => {
    // The seeded loans' products ('cash', …) are written directly; an imported one must be a code (loan-vocabulary.ts).
    const cash = { filterModel: { product: { filterType: 'text', type: 'equals', filter: 'consumer_cash_loan' } } };
    assert.equal((await loans(cash)).rowCount, 0);
    const { jobId } = await t.ok<{ jobId: string }>('jobs.startImport', { kind: 'loans', path: await loanCsv(ws.dir) });
    assert.equal((await t.jobDone(jobId)).job.state, 'done');
    assert.equal((await loans(cash)).rowCount, 1);
    assert.equal((await t.ok<Dashboard>('dashboard.summary')).loans, 8, 'the dashboard is recomputed too: 7 open loans and L09');
  });
});

async function loanCsv(dir: string): Promise<string> {
  const file = path.join(dir, 'one-loan.csv');
  await fs.promises.writeFile(file, 'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months\nL09,B1,consumer_cash_loan,2024-09-01,100.00,0.1,12\n');
  return file;
}
