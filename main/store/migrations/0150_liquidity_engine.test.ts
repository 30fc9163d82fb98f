// 0150 adds the liquidity engine's tables (parameter sets with the artefact lifecycle, stored Monte Carlo simulations):
// tested on a real encrypted file at schema 140 holding rows in every table that had sample rows.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, databaseAtSchema, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { describeTable, indexesOf } from '../../test-support/schema-description.ts';

const CHECK = /CHECK constraint failed/;

describe('migration 150 (liquidity engine)', () => {
  it('keeps every row of schema 140 and adds none of its own (the shipped parameter set is seeded by the services)', () => {
    const { db, before } = migratedWithSampleRows(150);
    assertRowsKept(db, Object.fromEntries(Object.entries(before).filter(([, rows]) => rows.length > 0)));
    for (const table of ['liquidity_parameter_sets', 'liquidity_simulations']) assert.equal(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), 0, table);
  });

  it('makes the parameter sets and simulations tables, keyed and linked, with one active version at most', () => {
    const { db } = databaseAtSchema(150, { sampleRows: false });
    assert.deepEqual(describeTable(db, 'liquidity_parameter_sets'), {
      columns: ['version', 'note', 'status', 'created_by', 'created_at', 'submitted_by', 'submitted_at', 'approved_by', 'approved_at', 'activated_by', 'activated_at', 'rejected_by', 'rejected_at', 'rejection_reason', 'parameters'],
      notNull: ['note', 'status', 'created_by', 'created_at', 'parameters'],
      primaryKey: ['version'],
      references: [],
    });
    assert.deepEqual(indexesOf(db, 'liquidity_parameter_sets'), { liquidity_parameter_sets_one_active: 'status (unique, partial)' });
    assert.deepEqual(describeTable(db, 'liquidity_simulations'), {
      columns: ['simulation_id', 'parameter_version', 'as_of', 'started_by', 'finished_at', 'result'],
      notNull: ['parameter_version', 'as_of', 'started_by', 'finished_at', 'result'],
      primaryKey: ['simulation_id'],
      references: ['parameter_version → liquidity_parameter_sets.version'],
    });
  });

  it('holds parameter sets to four eyes, one active version and a JSON object; simulations to a stored version and a JSON object', () => {
    const { db } = databaseAtSchema(150, { sampleRows: false });
    const insert = db.prepare(
      `INSERT INTO liquidity_parameter_sets (version, note, status, created_by, created_at, submitted_by, submitted_at, approved_by, approved_at, activated_by, activated_at, parameters)
       VALUES (?, 'n', ?, ?, 't', ?, ?, ?, ?, ?, ?, ?)`,
    );
    insert.run(1, 'active', 'system', null, null, 'system', 't', 'system', 't', '{}');
    // Only the shipped version 1 approves itself: an author or a submitter may not.
    assert.throws(() => insert.run(2, 'approved', 'cole', 'cole', 't', 'cole', 't', null, null, '{}'), CHECK);
    assert.throws(() => insert.run(3, 'approved', 'cole', 'cara', 't', 'cara', 't', null, null, '{}'), CHECK);
    assert.throws(() => insert.run(4, 'active', 'cole', 'cole', 't', 'cara', 't', 'cara', 't', '{}'), /UNIQUE constraint failed/);
    assert.throws(() => insert.run(5, 'draft', 'cole', null, null, null, null, null, null, '[1]'), CHECK);
    assert.throws(() => insert.run(6, 'draft', 'cole', null, null, null, null, null, null, 'not json'), CHECK);
    assert.throws(() => insert.run(7, 'submitted', 'cole', null, null, null, null, null, null, '{}'), CHECK, 'a submitted version names its submitter');
    insert.run(8, 'approved', 'cole', 'cole', 't', 'cara', 't', null, null, '{}');

    const simulation = db.prepare(`INSERT INTO liquidity_simulations (parameter_version, as_of, started_by, finished_at, result) VALUES (?, '2024-03-31', 'ana', 't', ?)`);
    assert.equal(simulation.run(1, '{"paths":100}').lastInsertRowid, 1);
    assert.throws(() => simulation.run(99, '{}'), /FOREIGN KEY constraint failed/);
    assert.throws(() => simulation.run(1, '[]'), CHECK);
  });

  it('needs nothing new for liquidity runs: runs takes the engine and its parameter set version as an artefact', () => {
    const { db } = databaseAtSchema(150, { sampleRows: false });
    db.exec(`INSERT INTO runs (run_id, engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals)
             VALUES (1, 'liquidity', '2024-03-31', '{"liquidity.parameterSet":1}', 'ana', 't', 'finished', 't', 'CNY', '{}')`);
    assert.equal(db.prepare(`SELECT artefacts ->> '$."liquidity.parameterSet"' FROM runs WHERE engine = 'liquidity'`).pluck().get(), 1);
  });
});
