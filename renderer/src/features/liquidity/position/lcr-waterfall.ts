import type { LcrBreakdown } from '../../../../../preload/contract/liquidity.ts';

export type WaterfallStepId = 'level1' | 'level2a' | 'level2b' | 'adjustment15' | 'adjustment40' | 'hqla' | 'outflows' | 'inflows_capped' | 'net_outflows';

/**
 * One bar of the waterfall: an invisible `base` with the visible `size` stacked on it. `amount` is the signed change
 * (negative for what is taken off) or, for a total, the total itself.
 */
export interface WaterfallStep {
  readonly id: WaterfallStepId;
  readonly kind: 'add' | 'subtract' | 'total';
  readonly amount: number;
  readonly base: number;
  readonly size: number;
}

type Move = readonly [WaterfallStepId, 'add' | 'subtract' | 'total', number];

/** Each move from a running total; a total bar stands on zero and restarts nothing (the next group starts at its own total). */
function walk(moves: readonly Move[]): WaterfallStep[] {
  let running = 0;
  return moves.map(([id, kind, value]) => {
    if (kind === 'total') {
      running = value;
      return { id, kind, amount: value, base: Math.min(0, value), size: Math.abs(value) };
    }
    const before = running;
    running = kind === 'add' ? running + value : running - value;
    // 0 − value, not −value: a zero adjustment is 0, not −0 (which would print as “−0.00”).
    return { id, kind, amount: kind === 'add' ? value : 0 - value, base: Math.min(before, running), size: Math.abs(value) };
  });
}

/**
 * The LCR as two waterfalls side by side: the stock of HQLA (L1 + L2A + L2B − the 15 % and 40 % cap adjustments =
 * HQLA) and the 30-day outflows (outflows − inflows after the 75 % cap = net outflows). The totals are main's figures,
 * not re-added here, so a bar that does not meet its total would show a disagreement rather than hide it.
 */
export function lcrWaterfall(lcr: LcrBreakdown): WaterfallStep[] {
  return [
    ...walk([
      ['level1', 'add', lcr.level1],
      ['level2a', 'add', lcr.level2a],
      ['level2b', 'add', lcr.level2b],
      ['adjustment15', 'subtract', lcr.adjustment15],
      ['adjustment40', 'subtract', lcr.adjustment40],
      ['hqla', 'total', lcr.hqla],
    ]),
    ...walk([
      ['outflows', 'total', lcr.outflows],
      ['inflows_capped', 'subtract', lcr.inflows_capped],
      ['net_outflows', 'total', lcr.net_outflows],
    ]),
  ];
}
