import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aucAndKs } from '../scorecard/metrics.ts';
import { ksCurves, rocCurve } from './curves.ts';

/** The trapezoid area under a curve. */
function area(points: readonly { x: number; y: number }[]): number {
  let sum = 0;
  for (let k = 1; k < points.length; k++) {
    const a = points[k - 1];
    const b = points[k];
    if (a && b) sum += ((b.x - a.x) * (a.y + b.y)) / 2;
  }
  return sum;
}

describe('ROC and KS curves', () => {
  it('walks the ROC by hand on four rows: PDs 0.9 (event), 0.6 (non-event), 0.4 (event), 0.1 (non-event)', () => {
    const pd = Float64Array.of(0.9, 0.6, 0.4, 0.1);
    const events = Uint8Array.of(1, 0, 1, 0);
    // Thresholds from the top: (0,0) → (0,½) → (½,½) → (½,1) → (1,1); area = ½·½ + ½·1 = 0.75.
    assert.deepEqual(rocCurve(pd, events), [
      { x: 0, y: 0 },
      { x: 0, y: 0.5 },
      { x: 0.5, y: 0.5 },
      { x: 0.5, y: 1 },
      { x: 1, y: 1 },
    ]);
    assert.equal(area(rocCurve(pd, events)), 0.75);
  });

  it('keeps tied PDs in one step (the diagonal for a constant PD)', () => {
    assert.deepEqual(rocCurve(Float64Array.of(0.3, 0.3, 0.3), Uint8Array.of(1, 0, 0)), [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
  });

  it('agrees with the AUC and KS figures on random data, and thins to the limit', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const n = 5000;
    const pd = new Float64Array(n);
    const events = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      pd[i] = Math.round(next() * 1000) / 1000;
      events[i] = next() < (pd[i] ?? 0) ? 1 : 0;
    }
    const { auc, ks } = aucAndKs(pd, events);
    const full = rocCurve(pd, events, Number.MAX_SAFE_INTEGER);
    assert.ok(Math.abs(area(full) - auc) < 1e-12, `${area(full)} vs ${auc}`);
    assert.equal(rocCurve(pd, events).length, 200);
    const scores = pd.map((p) => 600 - 100 * p);
    const curves = ksCurves(scores, events, Number.MAX_SAFE_INTEGER);
    const gap = Math.max(...curves.events.map((p, k) => Math.abs(p.y - (curves.nonEvents[k]?.y ?? 0))));
    assert.ok(Math.abs(gap - ks) < 1e-12, `${gap} vs ${ks}`);
    assert.ok(curves.events.every((p, k) => k === 0 || p.x >= (curves.events[k - 1]?.x ?? 0)), 'KS curves run up the score');
  });
});
