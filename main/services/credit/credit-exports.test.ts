// The credit runs list and the pricing check as CSV (issue 15: "runs listed with their history and exportable; the
// pricing grid exportable"): two runs through the real worker on a real encrypted workspace (the small demo), each
// CSV checked against the rows stored for it, and the export's audit event against the file.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { PricingRow } from '../../../preload/contract/credit.ts';
import { generateDemo } from '../../demo/generate-demo.ts';
import { activateTestModel } from '../../test-support/active-test-model.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import type { WriterSpec } from '../../store/write-connection.ts';
import { EnginePool } from '../../workers/pool.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { seedShippedDefaults } from '../shipped-defaults.ts';
import { SHIPPED_DEFAULTS } from '../workspace-service.ts';
import { runCreditPortfolio } from './credit-jobs-service.ts';
import { creditRunList, exportCreditRuns, exportPricingCheck } from './credit-exports.ts';
import { pricingCheckPage } from './run-results-service.ts';

/** The CSV's records as arrays of cells (none of these files quotes a cell: no commas in names or codes). */
function records(csv: string): string[][] {
  assert.ok(csv.startsWith('\uFEFF'), 'a BOM, so that a spreadsheet reads UTF-8');
  return csv
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

describe('credit exports: the runs list and the pricing check as CSV', () => {
  let temp: TempDatabase;
  let pool: EnginePool;
  let auditor: ServiceContext;
  const runIds: number[] = [];

  before(async () => {
    temp = createTempDatabase('riskdesk-credit-exports-');
    seedShippedDefaults(temp.db, new Date('2025-01-01T00:00:00Z'), SHIPPED_DEFAULTS);
    generateDemo(temp.db, { scale: 'small', seed: 5, asOf: '2024-12-31' });
    pool = new EnginePool({ size: 1 });
    const now = () => new Date('2025-02-05T09:00:00Z');
    const as = (actor: Actor) => databaseContext(temp, actor, { now, pool });
    const analyst = as({ username: 'ana', role: 'analyst' });
    auditor = as({ username: 'aud', role: 'auditor' });
    await activateTestModel(analyst, as({ username: 'cole', role: 'compliance' }), 'exports test');
    const writer: WriterSpec = { access: 'write', path: temp.path, key: temp.key };
    runIds.push((await runCreditPortfolio(analyst, { asOf: '2024-11-30' }, { writer })).runId);
    runIds.push((await runCreditPortfolio(analyst, { asOf: '2024-12-31' }, { writer })).runId);
  });

  after(async () => {
    await pool.close();
    temp.dispose();
  });

  it('lists every run, newest first, with when, who, model, parameter version, loans, ECL and status', () => {
    const stored = temp.db
      .prepare(`SELECT run_id, as_of, started_by, started_at, finished_at, json_extract(totals, '$.loans') AS loans, json_extract(totals, '$.eclMinor') AS ecl FROM runs WHERE engine = 'credit' ORDER BY run_id DESC`)
      .all() as { run_id: number; as_of: string; started_by: string; started_at: string; finished_at: string; loans: number; ecl: number }[];
    const list = creditRunList(auditor);
    assert.deepEqual(
      list.map((run) => [run.runId, run.asOf, run.status, run.startedBy, run.startedAt, run.finishedAt, run.loans, run.eclMinor, run.modelName]),
      stored.map((run) => [run.run_id, run.as_of, 'finished', run.started_by, run.started_at, run.finished_at, run.loans, run.ecl, 'exports test']),
    );
    assert.deepEqual(
      list.map((run) => run.runId),
      [...runIds].reverse(),
    );
    assert.ok(list.every((run) => (run.loans ?? 0) > 1000), 'the small demo has thousands of open loans');
  });

  it('exports the list as CSV, ECL in major units, and audits the file it handed over', () => {
    const list = creditRunList(auditor);
    const file = exportCreditRuns(auditor);
    assert.equal(file.fileName, 'credit-runs-20250205-090000.csv');
    const [header, ...rows] = records(file.csv);
    assert.deepEqual(header, ['run_id', 'as_of', 'status', 'started_by', 'started_at', 'finished_at', 'model_id', 'model_name', 'parameter_version', 'loans', 'ecl', 'currency']);
    assert.equal(file.rows, list.length);
    assert.deepEqual(
      rows,
      list.map((run) => {
        // CNY has 2 minor digits: 123456789 fen is 1234567.89 yuan.
        const ecl = run.eclMinor === null ? '' : `${Math.floor(run.eclMinor / 100)}.${String(run.eclMinor % 100).padStart(2, '0')}`;
        return [String(run.runId), run.asOf, 'finished', 'ana', run.startedAt, run.finishedAt ?? '', String(run.modelId), 'exports test', String(run.parameterVersion), String(run.loans), ecl, 'CNY'];
      }),
    );
    assert.equal(file.sha256, createHash('sha256').update(file.csv, 'utf8').digest('hex'));
    const event = temp.db.prepare(`SELECT actor, action, subject, details FROM audit_events ORDER BY seq DESC LIMIT 1`).get() as { actor: string; action: string; subject: string; details: string };
    assert.deepEqual({ ...event, details: JSON.parse(event.details) }, { actor: 'aud', action: 'portfolio.export', subject: 'credit runs', details: { file: file.fileName, rows: file.rows, sha256: file.sha256 } });
  });

  it('lists a run still scoring as running, with no loans or ECL yet', () => {
    temp.db
      .prepare(`INSERT INTO runs (engine, as_of, artefacts, started_by, started_at, status, totals) SELECT 'credit', '2025-01-31', artefacts, 'ana', '2025-02-05T09:30:00.000Z', 'running', '{}' FROM runs WHERE run_id = ?`)
      .run(runIds[1]);
    const [running] = creditRunList(auditor);
    assert.deepEqual([running?.status, running?.asOf, running?.loans, running?.eclMinor, running?.finishedAt], ['running', '2025-01-31', null, null, null]);
    const [, first] = records(exportCreditRuns(auditor).csv);
    assert.deepEqual(first?.slice(1, 6), ['2025-01-31', 'running', 'ana', '2025-02-05T09:30:00.000Z', '']);
    temp.db.prepare(`DELETE FROM runs WHERE status = 'running'`).run();
  });

  it('exports the pricing check filtered and sorted as the grid shows it, every row of the view', () => {
    const view = { sortModel: [{ colId: 'shortfall', sort: 'desc' as const }], filterModel: { product: { filterType: 'text' as const, type: 'equals' as const, filter: 'consumer_cash_loan' } } };
    const page = pricingCheckPage(auditor, { startRow: 0, endRow: 100_000, ...view });
    assert.ok(page.rowCount > 0, 'the demo has loans priced below cost');
    const file = exportPricingCheck(auditor, view);
    assert.match(file.fileName, new RegExp(`^pricing-check-run-${runIds[1]}-20250205-090000\\.csv$`));
    const [header, ...rows] = records(file.csv);
    assert.deepEqual(header, ['loan_id', 'product', 'grade', 'interest_rate', 'required_rate', 'shortfall', 'pd_12m', 'lgd', 'outstanding_balance', 'currency']);
    assert.equal(file.rows, page.rowCount);
    const expected = (row: PricingRow) => [row.loan_id, row.product, row.grade, String(row.interest_rate), String(row.required_rate), String(row.shortfall), String(row.pd_12m), String(row.lgd), row.outstanding_balance_minor === null ? '' : (row.outstanding_balance_minor / 100).toFixed(2), 'CNY'];
    assert.deepEqual(rows, page.rows.map(expected));
    const event = temp.db.prepare(`SELECT subject, details FROM audit_events ORDER BY seq DESC LIMIT 1`).get() as { subject: string; details: string };
    assert.equal(event.subject, 'credit pricing check');
    assert.deepEqual(JSON.parse(event.details), { file: file.fileName, rows: file.rows, sha256: file.sha256, runId: runIds[1], ...view });
  });
});
