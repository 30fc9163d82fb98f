// 0110 writes the model-monitoring alert thresholds into every stored parameter set that lacks them: tested on a real
// encrypted file at schema 100 holding rows in every table, and on complete parameter sets of schema 90 and 100.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { creditParametersSchema } from '../../../preload/contract/credit.ts';
import { assertRowsKept, databaseAtSchema, migratedWithSampleRows } from '../../test-support/database-at-schema.ts';
import { TEST_CREDIT_PARAMETERS } from '../../test-support/credit-test-parameters.ts';

/** The thresholds the migration writes, which the shipped defaults held when it was written. */
const MONITORING_OF_0110 = { scorePsi: 0.25, featureCsi: 0.25, severity: 'high' };

describe('migration 110 (credit monitoring alerts)', () => {
  it('keeps every other row of schema 100; the parameter set’s alerts section gains its monitoring part', () => {
    const { db, before } = migratedWithSampleRows(110);
    assertRowsKept(db, Object.fromEntries(Object.entries(before).filter(([table]) => table !== 'credit_parameter_sets')));
    const sets = db.prepare('SELECT version, note, status, created_by, approved_by, activated_by, parameters FROM credit_parameter_sets').all() as { parameters: string }[];
    const beforeSets = before['credit_parameter_sets'] as { parameters: string }[];
    const [set] = sets;
    const [was] = beforeSets;
    assert.ok(set && was && sets.length === 1 && beforeSets.length === 1);
    const wasParameters = JSON.parse(was.parameters) as { alerts: object };
    assert.deepEqual(JSON.parse(set.parameters), { ...wasParameters, alerts: { ...wasParameters.alerts, monitoring: MONITORING_OF_0110 } });
  });

  it('fills complete parameter sets of schema 90 (through 0100) and 100 so that the schema reads them, and leaves the rest alone', () => {
    const at = databaseAtSchema(90, { sampleRows: false });
    const { monitoring: _shipped, ...olderAlerts } = TEST_CREDIT_PARAMETERS.alerts;
    const { alerts: _alerts, ...beforeAlerts } = TEST_CREDIT_PARAMETERS;
    const of100 = { ...TEST_CREDIT_PARAMETERS, alerts: { ...olderAlerts, gradeDrop: { notches: 3, severity: 'low' } } };
    const own = { ...TEST_CREDIT_PARAMETERS, alerts: { ...TEST_CREDIT_PARAMETERS.alerts, monitoring: { scorePsi: 0.1, featureCsi: 0.2, severity: 'critical' } } };
    const insert = at.db.prepare(
      `INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, parameters)
       VALUES (?, 'n', ?, ?, 't0', ?, 't0', ?, ?, ?)`,
    );
    insert.run(1, 'retired', 'system', 'system', 'system', 't0', JSON.stringify(beforeAlerts));
    assert.deepEqual(at.migrateTo(100), [100]);
    insert.run(2, 'active', 'ana', 'cole', 'cole', 't1', JSON.stringify(of100));
    insert.run(3, 'approved', 'ana', 'cole', null, null, JSON.stringify(own));
    insert.run(4, 'approved', 'ana', 'cole', null, null, 'not json');
    insert.run(5, 'draft', 'ana', null, null, null, JSON.stringify({ alerts: 'not an object' }));
    assert.deepEqual(at.migrateTo(110), [110]);
    const parameters = (version: number): string => at.db.prepare('SELECT parameters FROM credit_parameter_sets WHERE version = ?').pluck().get(version) as string;
    assert.deepEqual(creditParametersSchema.parse(JSON.parse(parameters(1))).alerts.monitoring, MONITORING_OF_0110);
    assert.deepEqual(creditParametersSchema.parse(JSON.parse(parameters(2))), { ...of100, alerts: { ...of100.alerts, monitoring: MONITORING_OF_0110 } });
    assert.deepEqual(JSON.parse(parameters(3)), own);
    assert.equal(parameters(4), 'not json');
    assert.deepEqual(JSON.parse(parameters(5)), { alerts: 'not an object' });
  });
});
