// 0070 rebuilds credit_models and credit_parameter_sets (new CHECK constraints) under rows that credit_runs
// references: tested on a real encrypted file holding rows in every state at schema 60.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseAtSchema, type DatabaseAtSchema } from '../../test-support/database-at-schema.ts';
import type { Db } from '../database.ts';
import { currentSchemaVersion } from '../migrate.ts';
const OLD_COLUMNS = {
  credit_models: 'model_id, name, status, training_hash, rows, features, metrics, created_by, created_at, approved_by, approved_at, activated_by, activated_at, scorecard, report',
  credit_parameter_sets: 'version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, parameters',
} as const;
const NEW_COLUMNS = 'submitted_by, submitted_at, rejected_by, rejected_at, rejection_reason';

/** A workspace database at schema 60 with models and parameter sets in every state, and a run that uses them. */
function workspaceAt60(): DatabaseAtSchema {
  const at = databaseAtSchema(60);
  const { db } = at;
  const model = db.prepare(
    `INSERT INTO credit_models (model_id, name, status, training_hash, rows, features, metrics, created_by, created_at, approved_by, approved_at, activated_by, activated_at, scorecard, report)
     VALUES (?, ?, ?, 'h', 100, '["income"]', ?, 'alice', 't0', ?, ?, ?, ?, '{"intercept":-2}', '{"rows":100}')`,
  );
  model.run(1, 'retired one', 'retired', '{"auc":0.7}', 'bob', 't1', 'bob', 't2');
  model.run(2, 'active one', 'active', null, 'bob', 't3', 'carol', 't4');
  model.run(3, 'approved one', 'approved', null, 'carol', 't5', null, null);
  model.run(5, 'a draft', 'draft', null, null, null, null, null);
  const set = db.prepare(
    `INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, parameters)
     VALUES (?, ?, ?, ?, 't0', ?, ?, ?, ?, ?)`,
  );
  set.run(1, 'Defaults shipped with RiskDesk', 'retired', 'system', 'system', 't0', 'system', 't0', '{"v":1}');
  set.run(2, 'tighter', 'active', 'cara', 'cole', 't1', 'cole', 't2', '{"v":2}');
  set.run(3, 'looser', 'draft', 'cara', null, null, null, null, '{"v":3}');
  db.prepare(`INSERT INTO credit_runs (run_id, as_of, model_id, parameter_version, started_by, started_at, finished_at, currency, loans, totals) VALUES (1, '2024-12-31', 2, 2, 'ana', 't5', 't6', 'CNY', 1, '{}')`).run();
  db.prepare(`INSERT INTO credit_run_loans (run_id, loan_id, score, pd_12m, pd_origination, pd_lifetime, grade, stage, lgd, ead_minor, ecl_minor, required_rate) VALUES (1, 'L1', 600, 0.01, 0.01, 0.05, 'B', 1, 0.6, 1000, 6, 0.1)`).run();
  return at;
}

function rows(db: Db, table: keyof typeof OLD_COLUMNS, columns: string = OLD_COLUMNS[table]): unknown[] {
  return db.prepare(`SELECT ${columns} FROM ${table} ORDER BY 1`).all();
}

function schemaOf(db: Db, names: string[]): unknown[] {
  return db.prepare(`SELECT type, name, tbl_name AS tbl FROM sqlite_master WHERE tbl_name IN (${names.map(() => '?').join(', ')}) ORDER BY name`).all(...names);
}

describe('migration 70 (the submitted state)', () => {
  it('keeps every row, index and reference of both tables, with the new columns empty, in a file that reopens at 70', () => {
    const at = workspaceAt60();
    const { db } = at;
    const before = { models: rows(db, 'credit_models'), sets: rows(db, 'credit_parameter_sets'), runs: db.prepare('SELECT * FROM credit_runs').all(), loans: db.prepare('SELECT * FROM credit_run_loans').all() };
    const runsSchema = db.prepare(`SELECT sql FROM sqlite_master WHERE name IN ('credit_runs', 'credit_run_loans') ORDER BY name`).pluck().all();
    assert.deepEqual(at.migrateTo(70), [70]);
    const reopened = at.reopen();
    assert.equal(currentSchemaVersion(reopened), 70);
    assert.deepEqual(rows(reopened, 'credit_models'), before.models);
    assert.deepEqual(rows(reopened, 'credit_parameter_sets'), before.sets);
    assert.deepEqual(reopened.prepare('SELECT * FROM credit_runs').all(), before.runs);
    assert.deepEqual(reopened.prepare('SELECT * FROM credit_run_loans').all(), before.loans);
    for (const table of ['credit_models', 'credit_parameter_sets'] as const) {
      assert.ok(rows(reopened, table, NEW_COLUMNS).every((row) => Object.values(row as object).every((value) => value === null)), table);
    }
    assert.deepEqual(schemaOf(reopened, ['credit_models', 'credit_parameter_sets']), [
      { type: 'table', name: 'credit_models', tbl: 'credit_models' },
      { type: 'index', name: 'credit_models_one_active', tbl: 'credit_models' },
      { type: 'table', name: 'credit_parameter_sets', tbl: 'credit_parameter_sets' },
      { type: 'index', name: 'credit_parameter_sets_one_active', tbl: 'credit_parameter_sets' },
    ]);
    assert.deepEqual(reopened.prepare(`SELECT sql FROM sqlite_master WHERE name IN ('credit_runs', 'credit_run_loans') ORDER BY name`).pluck().all(), runsSchema, 'the runs tables are untouched');
    assert.equal(reopened.pragma('foreign_keys', { simple: true }), 1);
    assert.deepEqual(reopened.pragma('foreign_key_check'), []);
    assert.equal(reopened.pragma('integrity_check', { simple: true }), 'ok');
  });

  it('leaves foreign keys on and enforced, and the old and new rules in force', () => {
    const at = workspaceAt60();
    at.migrateTo(70);
    const { db } = at;
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1, 'switched back on after the rebuild');
    assert.throws(() => db.prepare(`INSERT INTO credit_runs (run_id, as_of, model_id, parameter_version, started_by, started_at, currency, loans, totals) VALUES (2, 'd', 99, 2, 'ana', 't', 'CNY', 0, '{}')`).run(), /FOREIGN KEY constraint failed/);
    assert.throws(() => db.prepare('DELETE FROM credit_models WHERE model_id = 2').run(), /FOREIGN KEY constraint failed/);
    assert.throws(() => db.prepare('DELETE FROM credit_parameter_sets WHERE version = 2').run(), /FOREIGN KEY constraint failed/);
    // One active version per kind, four eyes (author and submitter), submission before approval.
    assert.throws(() => db.prepare(`UPDATE credit_models SET status = 'active', activated_by = 'bob', activated_at = 't' WHERE model_id = 3`).run(), /UNIQUE constraint failed/);
    assert.throws(() => db.prepare(`UPDATE credit_models SET status = 'submitted' WHERE model_id = 5`).run(), /CHECK constraint failed/);
    db.prepare(`UPDATE credit_models SET status = 'submitted', submitted_by = 'dan', submitted_at = 't' WHERE model_id = 5`).run();
    for (const approver of ['alice', 'dan']) {
      assert.throws(() => db.prepare(`UPDATE credit_models SET status = 'approved', approved_by = ?, approved_at = 't' WHERE model_id = 5`).run(approver), /CHECK constraint failed/, approver);
    }
    db.prepare(`UPDATE credit_models SET status = 'approved', approved_by = 'erin', approved_at = 't' WHERE model_id = 5`).run();
    assert.throws(() => db.prepare(`UPDATE credit_parameter_sets SET approved_by = 'cara', status = 'approved', approved_at = 't', submitted_by = 'cole', submitted_at = 't' WHERE version = 3`).run(), /CHECK constraint failed/);
    assert.throws(() => db.prepare(`UPDATE credit_parameter_sets SET status = 'retired' WHERE version = 3`).run(), /CHECK constraint failed/, 'retired without approval');
  });

  it('rolls back whole, foreign keys on again, when a reference does not hold after the rebuild', () => {
    const at = workspaceAt60();
    const { db } = at;
    // A run of a model that is gone: possible only with foreign keys off, as a damaged or hand-edited file has it.
    db.pragma('foreign_keys = OFF');
    db.prepare(`INSERT INTO credit_runs (run_id, as_of, model_id, parameter_version, started_by, started_at, currency, loans, totals) VALUES (2, 'd', 42, 2, 'ana', 't', 'CNY', 0, '{}')`).run();
    db.pragma('foreign_keys = ON');
    const models = rows(db, 'credit_models');
    assert.throws(
      () => at.migrateTo(70),
      (error: Error & { code?: string }) => error.code === 'MIGRATION_FAILED' && /70 \(lifecycle_submitted\).*the rebuild left 1 broken reference, the first from credit_runs row 2 to credit_models/.test(error.message),
    );
    assert.equal(currentSchemaVersion(db), 60);
    assert.deepEqual(rows(db, 'credit_models'), models);
    assert.equal(db.prepare(`SELECT count(*) FROM pragma_table_info('credit_models') WHERE name = 'submitted_by'`).pluck().get(), 0);
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  });
});
