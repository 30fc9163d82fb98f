import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { creditParametersSchema } from '../../preload/contract/credit.ts';
import { masterScaleProblems } from '../engines/credit/ifrs9/master-scale.ts';
import { TEST_CREDIT_PARAMETERS } from './credit-test-parameters.ts';

describe('TEST_CREDIT_PARAMETERS', () => {
  it('is a valid parameter set with a sound master scale', () => {
    assert.deepEqual(creditParametersSchema.parse(TEST_CREDIT_PARAMETERS), TEST_CREDIT_PARAMETERS);
    assert.deepEqual(masterScaleProblems(TEST_CREDIT_PARAMETERS.masterScale), []);
  });
});
