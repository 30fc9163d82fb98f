import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LCR_CATEGORIES, LCR_HQLA_CATEGORIES, LCR_INFLOW_CATEGORIES, LCR_OUTFLOW_CATEGORIES } from '../../../preload/contract/liquidity.ts';
import { isContingent, isLiquidityCategory, LCR_DEFAULT_FACTORS, lcrRoleOf } from './categories.ts';

describe('LCR categories', () => {
  it('are the contract’s, each with a default factor and one role', () => {
    assert.deepEqual(Object.keys(LCR_DEFAULT_FACTORS), [...LCR_CATEGORIES]);
    assert.ok(LCR_CATEGORIES.every(isLiquidityCategory));
    assert.equal(isLiquidityCategory('retail'), false);
    assert.equal(isLiquidityCategory('toString'), false, 'not fooled by what every object has');
    assert.deepEqual(LCR_HQLA_CATEGORIES.map(lcrRoleOf), LCR_HQLA_CATEGORIES.map(() => 'hqla'));
    assert.deepEqual(LCR_OUTFLOW_CATEGORIES.map(lcrRoleOf), LCR_OUTFLOW_CATEGORIES.map(() => 'outflow'));
    assert.deepEqual(LCR_INFLOW_CATEGORIES.map(lcrRoleOf), LCR_INFLOW_CATEGORIES.map(() => 'inflow'));
  });

  it('count the five committed facilities as contingent, and nothing else', () => {
    assert.deepEqual(LCR_CATEGORIES.filter(isContingent), [
      'committed_credit_retail',
      'committed_credit_nonfinancial',
      'committed_liquidity_nonfinancial',
      'committed_facility_bank',
      'committed_facility_other_financial',
    ]);
  });
});
