import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { creditParametersSchema, parameterSetSchema, type CreditParameters } from '../../preload/contract/credit.ts';
import { TEST_CREDIT_PARAMETERS } from '../engines/credit/ifrs9/test-parameters.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { activateParameterSet, activeParameterSet, approveParameterSet, getParameterSet, insertDraftParameterSet, listParameterSets } from './credit-parameter-sets.ts';

/**
 * The defaults RiskDesk ships: the engine tests' parameter set with the shipped DPD odds multipliers (the engine
 * tests use steeper ones, which their hand-worked cases rely on).
 */
const SHIPPED: CreditParameters = { ...TEST_CREDIT_PARAMETERS, dpdOddsMultiplier: { current: 1, '1-29': 2, '30-59': 5, '60-89': 10 } };

describe('credit parameter sets', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-parameters-');
  });
  afterEach(() => temp.dispose());

  it('ships version 1 active, by system, with the documented defaults that the contract accepts', () => {
    const seeded = activeParameterSet(temp.db);
    assert.ok(seeded);
    const { createdAt, approvedAt, activatedAt, ...rest } = seeded;
    assert.deepEqual(rest, { version: 1, note: 'Defaults shipped with RiskDesk', status: 'active', createdBy: 'system', approvedBy: 'system', activatedBy: 'system', parameters: SHIPPED });
    assert.match(createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    assert.deepEqual([approvedAt, activatedAt], [createdAt, createdAt]);
    const stored = (temp.db.prepare('SELECT parameters FROM credit_parameter_sets WHERE version = 1').get() as { parameters: string }).parameters;
    assert.deepEqual(creditParametersSchema.parse(JSON.parse(stored)), SHIPPED);
    parameterSetSchema.parse(seeded);
  });

  it('numbers new drafts after the highest version and lists newest first', () => {
    const tighter: CreditParameters = { ...SHIPPED, staging: { ...SHIPPED.staging, sicrPdMultiple: 2 } };
    const draft = insertDraftParameterSet(temp.db, { parameters: tighter, note: 'SICR at 2x', createdBy: 'alice', at: 't1' });
    assert.deepEqual(draft, {
      version: 2,
      note: 'SICR at 2x',
      parameters: tighter,
      status: 'draft',
      createdBy: 'alice',
      createdAt: 't1',
      approvedBy: null,
      approvedAt: null,
      activatedBy: null,
      activatedAt: null,
    });
    assert.equal(insertDraftParameterSet(temp.db, { parameters: SHIPPED, note: 'again', createdBy: 'bob', at: 't2' }).version, 3);
    assert.deepEqual(listParameterSets(temp.db).map((s) => s.version), [3, 2, 1]);
    assert.deepEqual(getParameterSet(temp.db, 2), draft);
    assert.equal(getParameterSet(temp.db, 9), undefined);
  });

  it('replaces the shipped set once a draft is approved by a second person and activated', () => {
    const { version } = insertDraftParameterSet(temp.db, { parameters: SHIPPED, note: 'reviewed', createdBy: 'alice', at: 't1' });
    approveParameterSet(temp.db, version, 'bob', 't2');
    const active = activateParameterSet(temp.db, version, 'bob', 't3');
    assert.equal(activeParameterSet(temp.db)?.version, version);
    assert.deepEqual([active.status, active.activatedBy], ['active', 'bob']);
    assert.equal(getParameterSet(temp.db, 1)?.status, 'retired');
  });
});
