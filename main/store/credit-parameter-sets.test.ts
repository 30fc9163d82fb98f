import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { creditParametersSchema, parameterSetSchema, type CreditParameters } from '../../preload/contract/credit.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { DOCUMENTED_DEFAULT_PARAMETERS as SHIPPED } from '../test-support/documented-parameters.ts';
import { activeParameterSet, getParameterSet, insertDraftParameterSet, insertShippedParameterSet, listParameterSets, parameterSetLifecycle } from './credit-parameter-sets.ts';
import { draftLifecycleFields } from '../test-support/lifecycle-expectations.ts';

describe('credit parameter sets', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-parameters-');
  });
  afterEach(() => temp.dispose());

  /** What services seed from resources/ into a workspace without parameter sets. */
  const ship = () => insertShippedParameterSet(temp.db, { parameters: SHIPPED, note: 'Defaults shipped with RiskDesk', at: '2025-01-01T00:00:00.000Z' });

  it('stores the shipped set as version 1: active, authored, approved and activated by system, never submitted', () => {
    assert.equal(activeParameterSet(temp.db), null);
    const shipped = ship();
    const at = '2025-01-01T00:00:00.000Z';
    assert.deepEqual(shipped, {
      version: 1,
      note: 'Defaults shipped with RiskDesk',
      parameters: SHIPPED,
      status: 'active',
      createdBy: 'system',
      createdAt: at,
      submittedBy: null,
      submittedAt: null,
      approvedBy: 'system',
      approvedAt: at,
      approvalComment: null,
      activatedBy: 'system',
      activatedAt: at,
      activationComment: null,
      rejectedBy: null,
      rejectedAt: null,
      rejectionReason: null,
    });
    assert.deepEqual(activeParameterSet(temp.db), shipped);
    const stored = (temp.db.prepare('SELECT parameters FROM credit_parameter_sets WHERE version = 1').get() as { parameters: string }).parameters;
    assert.deepEqual(creditParametersSchema.parse(JSON.parse(stored)), SHIPPED);
    parameterSetSchema.parse(shipped);
  });

  it('numbers new drafts after the highest version and lists newest first', () => {
    ship();
    const tighter: CreditParameters = { ...SHIPPED, staging: { ...SHIPPED.staging, sicrPdMultiple: 2 } };
    const draft = insertDraftParameterSet(temp.db, { parameters: tighter, note: 'SICR at 2x', createdBy: 'alice', at: 't1' });
    assert.deepEqual(draft, {
      version: 2,
      note: 'SICR at 2x',
      parameters: tighter,
      ...draftLifecycleFields('alice', 't1'),
    });
    assert.equal(insertDraftParameterSet(temp.db, { parameters: SHIPPED, note: 'again', createdBy: 'bob', at: 't2' }).version, 3);
    assert.deepEqual(listParameterSets(temp.db).map((s) => s.version), [3, 2, 1]);
    assert.deepEqual(getParameterSet(temp.db, 2), draft);
    assert.equal(getParameterSet(temp.db, 9), undefined);
  });

  it('replaces the shipped set once a draft is submitted, approved by a second person and activated', () => {
    ship();
    const { version } = insertDraftParameterSet(temp.db, { parameters: SHIPPED, note: 'reviewed', createdBy: 'alice', at: 't1' });
    parameterSetLifecycle.submit(temp.db, version, { actor: 'alice', at: 't2' });
    parameterSetLifecycle.approve(temp.db, version, { actor: 'bob', at: 't2', words: 'Checked it' });
    const active = parameterSetLifecycle.activate(temp.db, version, { actor: 'bob', at: 't3', words: 'Checked it' });
    assert.equal(activeParameterSet(temp.db)?.version, version);
    assert.deepEqual([active.status, active.activatedBy], ['active', 'bob']);
    assert.equal(getParameterSet(temp.db, 1)?.status, 'retired');
  });
});
