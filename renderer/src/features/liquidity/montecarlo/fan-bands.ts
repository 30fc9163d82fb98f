import type { MonteCarloResult } from '../../../../../preload/contract/liquidity.ts';

type FanDay = MonteCarloResult['fan'][number];

/**
 * One day of the fan as stacked areas: an invisible floor at p1, then the bands' thicknesses from the bottom up
 * (p1–p5, p5–p25, p25–p75, p75–p95, p95–p99), so that stacking them draws each band between its two percentiles.
 * The median is kept as a line of its own.
 */
export interface FanRow {
  readonly day: number;
  readonly floor: number;
  readonly low1: number;
  readonly low5: number;
  readonly middle: number;
  readonly high95: number;
  readonly high99: number;
  readonly p50: number;
}

export const FAN_STACK = ['floor', 'low1', 'low5', 'middle', 'high95', 'high99'] as const;

export function fanRows(fan: readonly FanDay[]): FanRow[] {
  return fan.map((day) => ({
    day: day.day,
    floor: day.p1,
    low1: day.p5 - day.p1,
    low5: day.p25 - day.p5,
    middle: day.p75 - day.p25,
    high95: day.p95 - day.p75,
    high99: day.p99 - day.p95,
    p50: day.p50,
  }));
}
