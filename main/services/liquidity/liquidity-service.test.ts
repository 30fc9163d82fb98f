// The liquidity services over a real encrypted workspace and real worker threads, on the hand-built balance sheet of
// test-support/liquidity-test-data.ts: the position (ladder, LCR, NSFR) against hand arithmetic, the line grid in SQL, a
// scenario's survival day worked out by hand, a Monte Carlo simulation that is the same on 1, 2 and 4 workers, and a
// run whose breached indicators become alerts filed into cases.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { GridQuery } from '../../../preload/contract/grid.ts';
import type { LiquidityParameters } from '../../../preload/contract/liquidity.ts';
import { insertHandLiquidity, LIQUIDITY_AS_OF } from '../../test-support/liquidity-test-data.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import type { WriterSpec } from '../../store/write-connection.ts';
import { EnginePool } from '../../workers/pool.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { allWeightedLines, listLiquidityRuns, liquidityIndicatorTrends, liquidityLines, liquidityPosition, liquidityStress, runLiquidity } from './liquidity-service.ts';
import { listLiquiditySimulations, pathSlices, simulateLiquidity } from './monte-carlo-service.ts';

type JobFailure = Error & { code?: string; details?: { cause?: string } };

const close = (actual: number | null, expected: number, tolerance = 1e-6) => {
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected}`);
};

describe('the liquidity services', () => {
  let temp: TempDatabase;
  let pool: EnginePool;
  let analyst: ServiceContext;
  let auditor: ServiceContext;
  let writer: WriterSpec;
  const as = (actor: Actor, enginePool = pool) => databaseContext(temp, actor, { now: () => new Date('2026-12-01T09:00:00Z'), pool: enginePool });
  const count = (sql: string, ...params: unknown[]): number => temp.db.prepare(sql).pluck().get(...params) as number;
  const page = (ratio: 'lcr' | 'nsfr', query: Partial<GridQuery> = {}) => liquidityLines(analyst, { ratio, query: { startRow: 0, endRow: 100, sortModel: [], filterModel: {}, ...query } });

  before(() => {
    temp = createTempDatabase('riskdesk-liquidity-');
    // Day 3 before as-of is the worst day (a 40,000 outflow); every other day 20,000 out and 20,000 in.
    insertHandLiquidity(temp.db, (day) => ({ inflow: 20_000, outflow: day === 3 ? 40_000 : 20_000 }));
    pool = new EnginePool({ size: 1 });
    analyst = as({ username: 'ana', role: 'analyst' });
    auditor = as({ username: 'aud', role: 'auditor' });
    writer = { access: 'write', path: temp.path, key: temp.key };
  });

  after(async () => {
    await pool.close();
    temp.dispose();
  });

  it('computes the ladder, LCR and NSFR of the snapshot as worked by hand', async () => {
    const position = await liquidityPosition(auditor, {});
    assert.equal(position.asOf, LIQUIDITY_AS_OF);
    assert.equal(position.parameterVersion, 1);
    // Lines of the base currency: seven (Z1 is in USD).
    assert.equal(position.lines, 7);
    // LCR. Outflows: D1 2,000,000 × 0.10 + W1 300,000 × 1.00 + K1 400,000 × 0.05 = 520,000 (X1 matured);
    // inflows: I1 100,000 × 0.50 = 50,000, under the cap of 0.75 × 520,000; net 470,000.
    // HQLA: L1 1,000,000; L2A 200,000 × 0.85 = 170,000; no L2B, and L2A is under 2/3 of L1: no caps. LCR 1,170,000 / 470,000.
    const { lcr } = position;
    assert.deepEqual(
      { hqla: lcr.hqla, level1: lcr.level1, level2a: lcr.level2a, level2b: lcr.level2b, adj15: lcr.adjustment15, adj40: lcr.adjustment40, out: lcr.outflows, in: lcr.inflows, capped: lcr.inflows_capped, net: lcr.net_outflows },
      { hqla: 1_170_000, level1: 1_000_000, level2a: 170_000, level2b: 0, adj15: 0, adj40: 0, out: 520_000, in: 50_000, capped: 50_000, net: 470_000 },
    );
    close(lcr.lcr, 1_170_000 / 470_000);
    // NSFR. ASF: D1 2,000,000 × 0.90 (W1, interbank under a year, 0). RSF: C2 200,000 × 0.15 + K1 400,000 × 0.05
    // + P1 500,000 × 0.85 (performing, past a year) + N1 100,000 × 1.00 (120 days past due) = 575,000; R1 is repaid.
    assert.equal(position.nsfr.asf, 1_800_000);
    assert.equal(position.nsfr.rsf, 575_000);
    close(position.nsfr.nsfr, 1_800_000 / 575_000);
    // Ladder: D1 overnight out; W1 out and I1 in at 8–30 days; C2 in past a year; C1 stock, K1 contingent, X1 matured.
    const buckets = Object.fromEntries(position.ladder.buckets.map((b) => [b.bucket, [b.inflows, b.outflows, b.cumulativeGap]]));
    assert.deepEqual(buckets, {
      overnight: [0, 2_000_000, -2_000_000],
      d2_7: [0, 0, -2_000_000],
      d8_30: [100_000, 300_000, -2_200_000],
      m1_3: [0, 0, -2_200_000],
      m3_6: [0, 0, -2_200_000],
      m6_12: [0, 0, -2_200_000],
      gt1y: [200_000, 0, -2_000_000],
    });
    const excluded = Object.fromEntries(position.ladder.excluded.map((e) => [e.reason, e.amount]));
    assert.deepEqual(excluded, { stock_without_maturity: 1_000_000, contingent: 400_000, matured: 50_000 });
  });

  it('pages the lines with their factors in SQL: sorted by weighted amount, filtered in major units', () => {
    const sorted = page('lcr', { sortModel: [{ colId: 'weighted', sort: 'desc' }] });
    assert.equal(sorted.rowCount, 6);
    assert.deepEqual(
      sorted.rows.map((row) => [row.line_id, row.factor, row.weighted]),
      [
        ['C1', 1, 1_000_000],
        ['W1', 1, 300_000],
        ['D1', 0.1, 200_000],
        ['C2', 0.85, 170_000],
        ['I1', 0.5, 50_000],
        ['K1', 0.05, 20_000],
      ],
    );
    const big = page('lcr', { filterModel: { amount: { filterType: 'number', type: 'greaterThan', filter: 500_000 } } });
    assert.deepEqual(big.rows.map((row) => row.line_id).sort(), ['C1', 'D1']);
    // The NSFR's lines: I1 is a loan repayment, counted through the loan book instead, so it is not an NSFR line.
    const nsfr = page('nsfr');
    assert.deepEqual(
      nsfr.rows.map((row) => [row.line_id, row.category, row.weighted]),
      [
        ['C1', 'rsf_cash', 0],
        ['C2', 'rsf_l2a', 30_000],
        ['D1', 'asf_retail_less_stable', 1_800_000],
        ['K1', 'rsf_off_balance_commitments', 20_000],
        ['W1', 'asf_other', 0],
      ],
    );
    assert.deepEqual([...allWeightedLines(analyst, { ratio: 'lcr' })].map((line) => line.line_id), ['C1', 'C2', 'D1', 'I1', 'K1', 'W1']);
  });

  it('refuses a grid column that is not one, naming it', () => {
    assert.throws(() => page('lcr', { sortModel: [{ colId: 'secret', sort: 'asc' }] }), (error: RiskDeskError) => error.code === 'VALIDATION' && /secret/.test(error.message));
  });

  it('finds the idiosyncratic run’s survival day as worked by hand', async () => {
    // The balance before each day is backed out from today's 2,000,000: 2,000,000 for the last three days, 2,020,000
    // from the worst day (40,000 out, 20,000 in) back. Worst outflow rate 40,000 / 2,020,000, × 3 on D1's 2,000,000 a day;
    // subscriptions 0.5 × the mean inflow rate (3 days of 1 %, 57 of 20,000 / 2,020,000) × 2,000,000; K1 drawn at
    // 1 × 0.05 × 400,000 over 30 days; W1 (300,000) leaves on day 10 with no rollover; I1 (100,000) arrives on day 20.
    const redemptions = ((3 * 40_000) / 2_020_000) * 2_000_000;
    const subscriptions = 0.5 * ((3 * 0.01 + (57 * 20_000) / 2_020_000) / 60) * 2_000_000;
    const daily = redemptions + (0.05 * 400_000) / 30 - subscriptions;
    // Day 9: 9 × 109,571.5 ≈ 986,144 ≤ 1,170,000; day 10 adds another day and W1: ≈ 1,395,715. Liquid assets run out on day 10.
    const result = await liquidityStress(analyst, { scenario: 'idiosyncratic_run' });
    assert.equal(result.buffer, 1_170_000);
    assert.equal(result.days.length, 90);
    close(result.days[8]?.cumulativeNet ?? null, 9 * daily, 0.01);
    close(result.days[9]?.cumulativeNet ?? null, 10 * daily + 300_000, 0.01);
    assert.equal(result.survivalDay, 10);
    close(result.days[9]?.bufferLeft ?? null, 1_170_000 - 10 * daily - 300_000, 0.01);
  });

  it('refuses a scenario the parameter set does not have, naming the ones it has', async () => {
    await assert.rejects(liquidityStress(analyst, { scenario: 'alien_invasion' }), (error: JobFailure) => error.details?.cause === 'NOT_FOUND' && /alien_invasion/.test(error.message) && /idiosyncratic_run/.test(error.message));
  });

  it('simulates the same result for a seed on 1, 2 and 4 workers, and stores each with its audit event', async () => {
    const request = { paths: 1_200, days: 30, seed: 7, blockDays: 3 };
    const results = [];
    for (const size of [1, 2, 4]) {
      const sized = new EnginePool({ size });
      try {
        const progress: number[] = [];
        const stored = await simulateLiquidity(as({ username: 'ana', role: 'analyst' }, sized), request, { onProgress: (p) => progress.push(p.done) }, (change) => Promise.resolve(change()));
        assert.equal(progress.at(-1), 1_200);
        results.push(stored.result);
      } finally {
        await sized.close();
      }
    }
    assert.deepEqual(results[1], results[0]);
    assert.deepEqual(results[2], results[0]);
    const [first] = results;
    assert.ok(first);
    assert.equal(first.paths, 1_200);
    // The buffer: the HQLA still held, after haircuts and before the caps (C1 1,000,000 + C2 200,000 × 0.85; Z1 is in USD).
    assert.equal(first.buffer, 1_170_000);
    assert.equal(first.fan.length, 30);
    assert.equal(first.survivalHistogram.reduce((sum, n) => sum + n, 0) + first.survived, 1_200);
    assert.deepEqual(first.products, ['mmf_t0']);
    assert.equal(listLiquiditySimulations(auditor).length, 3);
    assert.equal(count(`SELECT count(*) FROM audit_events WHERE action = 'liquidity.simulate'`), 3);
  });

  it('splits paths into slices that tile them', () => {
    assert.deepEqual(pathSlices(1_000, 1), [[0, 250], [250, 250], [500, 250], [750, 250]]);
    assert.deepEqual(pathSlices(10_001, 2), [[0, 1_251], [1_251, 1_251], [2_502, 1_251], [3_753, 1_251], [5_004, 1_251], [6_255, 1_251], [7_506, 1_251], [8_757, 1_244]]);
  });

  it('refuses a simulation to an auditor, and a request out of range, before any worker starts', async () => {
    await assert.rejects(simulateLiquidity(auditor, {}, {}, (change) => Promise.resolve(change())), (error: RiskDeskError) => error.code === 'FORBIDDEN');
    await assert.rejects(simulateLiquidity(analyst, { paths: 5 }, {}, (change) => Promise.resolve(change())), (error: RiskDeskError) => error.code === 'VALIDATION' && /paths/.test(error.message));
  });

  it('stores a run with its indicators, raises an alert per breach into cases, and sees them again on the next run', async () => {
    // An LCR floor above the position's 2.49 breaches; the one investor holds everything (top-10 share 1).
    const stored = temp.db.prepare(`SELECT parameters FROM liquidity_parameter_sets WHERE version = 1`).pluck().get() as string;
    const parameters = JSON.parse(stored) as LiquidityParameters;
    parameters.indicators.lcrFloor.threshold = 3;
    temp.db.prepare(`UPDATE liquidity_parameter_sets SET parameters = ? WHERE version = 1`).run(JSON.stringify(parameters));
    const run = await runLiquidity(analyst, {}, { writer });
    close(run.lcr, 1_170_000 / 470_000);
    assert.deepEqual(run.survival.find((s) => s.scenario === 'idiosyncratic_run'), { scenario: 'idiosyncratic_run', survivalDay: 10 });
    const breached = run.indicators.filter((v) => v.breached).map((v) => v.indicator).sort();
    assert.ok(breached.includes('lcr_floor') && breached.includes('top10_share') && breached.includes('survival_days'), breached.join());
    assert.equal(run.alerts.raised, breached.length);
    const alerts = temp.db.prepare(`SELECT type, subject_type, subject_id, severity FROM alerts WHERE source = 'liquidity' ORDER BY type, subject_id`).all();
    assert.ok(alerts.some((a) => JSON.stringify(a) === JSON.stringify({ type: 'liquidity.lcr_below_floor', subject_type: 'portfolio', subject_id: 'liquidity', severity: 'critical' })));
    // The platform-wide breaches share one case.
    assert.equal(count(`SELECT count(DISTINCT c.case_id) FROM cases c JOIN case_alerts ca ON ca.case_id = c.case_id JOIN alerts a ON a.alert_id = ca.alert_id WHERE a.subject_type = 'portfolio'`), 1);
    const again = await runLiquidity(analyst, {}, { writer });
    assert.deepEqual(again.alerts, { raised: 0, repeated: breached.length, casesOpened: 0 });
    assert.deepEqual(listLiquidityRuns(auditor).map((r) => r.runId), [again.runId, run.runId]);
    assert.equal(count(`SELECT count(*) FROM audit_events WHERE action = 'liquidity.run'`), 2);
    const trends = liquidityIndicatorTrends(auditor);
    const lcrTrend = trends.find((t) => t.indicator === 'lcr_floor');
    assert.equal(lcrTrend?.threshold, 3);
    assert.equal(lcrTrend?.points.length, 2);
  });

  it('refuses a run to an auditor before any worker starts', () => {
    assert.throws(() => runLiquidity(auditor, {}, { writer }), (error: RiskDeskError) => error.code === 'FORBIDDEN');
  });
});
