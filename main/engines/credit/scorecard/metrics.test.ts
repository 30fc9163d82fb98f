import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aucAndKs, brierScore, eventRateByBand, populationStability, stabilityBand } from './metrics.ts';

const close = (actual: number, expected: number, tolerance = 1e-9): void => assert.ok(Math.abs(actual - expected) < tolerance, `${actual} ≠ ${expected}`);

describe('AUC and KS', () => {
  it('match a hand-worked example', () => {
    // PD 0.1 (non), 0.4 (non), 0.35 (event), 0.8 (event). Pairs event > non-event: 0.35>0.1, 0.8>0.1, 0.8>0.4 → 3 of 4: AUC 0.75.
    // Ascending PD, cumulative shares (events, non-events): 0.1 → (0, .5); 0.35 → (.5, .5); 0.4 → (.5, 1); 0.8 → (1, 1). KS = 0.5.
    const { auc, ks } = aucAndKs(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1));
    close(auc, 0.75);
    close(ks, 0.5);
  });

  it('count a tie as half a pair (the trapezoid) and never split tied predictions in KS', () => {
    // Events at 0.5 and 0.9; non-events at 0.5 and 0.2. Pairs: (0.5, 0.5) tie ½, (0.5, 0.2) 1, (0.9, 0.5) 1, (0.9, 0.2) 1 → 3.5 / 4.
    // KS thresholds: after 0.2 → |0 − .5| = .5; after 0.5 (both tied rows) → |.5 − 1| = .5; after 0.9 → 0. KS = 0.5.
    const { auc, ks } = aucAndKs(Float64Array.of(0.5, 0.5, 0.2, 0.9), Uint8Array.of(1, 0, 0, 1));
    close(auc, 0.875);
    close(ks, 0.5);
    // All predictions tied: no information, AUC ½ and KS 0.
    const flat = aucAndKs(Float64Array.of(0.3, 0.3, 0.3), Uint8Array.of(1, 0, 0));
    close(flat.auc, 0.5);
    close(flat.ks, 0);
  });

  it('computes the Brier score', () => {
    // (0.1² + 0.4² + 0.65² + 0.2²) / 4 = (0.01 + 0.16 + 0.4225 + 0.04) / 4 = 0.158125
    close(brierScore(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1)), 0.158125);
  });

  it('counts events by right-closed score band', () => {
    const bands = eventRateByBand(Float64Array.of(500, 510, 510.5, 600), Uint8Array.of(1, 1, 0, 0), [510]);
    assert.deepEqual(
      bands.map((b) => [b.label, b.count, b.events, b.event_rate]),
      [
        ['(-inf, 510]', 2, 2, 1],
        ['(510, +inf)', 2, 0, 0],
      ],
    );
  });
});

describe('PSI', () => {
  it('matches hand-worked values and bands', () => {
    // E shares .5/.5, A shares .25/.75: (.25−.5)·ln(.5) + (.75−.5)·ln(1.5) = .173287 + .101366 = .274653 → significant.
    const shifted = populationStability([50, 50], [25, 75]);
    close(shifted.value, 0.25 * Math.log(2) + 0.25 * Math.log(1.5));
    close(shifted.value, 0.274653, 1e-6);
    assert.equal(shifted.band, 'significant');
    // E .5/.5, A .55/.45: .05·ln 1.1 − .05·ln .9 = .0047655 + .0052680 = .0100335 → stable.
    const steady = populationStability([100, 100], [110, 90]);
    close(steady.value, 0.0100335, 1e-6);
    assert.equal(steady.band, 'stable');
    assert.equal(populationStability([10, 10], [10, 10]).value, 0);
    assert.ok(Number.isFinite(populationStability([10, 0], [5, 5]).value));
    assert.deepEqual([0.05, 0.1, 0.2, 0.25, 0.4].map(stabilityBand), ['stable', 'investigate', 'investigate', 'significant', 'significant']);
  });
});
