import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LcrBreakdown } from '../preload/contract/liquidity.ts';
import { FAN_STACK, fanRows } from '../renderer/src/features/liquidity/montecarlo/fan-bands.ts';
import { lcrWaterfall } from '../renderer/src/features/liquidity/position/lcr-waterfall.ts';

// The liquidity screens' chart geometry (pure functions of main's figures), checked against hand-worked numbers.

/** Rounded to a millionth: the bars are drawn in floating point, 185 − 18.33 is 166.67000000000002. */
const round = (value: number) => Math.round(value * 1e6) / 1e6;

/*
 * A hand-worked LCR: L1 100, L2A 60, L2B 40 (after haircuts).
 * adjustment15 = max(40 − 15/85·160, 40 − 15/60·100, 0) = max(40 − 28.235…, 40 − 25, 0) = 15
 * adjustment40 = max(60 + 40 − 15 − 2/3·100, 0) = max(85 − 66.67, 0) = 18.33…; here rounded to 18.33 as main would send it.
 * HQLA = 100 + 60 + 40 − 15 − 18.33 = 166.67.
 * Outflows 200, inflows 180 capped at 0.75 · 200 = 150, net outflows = 200 − 150 = 50.
 */
const lcr: LcrBreakdown = {
  hqla: 166.67,
  level1: 100,
  level2a: 60,
  level2b: 40,
  adjustment15: 15,
  adjustment40: 18.33,
  outflows: 200,
  inflows: 180,
  inflows_capped: 150,
  net_outflows: 50,
  lcr: 3.3334,
  lcrUndefined: null,
  categories: [],
};

describe('lcrWaterfall', () => {
  it('stacks each add on the running total and hangs each subtraction below it', () => {
    const steps = lcrWaterfall(lcr);
    assert.deepEqual(
      steps.map((step) => [step.id, round(step.base), round(step.size), round(step.amount)]),
      [
        ['level1', 0, 100, 100],
        ['level2a', 100, 60, 60], // 100 → 160
        ['level2b', 160, 40, 40], // 160 → 200
        ['adjustment15', 185, 15, -15], // 200 → 185: the bar spans 185–200
        ['adjustment40', 166.67, 18.33, -18.33], // 185 → 166.67
        ['hqla', 0, 166.67, 166.67],
        ['outflows', 0, 200, 200],
        ['inflows_capped', 50, 150, -150], // 200 → 50
        ['net_outflows', 0, 50, 50],
      ],
    );
  });

  it('takes off a zero adjustment as 0, not −0', () => {
    const steps = lcrWaterfall({ ...lcr, adjustment15: 0 });
    assert.ok(Object.is(steps.find((step) => step.id === 'adjustment15')?.amount, 0));
  });

  it('draws a negative total below zero rather than with a negative height', () => {
    const [, , , , , , , , net] = lcrWaterfall({ ...lcr, outflows: 10, inflows_capped: 7.5, net_outflows: -1 });
    assert.deepEqual(net && [net.base, net.size], [-1, 1]);
  });
});

describe('fanRows', () => {
  it('stacks the bands so that each running sum lands on its percentile', () => {
    // p1 −50, p5 −20, p25 0, p50 10, p75 30, p95 70, p99 120: thicknesses 30, 20, 30, 40, 50 on a floor of −50.
    const [row] = fanRows([{ day: 3, p1: -50, p5: -20, p25: 0, p50: 10, p75: 30, p95: 70, p99: 120 }]);
    assert.deepEqual(row, { day: 3, floor: -50, low1: 30, low5: 20, middle: 30, high95: 40, high99: 50, p50: 10 });
    const tops = FAN_STACK.map((_, index) => FAN_STACK.slice(0, index + 1).reduce((sum, key) => sum + (row?.[key] ?? 0), 0));
    assert.deepEqual(tops, [-50, -20, 0, 30, 70, 120]); // p1, p5, p25, p75, p95, p99
  });
});
