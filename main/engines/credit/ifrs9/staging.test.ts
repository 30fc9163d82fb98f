import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stageOf, type StagingInput } from './staging.ts';
import { TEST_CREDIT_PARAMETERS } from '../../../test-support/credit-test-parameters.ts';

const staging = TEST_CREDIT_PARAMETERS.staging;
const performing: StagingInput = { dpd: 0, status: 'current', pdLifetimeNow: 0.04, pdLifetimeAtOrigination: 0.04 };
/** The SICR reason's figures for `input`, with the two tests' outcomes given. */
const sicr = (input: StagingInput, dpdBeyond: boolean, pdBeyond: boolean) => ({
  code: 'sicr',
  dpd: input.dpd,
  sicrDpd: 30,
  dpdBeyond,
  pdLifetimeNow: input.pdLifetimeNow,
  pdLifetimeAtOrigination: input.pdLifetimeAtOrigination,
  pdMultiple: 2.5,
  pdBeyond,
});

describe('stageOf', () => {
  it('puts 90+ DPD and defaulted or written-off loans in stage 3', () => {
    assert.deepEqual(stageOf({ ...performing, dpd: 90 }, staging), { stage: 3, reason: { code: 'impaired_dpd', dpd: 90, impairedDpd: 90 } });
    assert.deepEqual(stageOf({ ...performing, dpd: 89 }, staging).stage, 2);
    assert.deepEqual(stageOf({ ...performing, status: 'default' }, staging), { stage: 3, reason: { code: 'impaired_status', status: 'default' } });
    assert.equal(stageOf({ ...performing, status: 'Written Off' }, staging).stage, 3);
  });

  it('puts more than 30 DPD in stage 2, and exactly 30 not', () => {
    const late = { ...performing, dpd: 45 };
    assert.deepEqual(stageOf(late, staging), { stage: 2, reason: sicr(late, true, false) });
    assert.equal(stageOf({ ...performing, dpd: 30 }, staging).stage, 1);
  });

  it('puts a lifetime PD grown beyond 2.5 × its origination value in stage 2, and exactly 2.5 × not', () => {
    // 2.5 × 4 % = 10 %: 10.01 % is beyond, 10 % is not.
    const grown = { ...performing, pdLifetimeNow: 0.1001 };
    const atLimit = { ...performing, pdLifetimeNow: 0.1 };
    assert.deepEqual(stageOf(grown, staging), { stage: 2, reason: sicr(grown, false, true) });
    assert.deepEqual(stageOf(atLimit, staging), { stage: 1, reason: sicr(atLimit, false, false) });
  });

  it('says both triggers held when both do', () => {
    const both = { ...performing, dpd: 31, pdLifetimeNow: 0.2 };
    assert.deepEqual(stageOf(both, staging).reason, sicr(both, true, true));
  });
});
