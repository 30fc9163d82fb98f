// Liquidity parameter sets in the store on a real encrypted database: document sets named `parameters`.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { draftLifecycleFields } from '../test-support/lifecycle-expectations.ts';
import { SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT as SHIPPED } from '../test-support/shipped-liquidity-parameters.ts';
import { createTempDatabase, type TempDatabase } from '../test-support/temp-database.ts';
import { liquidityParameterSets } from './liquidity-parameter-sets.ts';

describe('liquidity parameter sets', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-liquidity-store-');
  });
  afterEach(() => temp.dispose());

  it('keeps parameter sets as documents named parameters, the shipped one active as version 1, drafts numbered after it', () => {
    const [shipped] = liquidityParameterSets.list(temp.db);
    assert.deepEqual([shipped?.version, shipped?.status, shipped?.createdBy, shipped?.parameters], [1, 'active', 'system', SHIPPED]);
    const draft = liquidityParameterSets.insertDraft(temp.db, { document: { ...SHIPPED, products: [] }, note: 'no products', createdBy: 'cole', at: 't1' });
    assert.deepEqual(draft, { version: 2, note: 'no products', parameters: { ...SHIPPED, products: [] }, ...draftLifecycleFields('cole', 't1') });
    assert.deepEqual(liquidityParameterSets.get(temp.db, 2), draft);
    assert.equal(liquidityParameterSets.active(temp.db)?.version, 1);
    assert.equal(liquidityParameterSets.lifecycle.label(2), 'liquidity parameter set version 2');
  });
});
