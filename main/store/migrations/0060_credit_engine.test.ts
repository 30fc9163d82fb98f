// 0060 adds scorecard models, IFRS 9 parameter sets and credit runs, with the lifecycle rules in the schema itself,
// and an index of the defaulted performance months: tested on a real encrypted file at schema 50 whose loans and
// months (some defaulted, in more than one spelling) are already there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Db } from '../database.ts';
import { assertRowsKept, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { describeTable, indexesOf } from '../../test-support/schema-description.ts';

const CHECK = /CHECK constraint failed/;
const FOREIGN_KEY = /FOREIGN KEY constraint failed/;
/** The index's WHERE as 0060 wrote it; SQLite uses a partial index only for a term that matches it. */
const DEFAULTED_MONTH = `(p.dpd >= 90 OR replace(replace(replace(lower(trim(p.status)), ' ', '_'), '-', '_'), '__', '_') IN ('default', 'defaulted', 'written_off', 'write_off', 'writeoff', 'charged_off'))`;

function insertModel(db: Db, id: number, lifecycle: { status: string; createdBy?: string; approvedBy?: string | null; activatedBy?: string | null }): void {
  const { status, createdBy = 'alice', approvedBy = null, activatedBy = null } = lifecycle;
  db.prepare(
    `INSERT INTO credit_models (model_id, name, status, training_hash, rows, features, created_by, created_at, approved_by, approved_at, activated_by, activated_at, scorecard, report)
     VALUES (?, 'm', ?, 'h', 10, '[]', ?, 't', ?, ?, ?, ?, '{}', '{}')`,
  ).run(id, status, createdBy, approvedBy, approvedBy && 't', activatedBy, activatedBy && 't');
}

function insertParameterSet(db: Db, version: number, createdBy: string, approvedBy: string | null): void {
  db.prepare(
    `INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, parameters)
     VALUES (?, 'n', ?, ?, 't', ?, ?, '{}')`,
  ).run(version, approvedBy === null ? 'draft' : 'approved', createdBy, approvedBy, approvedBy && 't');
}

describe('migration 60 (credit engine)', () => {
  it('keeps every row of schema 50, and adds no row of its own (the shipped parameter set is seeded by the services)', () => {
    const { db, before } = migratedWithSampleRows(60);
    assertRowsKept(db, before);
    for (const table of ['credit_models', 'credit_parameter_sets', 'credit_runs', 'credit_run_loans']) {
      assert.equal(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), 0, table);
    }
  });

  it('makes the models, parameter sets and runs tables, keyed and linked; run results carry no secondary index', () => {
    const { db } = migratedWithSampleRows(60);
    assert.deepEqual(describeTable(db, 'credit_models'), {
      columns: ['model_id', 'name', 'status', 'training_hash', 'rows', 'features', 'metrics', 'created_by', 'created_at', 'approved_by', 'approved_at', 'activated_by', 'activated_at', 'scorecard', 'report'],
      notNull: ['name', 'status', 'training_hash', 'rows', 'features', 'created_by', 'created_at', 'scorecard', 'report'],
      primaryKey: ['model_id'],
      references: [],
    });
    assert.deepEqual(describeTable(db, 'credit_parameter_sets'), {
      columns: ['version', 'note', 'status', 'created_by', 'created_at', 'approved_by', 'approved_at', 'activated_by', 'activated_at', 'parameters'],
      notNull: ['note', 'status', 'created_by', 'created_at', 'parameters'],
      primaryKey: ['version'],
      references: [],
    });
    assert.deepEqual(describeTable(db, 'credit_runs'), {
      columns: ['run_id', 'as_of', 'model_id', 'parameter_version', 'started_by', 'started_at', 'finished_at', 'currency', 'loans', 'totals'],
      notNull: ['as_of', 'model_id', 'parameter_version', 'started_by', 'started_at', 'currency', 'loans', 'totals'],
      primaryKey: ['run_id'],
      references: ['parameter_version → credit_parameter_sets.version', 'model_id → credit_models.model_id'],
    });
    assert.deepEqual(describeTable(db, 'credit_run_loans'), {
      columns: ['run_id', 'loan_id', 'score', 'pd_12m', 'pd_origination', 'pd_lifetime', 'grade', 'stage', 'lgd', 'ead_minor', 'ecl_minor', 'required_rate'],
      notNull: ['run_id', 'loan_id', 'pd_12m', 'pd_origination', 'pd_lifetime', 'grade', 'stage', 'lgd', 'ead_minor', 'ecl_minor', 'required_rate'],
      primaryKey: ['run_id', 'loan_id'],
      references: ['run_id → credit_runs.run_id'],
    });
    assert.deepEqual(indexesOf(db, 'credit_models'), { credit_models_one_active: 'status (unique, partial)' });
    assert.deepEqual(indexesOf(db, 'credit_parameter_sets'), { credit_parameter_sets_one_active: 'status (unique, partial)' });
    assert.deepEqual(indexesOf(db, 'credit_runs'), {});
    assert.deepEqual(indexesOf(db, 'credit_run_loans'), {});
  });

  it('holds the lifecycle rules: four states, four eyes, approval before activation, one active version', () => {
    const { db } = migratedWithSampleRows(60);
    insertModel(db, 1, { status: 'draft' });
    insertModel(db, 2, { status: 'approved', approvedBy: 'bob' });
    insertModel(db, 3, { status: 'active', approvedBy: 'bob', activatedBy: 'carol' });
    insertModel(db, 4, { status: 'retired', approvedBy: 'bob', activatedBy: 'carol' });
    assert.throws(() => insertModel(db, 5, { status: 'submitted' }), CHECK);
    assert.throws(() => insertModel(db, 5, { status: 'approved', approvedBy: 'alice' }), CHECK, 'the author approves');
    assert.throws(() => insertModel(db, 5, { status: 'approved' }), CHECK, 'approved by no one');
    assert.throws(() => insertModel(db, 5, { status: 'active', approvedBy: 'bob' }), CHECK, 'active, never activated');
    assert.throws(() => insertModel(db, 5, { status: 'active', approvedBy: 'bob', activatedBy: 'carol' }), /UNIQUE constraint failed/, 'a second active model');
    // Only the shipped version 1 may be authored and approved by 'system'.
    insertParameterSet(db, 1, 'system', 'system');
    assert.throws(() => insertParameterSet(db, 2, 'system', 'system'), CHECK);
    assert.throws(() => insertParameterSet(db, 2, 'cara', 'cara'), CHECK);
    insertParameterSet(db, 2, 'cara', 'cole');
  });

  it('links a run to its model and parameter set, and its results to the run but not to the loans', () => {
    const { db } = migratedWithSampleRows(60);
    insertModel(db, 1, { status: 'approved', approvedBy: 'bob' });
    insertParameterSet(db, 1, 'system', 'system');
    const run = db.prepare(`INSERT INTO credit_runs (run_id, as_of, model_id, parameter_version, started_by, started_at, currency, loans, totals) VALUES (?, '2024-03-31', ?, ?, 'ana', 't', 'CNY', 1, '{}')`);
    run.run(1, 1, 1);
    assert.throws(() => run.run(2, 9, 1), FOREIGN_KEY);
    assert.throws(() => run.run(2, 1, 9), FOREIGN_KEY);
    const result = db.prepare(`INSERT INTO credit_run_loans (run_id, loan_id, pd_12m, pd_origination, pd_lifetime, grade, stage, lgd, ead_minor, ecl_minor, required_rate) VALUES (?, ?, 0.1, 0.1, 0.2, 'C', ?, 0.5, 100, 5, 0.1)`);
    result.run(1, 'L1', 3);
    assert.throws(() => result.run(1, 'L1', 1), /UNIQUE constraint failed/);
    assert.throws(() => result.run(9, 'L2', 1), FOREIGN_KEY);
    assert.throws(() => result.run(1, 'L2', 4), CHECK);
    // A run is a snapshot: it may name a loan that is not (or no longer) there, and never blocks deleting one.
    result.run(1, 'L-gone', 1);
    db.prepare(`INSERT INTO loans (loan_id, borrower_id, product, origination_date, principal_minor, interest_rate, term_months, currency) VALUES ('L3', 'B1', 'p', '2024-01-01', 1, 0.1, 12, 'CNY')`).run();
    result.run(1, 'L3', 1);
    db.prepare(`DELETE FROM loans WHERE loan_id = 'L3'`).run();
    assert.throws(() => db.prepare('DELETE FROM credit_models WHERE model_id = 1').run(), FOREIGN_KEY);
  });

  it('indexes just the defaulted months already there, and answers "has this loan defaulted" from that index', () => {
    const { db } = migratedWithSampleRows(60);
    assert.deepEqual(indexesOf(db, 'loan_performance'), { loan_performance_as_of_dpd: 'as_of, dpd', loan_performance_defaulted: 'loan_id, as_of, dpd, status (partial)' });
    // Checks that the partial index holds exactly the rows its WHERE admits.
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    assert.deepEqual(db.prepare(`SELECT loan_id, as_of FROM loan_performance p INDEXED BY loan_performance_defaulted WHERE ${DEFAULTED_MONTH} ORDER BY 1, 2`).all(), [
      { loan_id: 'L1', as_of: '2024-02' },
      { loan_id: 'L1', as_of: '2024-03' },
    ]);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT min(as_of) FROM loan_performance p WHERE p.loan_id = ? AND ${DEFAULTED_MONTH}`).all('L1');
    assert.deepEqual(plan.map((row) => (row as { detail: string }).detail), ['SEARCH p USING COVERING INDEX loan_performance_defaulted (loan_id=?)']);
  });
});
