import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lifetimePd, marginalPds, monthlyHazard } from './term-structure.ts';

const close = (actual: number, expected: number, tolerance = 1e-12): void => assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('term structure', () => {
  it('takes the constant monthly hazard from the 12-month PD', () => {
    // (1 − h)^12 = 1 − PD12: PD12 = 1 − 0.99¹² gives h = 0.01.
    close(monthlyHazard(1 - 0.99 ** 12), 0.01);
    assert.equal(monthlyHazard(1), 1);
    assert.equal(monthlyHazard(0), 0);
  });

  it('compounds the 12-month survival over the horizon', () => {
    // lifetimePd(0.1, 24) = 1 − 0.9² = 0.19; 12 months give the 12-month PD back; 6 months 1 − √0.9.
    close(lifetimePd(0.1, 24), 0.19);
    close(lifetimePd(0.1, 12), 0.1);
    close(lifetimePd(0.1, 6), 1 - Math.sqrt(0.9));
    assert.equal(lifetimePd(1, 3), 1);
    assert.equal(lifetimePd(0, 36), 0);
  });

  it('gives marginal PDs S(t − 1)·h that add up to the lifetime PD', () => {
    // h = 0.01: 0.01, 0.99 · 0.01 = 0.0099, 0.99² · 0.01 = 0.009801.
    const marginal = marginalPds(1 - 0.99 ** 12, 3);
    [0.01, 0.0099, 0.009801].forEach((expected, t) => close(marginal[t] ?? Number.NaN, expected));
    const long = marginalPds(0.1, 24);
    close(
      long.reduce((sum, pd) => sum + pd, 0),
      0.19,
    );
    // PD12 = 1: everything defaults in month 1.
    assert.deepEqual(Array.from(marginalPds(1, 3)), [1, 0, 0]);
  });
});
