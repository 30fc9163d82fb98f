import type { DailyFlowRecord } from '../store/records.ts';
import { civilDate, daysInMonth, dayText, weekdayOf } from '../engines/calendar.ts';
import { INVESTOR_PRODUCTS, type InvestorProduct } from './investor-funding.ts';
import { STREAMS, demoRandom } from './random.ts';

/**
 * Subscriptions (inflow) and redemptions (outflow) per investor product for the 365 days up to as-of.
 *
 * Shape, as seen on real retail money-market platforms: quiet weekends and busier Mondays; salary-day inflows
 * on the 10th and 15th; month-end outflows (card repayments, rent); steady growth. One stress episode, a
 * ten-day run starting STRESS_START_DAYS_BEFORE_AS_OF days before as-of, multiplies redemptions of the
 * on-demand products up to fivefold and halves subscriptions everywhere (fixed-term money cannot leave early).
 */
export const FLOW_DAYS = 365;
const STRESS_START_DAYS_BEFORE_AS_OF = 75;
const STRESS_OUTFLOW = [2, 3.5, 5, 4.5, 3.5, 2.8, 2.2, 1.8, 1.5, 1.2];
const STRESS_INFLOW = 0.5;
const ANNUAL_GROWTH = 1.35;

/** Daily turnover as a share of the current balance. */
const TURNOVER: Readonly<Record<InvestorProduct, { inflow: number; outflow: number; onDemand: boolean }>> = {
  mmf_t0: { inflow: 0.022, outflow: 0.021, onDemand: true },
  notice_7d: { inflow: 0.008, outflow: 0.0075, onDemand: true },
  fixed_90d: { inflow: 0.0115, outflow: 0.011, onDemand: false },
};

function calendarFactors(day: number): { inflow: number; outflow: number } {
  const weekday = weekdayOf(day);
  const date = civilDate(day);
  let inflow = 1;
  let outflow = 1;
  if (weekday >= 5) {
    inflow *= 0.55;
    outflow *= 0.6;
  }
  if (weekday === 0) outflow *= 1.15;
  if (weekday === 4) inflow *= 1.1;
  if (date.day === 10 || date.day === 15) inflow *= 1.6;
  if (date.day > daysInMonth(date.year, date.month) - 3) outflow *= 1.3;
  return { inflow, outflow };
}

export function dailyFlowsFor(seed: number, asOfDay: number, dayOffset: number, balancesMinor: Record<InvestorProduct, number>): DailyFlowRecord[] {
  const day = asOfDay - FLOW_DAYS + 1 + dayOffset;
  const daysBeforeAsOf = asOfDay - day;
  const growth = Math.pow(ANNUAL_GROWTH, -daysBeforeAsOf / 365);
  const calendar = calendarFactors(day);
  const stressDay = STRESS_START_DAYS_BEFORE_AS_OF - daysBeforeAsOf;
  const stressOutflow = STRESS_OUTFLOW[stressDay] ?? 1;
  const inStress = stressDay >= 0 && stressDay < STRESS_OUTFLOW.length;
  const random = demoRandom(seed, STREAMS.dailyFlows, dayOffset);
  return INVESTOR_PRODUCTS.map((product) => {
    const turnover = TURNOVER[product];
    const level = balancesMinor[product] * growth;
    const inflow = level * turnover.inflow * calendar.inflow * (inStress ? STRESS_INFLOW : 1) * random.logNormal(1, 0.12);
    const outflow = level * turnover.outflow * calendar.outflow * (inStress && turnover.onDemand ? stressOutflow : 1) * random.logNormal(1, 0.12);
    return { date: dayText(day), product, inflow_minor: Math.round(inflow / 100) * 100, outflow_minor: Math.round(outflow / 100) * 100 };
  });
}
