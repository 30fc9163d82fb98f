// `riskdesk liquidity lcr | nsfr | ladder | stress | run | runs` in-process: on CSV files in a temp folder (no workspace),
// and on a real encrypted workspace holding the hand-built balance sheet of test-support/liquidity-test-data.ts, whose
// figures liquidity-service.test.ts works out by hand.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestWorkspace, ROLE_USERS, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { capturedIo } from '../../test-support/captured-cli-io.ts';
import { insertHandLiquidity } from '../../test-support/liquidity-test-data.ts';
import { tempDir } from '../../test-support/temp-workspace.ts';
import { runCli } from '../program.ts';

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  const io = capturedIo(env);
  const code = await runCli(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe('riskdesk liquidity', () => {
  const dir = tempDir('riskdesk-liquidity-cli-');
  let ws: TestWorkspace;
  const file = (name: string, text: string): string => {
    const at = path.join(dir, name);
    writeFileSync(at, text);
    return at;
  };
  const onWorkspace = (args: string[], user = ROLE_USERS.analyst) => cli(['liquidity', ...args, '--db', ws.file, '--user', user.username], { RISKDESK_PASSPHRASE: user.passphrase });

  before(async () => {
    ws = await createTestWorkspace({ roles: true, seed: (db) => insertHandLiquidity(db) });
  });
  after(() => ws.dispose());

  it('lcr --input: the figures and every line, from a CSV with the shipped factors, where both HQLA caps bind', async () => {
    // L1 100 × 1.00 = 100; L2A 300 × 0.85 = 255; L2B 200 × 0.50 = 100 (after haircuts).
    // adjustment15 = max(100 − 15/85 × 355, 100 − 15/60 × 100, 0) = max(37.35…, 75, 0) = 75;
    // adjustment40 = max(255 + 100 − 75 − 2/3 × 100, 0) = 213.33…; HQLA = 455 − 75 − 213.33… = 166.66…
    // Outflows 1,000 × 0.10 = 100; inflows 300 × 0.50 = 150, capped at 75; net 25; LCR 6.66…
    const csv = file('caps.csv', 'line_id,category,amount,description\nA,hqla_l1_cash,100.00,cash\nB,hqla_l2a,300,bonds\nC,hqla_l2b_corporate,200,\nD,retail_less_stable,1000,deposits\nE,inflow_retail,300,repayments\n');
    const result = await cli(['liquidity', 'lcr', '--input', csv, '--json']);
    assert.equal(result.code, 0, result.err);
    const lcr = JSON.parse(result.out) as Record<string, unknown> & { lines: { line_id: string; category: string; amount: number; factor: number; weighted: number }[] };
    for (const key of ['hqla', 'level1', 'level2a', 'level2b', 'adjustment15', 'adjustment40', 'outflows', 'inflows', 'inflows_capped', 'net_outflows', 'lcr', 'lines']) assert.ok(key in lcr, key);
    assert.deepEqual([lcr.level1, lcr.level2a, lcr.level2b, lcr.adjustment15, lcr.outflows, lcr.inflows, lcr.inflows_capped, lcr.net_outflows], [100, 255, 100, 75, 100, 150, 75, 25]);
    assert.ok(Math.abs((lcr.adjustment40 as number) - 640 / 3) < 1e-9);
    assert.ok(Math.abs((lcr.hqla as number) - 500 / 3) < 1e-9);
    assert.ok(Math.abs((lcr.lcr as number) - 20 / 3) < 1e-9);
    assert.deepEqual(lcr.lines[1], { line_id: 'B', category: 'hqla_l2a', amount: 300, factor: 0.85, weighted: 255, description: 'bonds' });
    assert.equal(lcr.lines.length, 5);
  });

  it('lcr --input with zero net outflows: LCR undefined, said plainly, not a division by zero', async () => {
    const csv = file('no-outflows.csv', 'line_id,category,amount\nA,hqla_l1_cash,100\n');
    const result = await cli(['liquidity', 'lcr', '--input', csv, '--json']);
    assert.equal(result.code, 0, result.err);
    const lcr = JSON.parse(result.out) as { lcr: number | null; lcrUndefined: string; net_outflows: number };
    assert.equal(lcr.lcr, null);
    assert.equal(lcr.net_outflows, 0);
    assert.match(lcr.lcrUndefined, /net.*outflows/i);
    assert.match((await cli(['liquidity', 'lcr', '--input', csv])).out, /LCR undefined/);
  });

  it('refuses bad lines naming the file, row and column, and prints no figures', async () => {
    const csv = file('bad.csv', 'line_id,category,amount\nA,hqla_l3,100\nB,retail_stable,-5\nC,retail_stable,abc\nA,retail_stable,1\n');
    const result = await cli(['liquidity', 'lcr', '--input', csv, '--json']);
    assert.equal(result.code, 1);
    assert.equal(result.out.includes('"hqla"'), false);
    const text = `${result.out}${result.err}`;
    assert.match(text, /bad\.csv/);
    for (const [row, column] of [[2, 'category'], [3, 'amount'], [4, 'amount'], [5, 'line_id']] as const) assert.match(text, new RegExp(`"row":${row}[^}]*"column":"${column}"|row ${row}[^\\n]*${column}`), `row ${row} ${column}`);
    const empty = await cli(['liquidity', 'lcr', '--input', file('empty.csv', '')]);
    assert.equal(empty.code, 1);
    assert.match(empty.err, /empty/);
  });

  it('nsfr --input: available over required stable funding, with NSFR categories only', async () => {
    // ASF 1,000 × 0.90 + 500 × 1.00 = 1,400; RSF 800 × 0.85 + 200 × 0.05 = 690.
    const csv = file('nsfr.csv', 'line_id,category,amount\nD,asf_retail_less_stable,1000\nE,asf_capital,500\nL,rsf_performing_loans_ge1y,800\nS,rsf_l1_unencumbered,200\n');
    const result = await cli(['liquidity', 'nsfr', '--input', csv, '--json']);
    assert.equal(result.code, 0, result.err);
    const nsfr = JSON.parse(result.out) as { asf: number; rsf: number; nsfr: number; lines: unknown[] };
    assert.deepEqual([nsfr.asf, nsfr.rsf, nsfr.lines.length], [1_400, 690, 4]);
    assert.ok(Math.abs(nsfr.nsfr - 1_400 / 690) < 1e-12);
    const lcrCategory = await cli(['liquidity', 'nsfr', '--input', file('lcr-in-nsfr.csv', 'line_id,category,amount\nA,hqla_l1_cash,1\n')]);
    assert.equal(lcrCategory.code, 1);
    assert.match(lcrCategory.err, /lcr-in-nsfr\.csv:2\s+category\s+"hqla_l1_cash"/);
  });

  it('--params: factors from a file; a bad one is refused naming its path', async () => {
    const shipped = JSON.parse((await onWorkspace(['params', 'show', '1', '--json'])).out) as { version: { parameters: { lcr: { factors: Record<string, number> } } } };
    const parameters = shipped.version.parameters;
    parameters.lcr.factors.retail_less_stable = 0.2;
    const csv = file('params.csv', 'line_id,category,amount\nA,hqla_l1_cash,100\nD,retail_less_stable,1000\n');
    const result = await cli(['liquidity', 'lcr', '--input', csv, '--params', file('params.json', JSON.stringify({ parameters })), '--json']);
    assert.equal(result.code, 0, result.err);
    assert.equal((JSON.parse(result.out) as { outflows: number }).outflows, 200);
    parameters.lcr.factors.retail_less_stable = 2;
    const bad = await cli(['liquidity', 'lcr', '--input', csv, '--params', file('bad-params.json', JSON.stringify(parameters))]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /bad-params\.json/);
    assert.match(bad.err, /lcr\.factors\.retail_less_stable/);
  });

  it('takes either --input or --db, not both or neither (a usage error)', async () => {
    assert.equal((await cli(['liquidity', 'lcr'])).code, 2);
    assert.equal((await cli(['liquidity', 'lcr', '--input', 'x.csv', '--db', 'y.rdw'])).code, 2);
  });

  it('lcr --db: the workspace’s figures and its lines, each weighed', async () => {
    const result = await onWorkspace(['lcr', '--json']);
    assert.equal(result.code, 0, result.err);
    const lcr = JSON.parse(result.out) as { hqla: number; net_outflows: number; parameter_version: number; lines: { line_id: string; weighted: number }[] };
    assert.deepEqual([lcr.hqla, lcr.net_outflows, lcr.parameter_version], [1_170_000, 470_000, 1]);
    assert.deepEqual(lcr.lines.map((line) => line.line_id), ['C1', 'C2', 'D1', 'I1', 'K1', 'W1']);
    const nsfr = JSON.parse((await onWorkspace(['nsfr', '--json'])).out) as { asf: number; rsf: number };
    assert.deepEqual([nsfr.asf, nsfr.rsf], [1_800_000, 575_000]);
  });

  it('ladder, stress (a scenario, then Monte Carlo) and a run with its alerts', async () => {
    const ladder = JSON.parse((await onWorkspace(['ladder', '--json'])).out) as { ladder: { buckets: { bucket: string; cumulativeGap: number }[] } };
    assert.equal(ladder.ladder.buckets.at(-1)?.cumulativeGap, -2_000_000);
    const stress = await onWorkspace(['stress', '--scenario', 'idiosyncratic_run', '--json']);
    assert.equal(stress.code, 0, stress.err);
    // Flat flows (1 % in, 1 % out a day): 3 × 1 % of D1 = 60,000 out, + 666.67 drawn on K1, − 10,000 subscribed = 50,666.67
    // a day; with W1's 300,000 on day 10, day 17 reaches 1,161,333 ≤ 1,170,000 and day 18 1,212,000.
    assert.equal((JSON.parse(stress.out) as { survival_day: number | null }).survival_day, 18);
    assert.match((await onWorkspace(['stress', '--scenario', 'idiosyncratic_run'])).out, /runs out of liquid assets on day 18/);
    assert.equal((await onWorkspace(['stress', '--scenario', 'x', '--paths', '100'])).code, 2);
    const simulated = await onWorkspace(['stress', '--monte-carlo', '--paths', '500', '--days', '30', '--seed', '3', '--json']);
    assert.equal(simulated.code, 0, simulated.err);
    const simulation = (JSON.parse(simulated.out) as { simulation: { result: { paths: number; seed: number; reserve: { level: number }[] } } }).simulation.result;
    assert.deepEqual([simulation.paths, simulation.seed, simulation.reserve.map((q) => q.level)], [500, 3, [0.99, 0.999]]);
    const run = await onWorkspace(['run', '--json']);
    assert.equal(run.code, 0, run.err);
    const stored = (JSON.parse(run.out) as { run: { runId: number; alerts: { raised: number } } }).run;
    assert.ok(stored.alerts.raised > 0);
    const runs = JSON.parse((await onWorkspace(['runs', '--json'], ROLE_USERS.auditor)).out) as { runs: { runId: number }[] };
    assert.deepEqual(runs.runs.map((r) => r.runId), [stored.runId]);
    const refused = await onWorkspace(['run'], ROLE_USERS.auditor);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /analyst/);
  });
});
