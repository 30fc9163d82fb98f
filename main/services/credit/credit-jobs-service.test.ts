import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { developmentOptionsSchema } from '../../../preload/contract/credit.ts';
import { isRiskDeskError } from '../../../preload/contract/errors.ts';
import { checkDevelopmentOptions } from './credit-jobs-service.ts';

describe('development options', () => {
  const defaults = developmentOptionsSchema.parse({});

  it('refuses, naming the option, what the worker would refuse: options outside the contract’s ranges', () => {
    assert.doesNotThrow(() => checkDevelopmentOptions(defaults));
    for (const [option, value] of [
      ['holdoutFraction', 0.95],
      ['seed', 2 ** 31],
    ] as const) {
      assert.throws(
        () => checkDevelopmentOptions({ ...defaults, [option]: value }),
        (error: unknown) => isRiskDeskError(error) && error.code === 'INVALID_ARGUMENT' && error.message.startsWith(`The development option ${option} is out of range: `),
        option,
      );
    }
  });

  it('refuses a feature that is not a credit feature', () => {
    assert.throws(() => checkDevelopmentOptions({ ...defaults, exclude: ['shoe_size'] }), /"shoe_size" cannot be excluded/);
  });
});
