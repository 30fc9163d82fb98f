import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ivBand, weightOfEvidence } from './woe.ts';

describe('weightOfEvidence', () => {
  it('follows DOMAIN.md on a hand-worked example', () => {
    // Bin A: 10 rows, 2 events (8 non-events); bin B: 10 rows, 8 events (2 non-events). Totals: 10 events, 10 non.
    // WOE_A = ln((8/10) / (2/10)) = ln 4;  WOE_B = ln((2/10) / (8/10)) = −ln 4.
    // IV = (0.8 − 0.2)·ln 4 + (0.2 − 0.8)·(−ln 4) = 1.2·ln 4 ≈ 1.6636.
    const { woe, iv } = weightOfEvidence([{ count: 10, events: 2 }, { count: 10, events: 8 }], 10, 10);
    assert.ok(Math.abs((woe[0] ?? 0) - Math.log(4)) < 1e-12);
    assert.ok(Math.abs((woe[1] ?? 0) + Math.log(4)) < 1e-12);
    assert.ok(Math.abs(iv - 1.2 * Math.log(4)) < 1e-12);
  });

  it('adds 0.5 to both counts of a single-class bin instead of producing infinities', () => {
    // C: 5 rows, no events; D: 5 rows, all events. Totals 5 and 5.
    // C adjusted: 0.5 events, 5.5 non-events → WOE = ln((5.5/5) / (0.5/5)) = ln 11; D: ln((0.5/5)/(5.5/5)) = −ln 11.
    const { woe, iv } = weightOfEvidence([{ count: 5, events: 0 }, { count: 5, events: 5 }], 5, 5);
    assert.ok(Math.abs((woe[0] ?? 0) - Math.log(11)) < 1e-12);
    assert.ok(Math.abs((woe[1] ?? 0) + Math.log(11)) < 1e-12);
    assert.ok(Number.isFinite(iv));
    // IV = 2 · (1.1 − 0.1) · ln 11
    assert.ok(Math.abs(iv - 2 * Math.log(11)) < 1e-12);
  });

  it('bands IV per DOMAIN.md', () => {
    assert.deepEqual([0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.51].map(ivBand), ['useless', 'weak', 'weak', 'medium', 'medium', 'strong', 'strong', 'suspicious']);
  });
});
