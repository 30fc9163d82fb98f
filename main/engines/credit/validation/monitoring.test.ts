import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScoredRows } from '../scorecard/fit.ts';
import { StabilityByPeriod, type MonitoringReference } from './monitoring.ts';

/** Two score bands, (-inf, 500] and (500, +inf), and one feature of two bins. */
const REFERENCE: MonitoringReference = { scoreCuts: [500], scoreCounts: [50, 50], featureCounts: [[80, 20]] };

function scored(scores: number[], bins: number[]): ScoredRows {
  return { score: Float64Array.from(scores), pd: new Float64Array(scores.length), woe: [new Float64Array(scores.length)], bins: [Int32Array.from(bins)] };
}

describe('stability by period', () => {
  it('is zero for a period that looks like development, and matches PSI worked by hand for one that does not', () => {
    const monitor = new StabilityByPeriod(REFERENCE);
    // 2024-Q1: 2 rows in each band, 8:2 across the feature's bins → identical shares, PSI 0 and CSI 0.
    // 2024-Q2: 3 rows at or below 500 and 1 above; feature bins 1:3.
    monitor.add(['2024-Q1', '2024-Q1', '2024-Q1', '2024-Q1', '2024-Q2', '2024-Q2', '2024-Q2', '2024-Q2'], scored([400, 500, 501, 900, 300, 350, 499, 700], [0, 0, 0, 0, 0, 1, 1, 1]));
    const more = new Array<string>(6).fill('2024-Q1');
    monitor.add(more, scored([1, 2, 3, 600, 700, 800], [0, 0, 0, 0, 1, 1]));
    const [q1, q2] = monitor.result(['income']);
    assert.equal(q1?.loans, 10);
    // Q1 counts: bands 5 / 5, bins 8 / 2 → the reference shares exactly.
    assert.ok(Math.abs(q1?.psi ?? 1) < 1e-15);
    assert.ok(Math.abs(q1?.csi[0]?.value ?? 1) < 1e-15);
    // Q2 PSI = (0.75 − 0.5)·ln(0.75/0.5) + (0.25 − 0.5)·ln(0.25/0.5) = 0.25·0.405465 + 0.25·0.693147 = 0.274653.
    assert.ok(Math.abs((q2?.psi ?? 0) - (0.25 * Math.log(1.5) + 0.25 * Math.log(2))) < 1e-12);
    assert.equal(q2?.psiBand, 'significant');
    // Q2 CSI = (0.25 − 0.8)·ln(0.25/0.8) + (0.75 − 0.2)·ln(0.75/0.2).
    assert.ok(Math.abs((q2?.csi[0]?.value ?? 0) - (-0.55 * Math.log(0.25 / 0.8) + 0.55 * Math.log(0.75 / 0.2))) < 1e-12);
  });

  it('leaves values outside every development bin out of the CSI, and orders periods', () => {
    const monitor = new StabilityByPeriod(REFERENCE);
    monitor.add(['2025-Q1', '2023-Q4'], scored([100, 900], [-1, 0]));
    const periods = monitor.result(['income']);
    assert.deepEqual(
      periods.map((p) => [p.period, p.loans]),
      [
        ['2023-Q4', 1],
        ['2025-Q1', 1],
      ],
    );
    // 2025-Q1's only row has no bin: both feature counts are 0 and count 0.5 each (the PSI adjustment): shares ½, ½.
    const csi = periods[1]?.csi[0]?.value ?? 0;
    assert.ok(Math.abs(csi - ((0.5 - 0.8) * Math.log(0.5 / 0.8) + (0.5 - 0.2) * Math.log(0.5 / 0.2))) < 1e-12);
  });
});
