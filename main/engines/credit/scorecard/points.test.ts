import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { binPoints, DEFAULT_SCALING, reasonCodes, scalingConstants, scoreOfLogit } from './points.ts';

const close = (actual: number, expected: number, tolerance = 1e-9): void => assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('points', () => {
  it('scales per DOMAIN.md: 600 at odds 50:1, 20 points to double the odds', () => {
    // factor = 20 / ln 2 = 28.853900817779…; offset = 600 − factor · ln 50 = 600 − 28.8539 · 3.912023 = 487.122876…
    const { factor, offset } = scalingConstants(DEFAULT_SCALING);
    close(factor, 28.85390081777927);
    close(offset, 600 - 28.85390081777927 * Math.log(50));
    close(offset, 487.1228762045, 1e-6);
    // Odds of non-event 50 ⇔ logit P(event) = −ln 50 → 600; odds 100 → 620; odds 25 → 580.
    close(scoreOfLogit(DEFAULT_SCALING, -Math.log(50)), 600);
    close(scoreOfLogit(DEFAULT_SCALING, -Math.log(100)), 620);
    close(scoreOfLogit(DEFAULT_SCALING, -Math.log(25)), 580);
  });

  it('spreads the score over the features so that the points add up to it', () => {
    // Intercept −1, coefficients −0.8 and −1.2, WOE 0.5 and −0.25: η = −1 − 0.4 + 0.3 = −1.1; score = offset + 1.1·factor.
    const intercept = -1;
    const p1 = binPoints(DEFAULT_SCALING, -0.8, 0.5, intercept, 2);
    const p2 = binPoints(DEFAULT_SCALING, -1.2, -0.25, intercept, 2);
    close(p1 + p2, scoreOfLogit(DEFAULT_SCALING, -1.1));
    close(p1 + p2, 487.1228762045 + 1.1 * 28.85390081777927, 1e-6);
    // Per bin: −(−0.8·0.5 + (−1)/2)·factor + offset/2 = 0.9·factor + offset/2.
    close(p1, 0.9 * 28.85390081777927 + 487.1228762045 / 2, 1e-6);
  });

  it('takes any scale: PDO 40, 500 points at odds 20:1, and whole points when asked', () => {
    // factor = 40 / ln 2 = 57.707801636; offset = 500 − 57.707801636 · ln 20 (2.995732274) = 500 − 172.877123795 = 327.122876205.
    const scaling = { pdo: 40, base_score: 500, base_odds: 20 };
    const { factor, offset } = scalingConstants(scaling);
    close(factor, 57.70780163555854);
    close(offset, 327.1228762045055, 1e-9);
    close(scoreOfLogit(scaling, -Math.log(20)), 500);
    close(scoreOfLogit(scaling, -Math.log(40)), 540);
    // Intercept −1, two features: bin 1 (coef −0.8, WOE 0.5): −(−0.4 − 0.5)·factor + offset/2 = 0.9·57.7078 + 163.5614 = 215.4985;
    // bin 2 (coef −1.2, WOE −0.25): −(0.3 − 0.5)·factor + offset/2 = 0.2·57.7078 + 163.5614 = 175.1030.
    close(binPoints(scaling, -0.8, 0.5, -1, 2), 215.49845957425543, 1e-9);
    close(binPoints(scaling, -1.2, -0.25, -1, 2), 175.10299842936445, 1e-9);
    // Rounded: 215 and 175, a score of 390 where the exact one is 390.6015.
    const whole = { ...scaling, round_points: true };
    assert.equal(binPoints(whole, -0.8, 0.5, -1, 2), 215);
    assert.equal(binPoints(whole, -1.2, -0.25, -1, 2), 175);
  });

  it('gives the features that cost the most points against their best bin, largest first', () => {
    const reasons = reasonCodes(['age', 'income', 'records', 'home'], [30, 10, 50, 40], [35, 40, 50, 48]);
    assert.deepEqual(reasons, [
      { feature: 'income', pointsLost: 30 },
      { feature: 'home', pointsLost: 8 },
      { feature: 'age', pointsLost: 5 },
    ]);
    assert.deepEqual(reasonCodes(['a'], [5], [5]), []);
  });
});
