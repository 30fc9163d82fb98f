import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitLogistic } from './logistic.ts';

const close = (actual: number, expected: number, tolerance = 1e-9): void => assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);
const logit = (p: number): number => Math.log(p / (1 - p));

describe('fitLogistic', () => {
  it('reaches the closed-form optimum for one binary feature', () => {
    // x = 0: 20 rows, 5 events; x = 1: 10 rows, 6 events. The MLE reproduces each group's rate:
    // β₀ = logit(5/20) = −ln 3; β₁ = logit(6/10) − logit(5/20) = ln 1.5 + ln 3 = ln 4.5.
    // Standard errors: Var β₀ = 1/(20·.25·.75) + … : for a saturated 2-group model, se(β₀)² = 1/5 + 1/15 and
    // se(β₁)² = 1/5 + 1/15 + 1/6 + 1/4 (sum of reciprocal cell counts).
    const x = Float64Array.from({ length: 30 }, (_, i) => (i < 20 ? 0 : 1));
    const y = Uint8Array.from({ length: 30 }, (_, i) => ((i < 20 && i < 5) || (i >= 20 && i < 26) ? 1 : 0));
    const fit = fitLogistic([x], y);
    assert.equal(fit.status, 'converged');
    if (fit.status !== 'converged') return;
    close(fit.intercept, logit(0.25));
    close(fit.coefficients[0] ?? 0, Math.log(4.5));
    close(fit.standardErrors[0] ?? 0, Math.sqrt(1 / 5 + 1 / 15));
    close(fit.standardErrors[1] ?? 0, Math.sqrt(1 / 5 + 1 / 15 + 1 / 6 + 1 / 4));
    assert.ok(fit.iterations < 15);
    // Wald p of β₁: z = ln 4.5 / √(0.68333) = 1.50408 / 0.82664 ≈ 1.8195 → p = 2·(1 − Φ(1.8195)) ≈ 0.0688
    close(fit.pValues[1] ?? 0, 0.0688, 1e-4);
  });

  it('gives Wald p-values for two features that match the saturated closed form', () => {
    // Three groups coded by two indicators: A (0,0) 40 rows, 10 events; B (1,0) 20 rows, 10 events; C (0,1) 20 rows,
    // 2 events. Saturated, so the MLE reproduces each group's rate: β₀ = logit(.25) = −ln 3, β₁ = logit(.5) − logit(.25)
    // = ln 3, β₂ = logit(.1) − logit(.25) = −ln 3; se(β₁)² = 1/10 + 1/30 + 1/10 + 1/10 = 1/3,
    // se(β₂)² = 1/10 + 1/30 + 1/2 + 1/18 = 0.688889. Reference p-values from an independent normal tail:
    //   python3 -c "from scipy.stats import norm; import math; print(2*norm.sf(math.log(3)/math.sqrt(1/3)), 2*norm.sf(math.log(3)/math.sqrt(1/10+1/30+1/2+1/18)))"
    //   → 0.0570598203643371 0.18562265462066463 (scipy 1.17.1; z = 1.902852, −1.323640)
    const groups = [
      { x1: 0, x2: 0, rows: 40, events: 10 },
      { x1: 1, x2: 0, rows: 20, events: 10 },
      { x1: 0, x2: 1, rows: 20, events: 2 },
    ];
    const x1: number[] = [];
    const x2: number[] = [];
    const y: number[] = [];
    for (const group of groups) {
      for (let i = 0; i < group.rows; i++) {
        x1.push(group.x1);
        x2.push(group.x2);
        y.push(i < group.events ? 1 : 0);
      }
    }
    const fit = fitLogistic([Float64Array.from(x1), Float64Array.from(x2)], Uint8Array.from(y));
    assert.equal(fit.status, 'converged');
    if (fit.status !== 'converged') return;
    close(fit.intercept, -Math.log(3));
    close(fit.coefficients[0] ?? 0, Math.log(3));
    close(fit.coefficients[1] ?? 0, -Math.log(3));
    close(fit.standardErrors[1] ?? 0, Math.sqrt(1 / 3));
    close(fit.standardErrors[2] ?? 0, Math.sqrt(1 / 10 + 1 / 30 + 1 / 2 + 1 / 18));
    // The erfc approximation is good to 1.2e-7 relative.
    close(fit.pValues[1] ?? 0, 0.0570598203643371, 1e-8);
    close(fit.pValues[2] ?? 0, 0.18562265462066463, 1e-7);
  });

  it('reports perfect separation as such, with no coefficients', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const y = Uint8Array.of(0, 0, 0, 0, 1, 1, 1, 1);
    const fit = fitLogistic([x], y);
    assert.equal(fit.status, 'separation');
    assert.ok(!('coefficients' in fit));
    assert.match(fit.status === 'separation' ? fit.message : '', /separated/);
  });

  it('reports quasi-complete separation too', () => {
    // x = 1 is always an event; x = 0 has both classes.
    const x = Float64Array.of(0, 0, 0, 0, 1, 1, 1);
    const y = Uint8Array.of(0, 1, 0, 1, 1, 1, 1);
    assert.equal(fitLogistic([x], y).status, 'separation');
  });

  it('reports a singular design (a duplicated feature) as singular', () => {
    const x = Float64Array.of(0.1, 0.5, -0.3, 0.9, 0.2, -0.7);
    const y = Uint8Array.of(0, 1, 0, 1, 1, 0);
    const fit = fitLogistic([x, Float64Array.from(x, (v) => 2 * v)], y);
    assert.equal(fit.status, 'singular');
  });

  it('shrinks the coefficients with an L2 penalty, and the penalty rescues a separated set', () => {
    const x = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
    const y = Uint8Array.of(0, 0, 0, 0, 1, 1, 1, 1);
    const fit = fitLogistic([x], y, { l2: 1 });
    assert.equal(fit.status, 'converged');
    if (fit.status !== 'converged') return;
    // At the penalised optimum the gradient Σ xᵢ(yᵢ − pᵢ) − λβ₁ is zero.
    let gradient = 0;
    for (let i = 0; i < 8; i++) gradient += (x[i] ?? 0) * ((y[i] ?? 0) - 1 / (1 + Math.exp(-(fit.intercept + (fit.coefficients[0] ?? 0) * (x[i] ?? 0)))));
    close(gradient - (fit.coefficients[0] ?? 0), 0, 1e-8);
  });
});
