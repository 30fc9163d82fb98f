import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stageOf, type StagingInput } from './staging.ts';
import { TEST_CREDIT_PARAMETERS } from '../../../test-support/credit-test-parameters.ts';

const staging = TEST_CREDIT_PARAMETERS.staging;
const performing: StagingInput = { dpd: 0, status: 'current', pdLifetimeNow: 0.04, pdLifetimeAtOrigination: 0.04 };

describe('stageOf', () => {
  it('puts 90+ DPD and defaulted or written-off loans in stage 3', () => {
    assert.deepEqual(stageOf({ ...performing, dpd: 90 }, staging), { stage: 3, reason: '90 DPD ≥ 90' });
    assert.deepEqual(stageOf({ ...performing, dpd: 89 }, staging).stage, 2);
    assert.deepEqual(stageOf({ ...performing, status: 'default' }, staging), { stage: 3, reason: 'status default' });
    assert.equal(stageOf({ ...performing, status: 'Written Off' }, staging).stage, 3);
  });

  it('puts more than 30 DPD in stage 2, and exactly 30 not', () => {
    assert.deepEqual(stageOf({ ...performing, dpd: 45 }, staging), { stage: 2, reason: '45 DPD > 30' });
    assert.equal(stageOf({ ...performing, dpd: 30 }, staging).stage, 1);
  });

  it('puts a lifetime PD grown beyond 2.5 × its origination value in stage 2, and exactly 2.5 × not', () => {
    // 2.5 × 4 % = 10 %: 10.01 % is beyond, 10 % is not.
    assert.deepEqual(stageOf({ ...performing, pdLifetimeNow: 0.1001 }, staging), { stage: 2, reason: 'lifetime PD 10.01 % > 2.5 × 4.00 % at origination' });
    assert.deepEqual(stageOf({ ...performing, pdLifetimeNow: 0.1 }, staging), { stage: 1, reason: '0 DPD ≤ 30; lifetime PD 10.00 % ≤ 2.5 × 4.00 % at origination' });
  });

  it('names both triggers when both hold', () => {
    assert.equal(stageOf({ ...performing, dpd: 31, pdLifetimeNow: 0.2 }, staging).reason, '31 DPD > 30; lifetime PD 20.00 % > 2.5 × 4.00 % at origination');
  });
});
