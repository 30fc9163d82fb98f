// 0080 turns credit_runs into the engines' shared runs table under credit_run_loans, which references it and may hold
// millions of rows: tested on a real encrypted file at schema 70 holding finished runs with their result rows.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../../test-support/temp-workspace.ts';
import { listRuns, latestRun } from '../credit-runs.ts';
import { openEncryptedDatabase, type Db } from '../database.ts';
import { currentSchemaVersion, migrate } from '../migrate.ts';
import { MIGRATIONS } from './index.ts';

const UP_TO_70 = MIGRATIONS.filter((m) => m.version <= 70);
const UP_TO_80 = MIGRATIONS.filter((m) => m.version <= 80);

interface CreditRunAt70 {
  run_id: number;
  as_of: string;
  model_id: number;
  parameter_version: number;
  started_by: string;
  started_at: string;
  finished_at: string | null;
  currency: string;
  loans: number;
  totals: string;
}

const totals = (loans: number, eclMinor: number) => JSON.stringify({ loans, eadMinor: loans * 1_000, eclMinor, byStage: [], byGrade: [], byStageGrade: [], pricing: { below: 0, belowOutstandingMinor: 0 } });

/** Run 1 on the model since retired, run 2 on the active one and parameter set 2; run 4 never finished (a hand-edited file). */
const RUNS: CreditRunAt70[] = [
  { run_id: 1, as_of: '2024-11-30', model_id: 1, parameter_version: 1, started_by: 'ana', started_at: 't1', finished_at: 't2', currency: 'CNY', loans: 2, totals: totals(2, 30) },
  { run_id: 2, as_of: '2024-12-31', model_id: 2, parameter_version: 2, started_by: 'ben', started_at: 't3', finished_at: 't4', currency: 'CNY', loans: 3, totals: totals(3, 45) },
  { run_id: 4, as_of: '2024-12-31', model_id: 2, parameter_version: 2, started_by: 'ana', started_at: 't5', finished_at: null, currency: 'CNY', loans: 0, totals: 'null' },
];

/** A workspace database at schema 70: two models, two parameter sets, the runs above and their result rows. */
function workspaceAt70(): { db: Db; file: string; key: Buffer } {
  const file = path.join(tempDir('riskdesk-0080-'), 'w.rdw');
  const key = randomBytes(32);
  const db = openEncryptedDatabase(file, key, { create: true });
  migrate(db, file, UP_TO_70);
  const model = db.prepare(
    `INSERT INTO credit_models (model_id, name, status, training_hash, rows, features, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at, activated_by, activated_at, scorecard, report)
     VALUES (?, ?, ?, 'h', 100, '[]', 'ana', 't0', 'ana', 't0', 'cole', 't0', 'cole', 't0', '{}', '{}')`,
  );
  model.run(1, 'First scorecard', 'retired');
  model.run(2, 'Second scorecard', 'active');
  const set = db.prepare(
    `INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, parameters)
     VALUES (?, ?, ?, ?, 't0', ?, 't0', ?, 't0', '{}')`,
  );
  set.run(1, 'Defaults shipped with RiskDesk', 'retired', 'system', 'system', 'system');
  set.run(2, 'tighter', 'active', 'cara', 'cole', 'cole');
  const run = db.prepare(
    `INSERT INTO credit_runs (run_id, as_of, model_id, parameter_version, started_by, started_at, finished_at, currency, loans, totals)
     VALUES (@run_id, @as_of, @model_id, @parameter_version, @started_by, @started_at, @finished_at, @currency, @loans, @totals)`,
  );
  const loan = db.prepare(
    `INSERT INTO credit_run_loans (run_id, loan_id, score, pd_12m, pd_origination, pd_lifetime, grade, stage, lgd, ead_minor, ecl_minor, required_rate)
     VALUES (?, ?, 600, 0.01, 0.01, 0.05, 'B', 1, 0.6, 1000, 15, 0.1)`,
  );
  for (const row of RUNS) {
    run.run(row);
    for (let i = 1; i <= row.loans; i += 1) loan.run(row.run_id, `L${i}`);
  }
  return { db, file, key };
}

const runLoans = (db: Db): unknown[] => db.prepare('SELECT * FROM credit_run_loans ORDER BY run_id, loan_id').all();
const rootPage = (db: Db, table: string): unknown => db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table);
const tableExists = (db: Db, table: string): boolean => db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) === 1;

describe('migration 80 (one runs table for every engine)', () => {
  it('moves every credit run onto runs with its id, artefacts, people, times and totals, and leaves the run rows where they were', () => {
    const { db, file, key } = workspaceAt70();
    const loansBefore = runLoans(db);
    const loansRootPage = rootPage(db, 'credit_run_loans');
    assert.deepEqual(migrate(db, file, UP_TO_80), [80]);
    db.close();

    const reopened = openEncryptedDatabase(file, key);
    try {
      assert.equal(currentSchemaVersion(reopened), 80);
      assert.equal(tableExists(reopened, 'credit_runs'), false);
      assert.deepEqual(
        reopened.prepare('SELECT * FROM runs ORDER BY run_id').all(),
        RUNS.map((run) => ({
          run_id: run.run_id,
          engine: 'credit',
          as_of: run.as_of,
          artefacts: JSON.stringify({ 'credit.model': run.model_id, 'credit.parameterSet': run.parameter_version }),
          started_by: run.started_by,
          started_at: run.started_at,
          status: run.finished_at === null ? 'running' : 'finished',
          finished_at: run.finished_at,
          currency: run.currency,
          totals: run.totals,
        })),
      );
      assert.deepEqual(runLoans(reopened), loansBefore);
      assert.equal(rootPage(reopened, 'credit_run_loans'), loansRootPage, 'credit_run_loans was not rebuilt');
      assert.deepEqual(
        (reopened.pragma('foreign_key_list(credit_run_loans)') as { table: string; from: string; to: string }[]).map(({ table, from, to }) => ({ table, from, to })),
        [{ table: 'runs', from: 'run_id', to: 'run_id' }],
      );
      // The store reads the moved runs as it read credit_runs: finished ones only, newest first, with their model.
      assert.deepEqual(
        listRuns(reopened).map((r) => [r.runId, r.modelId, r.modelName, r.parameterVersion, r.startedBy, r.finishedAt, r.totals.eclMinor]),
        [
          [2, 2, 'Second scorecard', 2, 'ben', 't4', 45],
          [1, 1, 'First scorecard', 1, 'ana', 't2', 30],
        ],
      );
      assert.equal(latestRun(reopened)?.runId, 2);
      assert.equal(reopened.pragma('foreign_keys', { simple: true }), 1);
      assert.deepEqual(reopened.pragma('foreign_key_check'), []);
      assert.equal(reopened.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      reopened.close();
    }
  });

  it('holds run rows to their run, and a run’s status to its finish time', () => {
    const { db, file } = workspaceAt70();
    try {
      migrate(db, file, UP_TO_80);
      assert.throws(() => db.prepare(`INSERT INTO credit_run_loans (run_id, loan_id, pd_12m, pd_origination, pd_lifetime, grade, stage, lgd, ead_minor, ecl_minor, required_rate) VALUES (9, 'L1', 0, 0, 0, 'A', 1, 0, 0, 0, 0)`).run(), /FOREIGN KEY constraint failed/);
      assert.throws(() => db.prepare('DELETE FROM runs WHERE run_id = 2').run(), /FOREIGN KEY constraint failed/);
      const insert = (status: string, finishedAt: string | null, artefacts = '{}') =>
        db.prepare(`INSERT INTO runs (engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals) VALUES ('credit', 'd', ?, 'ana', 't', ?, ?, 'CNY', 'null')`).run(artefacts, status, finishedAt);
      assert.throws(() => insert('finished', null), /CHECK constraint failed/);
      assert.throws(() => insert('running', 't'), /CHECK constraint failed/);
      assert.throws(() => insert('done', 't'), /CHECK constraint failed/);
      assert.throws(() => insert('running', null, '[1]'), /CHECK constraint failed/);
      assert.equal(insert('running', null).lastInsertRowid, 5, 'a new run takes the next id after the last one kept');
    } finally {
      db.close();
    }
  });

  it('rolls back whole, credit_runs and its references as they were, when a run row has no run', () => {
    const { db, file } = workspaceAt70();
    try {
      // A result row of a run that is gone: possible only with foreign keys off, as a damaged or hand-edited file has it.
      db.pragma('foreign_keys = OFF');
      db.prepare('DELETE FROM credit_runs WHERE run_id = 1').run();
      db.pragma('foreign_keys = ON');
      const runsBefore = db.prepare('SELECT * FROM credit_runs ORDER BY run_id').all();
      const loansBefore = runLoans(db);
      assert.throws(
        () => migrate(db, file, UP_TO_80),
        (error: Error & { code?: string }) => error.code === 'MIGRATION_FAILED' && /80 \(runs\).*the rebuild left 2 broken references, the first from credit_run_loans row .* to runs/.test(error.message),
      );
      assert.equal(currentSchemaVersion(db), 70);
      assert.equal(tableExists(db, 'runs'), false);
      assert.deepEqual(db.prepare('SELECT * FROM credit_runs ORDER BY run_id').all(), runsBefore);
      assert.deepEqual(runLoans(db), loansBefore);
      assert.deepEqual((db.pragma('foreign_key_list(credit_run_loans)') as { table: string }[]).map((fk) => fk.table), ['credit_runs']);
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
    } finally {
      db.close();
    }
  });
});
