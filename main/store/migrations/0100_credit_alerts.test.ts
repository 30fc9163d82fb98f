// 0100 adds credit_run_loans.dpd (NULL for the runs before it) and writes the alert thresholds into every stored
// parameter set that lacks them: tested on a real encrypted file at schema 90 holding rows in every table.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertRowsKept, databaseAtSchema, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { TEST_CREDIT_PARAMETERS } from '../../test-support/credit-test-parameters.ts';
import { describeTable } from '../../test-support/schema-description.ts';

/** The thresholds the migration writes, which the shipped defaults held when it was written. */
const THRESHOLDS_OF_0100 = {
  stageMigration: { stage2: 'medium', stage3: 'high' },
  gradeDrop: { notches: 2, severity: 'medium' },
  dpdThresholds: [
    { days: 30, severity: 'low' },
    { days: 60, severity: 'medium' },
    { days: 90, severity: 'high' },
  ],
  borrowerExposure: { limitMinor: 200_000_000, severity: 'high' },
};

describe('migration 100 (credit alerts)', () => {
  it('keeps every other row of schema 90; the run rows gain dpd NULL and the parameter set its alerts section', () => {
    const { db, before } = migratedWithSampleRows(100);
    assertRowsKept(db, Object.fromEntries(Object.entries(before).filter(([table]) => table !== 'credit_run_loans' && table !== 'credit_parameter_sets')));
    assert.deepEqual(
      db.prepare('SELECT * FROM credit_run_loans').all(),
      (before['credit_run_loans'] ?? []).map((row) => ({ ...(row as object), dpd: null })),
    );
    const sets = db.prepare('SELECT version, note, status, created_by, approved_by, activated_by, parameters FROM credit_parameter_sets').all() as { parameters: string }[];
    const [set] = sets;
    assert.ok(set && sets.length === 1);
    assert.deepEqual(JSON.parse(set.parameters), { alerts: THRESHOLDS_OF_0100 });
    assert.equal(describeTable(db, 'credit_run_loans').columns.at(-1), 'dpd');
  });

  it('fills a complete parameter set of schema 90 so that the schema reads it, and leaves a set with the section alone', () => {
    const at = databaseAtSchema(90, { sampleRows: false });
    const { alerts: _shipped, ...older } = TEST_CREDIT_PARAMETERS;
    const own = { ...TEST_CREDIT_PARAMETERS, alerts: { ...TEST_CREDIT_PARAMETERS.alerts, gradeDrop: { notches: 3, severity: 'low' } } };
    const insert = at.db.prepare(
      `INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, parameters)
       VALUES (?, 'n', ?, ?, 't0', ?, 't0', ?, ?, ?)`,
    );
    insert.run(1, 'retired', 'system', 'system', 'system', 't0', JSON.stringify(older));
    insert.run(2, 'approved', 'ana', 'cole', null, null, JSON.stringify(own));
    insert.run(3, 'approved', 'ana', 'cole', null, null, 'not json');
    assert.deepEqual(at.migrateTo(100), [100]);
    const parameters = (version: number): string => at.db.prepare('SELECT parameters FROM credit_parameter_sets WHERE version = ?').pluck().get(version) as string;
    // The schema of today also wants alerts.monitoring, which 0110 adds (0110_credit_monitoring_alerts.test.ts reads
    // the set through 0100 and 0110 with it): here the thresholds as 0100 wrote them.
    assert.deepEqual(JSON.parse(parameters(1)), { ...older, alerts: THRESHOLDS_OF_0100 });
    assert.deepEqual(JSON.parse(parameters(2)), own);
    assert.equal(parameters(3), 'not json');
  });
});
