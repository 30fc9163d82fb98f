import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coefficientFlags } from './coefficient-flags.ts';

describe('coefficientFlags', () => {
  it('flags a positive WOE coefficient as the wrong sign and a p-value above the threshold as not significant', () => {
    // WOE positive = fewer events, so in logit P(event) a working feature has a negative coefficient.
    assert.deepEqual(coefficientFlags(-0.74, 1e-30, 0.05), []);
    assert.deepEqual(coefficientFlags(0.2456, 0.1539, 0.05), ['wrong_sign', 'not_significant']);
    assert.deepEqual(coefficientFlags(-0.39, 0.0479, 0.05), []);
    assert.deepEqual(coefficientFlags(-0.39, 0.0479, 0.01), ['not_significant']);
    // At the threshold itself the feature passes; a p-value that could not be computed does not.
    assert.deepEqual(coefficientFlags(-1, 0.05, 0.05), []);
    assert.deepEqual(coefficientFlags(-1, Number.NaN, 0.05), ['not_significant']);
  });
});
