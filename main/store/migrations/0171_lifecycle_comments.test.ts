// 0171 adds the approval and activation comments to every artefact table: tested on a real encrypted file at schema
// 160 holding the sample rows of every version, and against the rules the new columns bring.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import type { Db } from '../database.ts';

const TABLES = ['credit_models', 'credit_parameter_sets', 'sla_tables', 'playbook_sets', 'fraud_rule_sets', 'liquidity_parameter_sets'];

function withoutComments(rows: unknown[]): unknown[] {
  return rows.map((row) => {
    const { approval_comment: approval, activation_comment: activation, ...rest } = row as Record<string, unknown>;
    assert.equal(approval, null);
    assert.equal(activation, null);
    return rest;
  });
}

function columnsOf(db: Db, table: string): string[] {
  return db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(table) as string[];
}

describe('migration 171 (lifecycle comments)', () => {
  it('adds both comment columns, empty, to every artefact table and keeps every row as it was', () => {
    const { db, before } = migratedWithSampleRows(171);
    for (const table of TABLES) assert.deepEqual(columnsOf(db, table).slice(-2), ['approval_comment', 'activation_comment'], table);
    for (const table of ['credit_models', 'credit_parameter_sets', 'liquidity_parameter_sets']) {
      assert.ok((before[table] ?? []).length > 0, `${table} had sample rows`);
      assert.deepEqual(withoutComments(db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()), before[table], table);
    }
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  });

  it('takes a comment only with the step it belongs to, never blank or longer than 500 characters', () => {
    const { db } = migratedWithSampleRows(171);
    // Sample rows: model 1 is active (approved and activated by cole), parameter set 1 the shipped, active default.
    const setComments = (table: string, id: string, approval: string | null, activation: string | null) =>
      db.prepare(`UPDATE ${table} SET approval_comment = ?, activation_comment = ? WHERE ${id} = 1`).run(approval, activation);
    setComments('credit_models', 'model_id', 'Checked the holdout AUC', 'Checked the run on October');
    assert.deepEqual(db.prepare('SELECT approval_comment, activation_comment FROM credit_models WHERE model_id = 1').get(), {
      approval_comment: 'Checked the holdout AUC',
      activation_comment: 'Checked the run on October',
    });
    for (const blank of ['', '   ', 'x'.repeat(501)]) {
      assert.throws(() => setComments('credit_models', 'model_id', blank, null), /CHECK constraint failed/, JSON.stringify(blank.slice(0, 3)));
      assert.throws(() => setComments('liquidity_parameter_sets', 'version', null, blank), /CHECK constraint failed/);
    }
    db.prepare(`INSERT INTO credit_models (model_id, name, status, training_hash, rows, features, created_by, created_at, scorecard, report) VALUES (2, 'Draft', 'draft', 'h', 1, '[]', 'ana', 't', '{}', '{}')`).run();
    assert.throws(() => db.prepare(`UPDATE credit_models SET approval_comment = 'not approved yet' WHERE model_id = 2`).run(), /CHECK constraint failed/);
    assert.throws(() => db.prepare(`UPDATE credit_models SET activation_comment = 'not activated yet' WHERE model_id = 2`).run(), /CHECK constraint failed/);
  });
});
