import type { IndicatorThresholds, IndicatorTrend, IndicatorValue } from '../../../preload/contract/liquidity.ts';

/**
 * The liquidity early-warning indicators of a run, and the daily trend of the two that the flow history gives.
 *
 * - net_outflow_z, per product: the product's last day's net outflow against the mean and sample standard deviation
 *   (n − 1) of its previous historyDays days (entries of its series, not calendar days): (x − mean) / sd. No value
 *   with fewer than 2 previous days or no spread among them. Breached at or above the threshold.
 * - top10_share: the ten largest investors' share of all balances. Breached at or above the threshold.
 * - lcr_floor: the LCR. Breached below the floor; no LCR (undefined ratio) is no breach.
 * - survival_days: the survival day of the indicator's scenario, or the scenario's horizon when it survives. Breached
 *   below the threshold.
 * - product_concentration, per product: its share of the latest day's redemptions, the latest day being the last
 *   date of any product's series (a product without a row that day redeemed nothing). Only positive net outflows
 *   count, so a product with net subscriptions has share 0. No value when no product had a net outflow that day.
 *   Breached at or above the threshold.
 */

export interface ProductFlowSeries {
  readonly product: string;
  /** Ascending ISO dates. */
  readonly dates: readonly string[];
  /** Per date: outflow − inflow (minor units). */
  readonly netOutflowMinor: readonly number[];
}

export interface IndicatorInput {
  readonly history: readonly ProductFlowSeries[];
  readonly top10Share: number | null;
  readonly lcr: number | null;
  readonly survivalDay: number | null;
  readonly survivalHorizonDays: number;
}

/** The z-score of series[at] against the up to `window` entries before it; null without 2 of them or without spread. */
/**
 * Fewer earlier days than this give no z-score: a mean and deviation of a handful of days are noise, and the first days
 * of a history would raise (and draw) spikes that say nothing. The parameter set's shortest window is as long.
 */
const MIN_Z_OBSERVATIONS = 10;

function zScoreAt(series: readonly number[], at: number, window: number): number | null {
  const from = Math.max(0, at - window);
  const n = at - from;
  if (n < MIN_Z_OBSERVATIONS) return null;
  let sum = 0;
  for (let i = from; i < at; i++) sum += series[i] as number;
  const mean = sum / n;
  let squares = 0;
  for (let i = from; i < at; i++) squares += ((series[i] as number) - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  return sd === 0 ? null : ((series[at] as number) - mean) / sd;
}

/** Per series, the index of each of its dates. */
function datePositions(history: readonly ProductFlowSeries[]): Map<string, number>[] {
  return history.map((series) => new Map(series.dates.map((date, i) => [date, i])));
}

/** Per product, its positive net outflow on `date` over all products' (null when that total is 0). */
function concentrationOn(history: readonly ProductFlowSeries[], positions: readonly Map<string, number>[], date: string): Map<string, number | null> {
  const redeemed = history.map((series, p) => {
    const at = (positions[p] as Map<string, number>).get(date);
    return at === undefined ? 0 : Math.max(0, series.netOutflowMinor[at] as number);
  });
  const total = redeemed.reduce((sum, amount) => sum + amount, 0);
  return new Map(history.map((series, i) => [series.product, total === 0 ? null : (redeemed[i] as number) / total]));
}

function latestDate(history: readonly ProductFlowSeries[]): string | null {
  let latest: string | null = null;
  for (const series of history) {
    const last = series.dates.at(-1);
    if (last !== undefined && (latest === null || last > latest)) latest = last;
  }
  return latest;
}

export function evaluateIndicators(input: IndicatorInput, thresholds: IndicatorThresholds): IndicatorValue[] {
  const values: IndicatorValue[] = [];
  const { netOutflowZ, top10Share, lcrFloor, survivalDays, productConcentration } = thresholds;
  for (const series of input.history) {
    const value = zScoreAt(series.netOutflowMinor, series.netOutflowMinor.length - 1, netOutflowZ.historyDays);
    values.push({ indicator: 'net_outflow_z', value, threshold: netOutflowZ.threshold, breached: value !== null && value >= netOutflowZ.threshold, severity: netOutflowZ.severity, product: series.product });
  }
  values.push({
    indicator: 'top10_share',
    value: input.top10Share,
    threshold: top10Share.threshold,
    breached: input.top10Share !== null && input.top10Share >= top10Share.threshold,
    severity: top10Share.severity,
    product: null,
  });
  values.push({ indicator: 'lcr_floor', value: input.lcr, threshold: lcrFloor.threshold, breached: input.lcr !== null && input.lcr < lcrFloor.threshold, severity: lcrFloor.severity, product: null });
  const survival = input.survivalDay ?? input.survivalHorizonDays;
  values.push({ indicator: 'survival_days', value: survival, threshold: survivalDays.threshold, breached: survival < survivalDays.threshold, severity: survivalDays.severity, product: null });
  const latest = latestDate(input.history);
  const shares = latest === null ? new Map<string, number | null>() : concentrationOn(input.history, datePositions(input.history), latest);
  for (const series of input.history) {
    const value = shares.get(series.product) ?? null;
    values.push({
      indicator: 'product_concentration',
      value,
      threshold: productConcentration.threshold,
      breached: value !== null && value >= productConcentration.threshold,
      severity: productConcentration.severity,
      product: series.product,
    });
  }
  return values;
}

/**
 * The daily trends of the flow indicators over the history, one point per date on which any product has a row
 * (ascending): net_outflow_z is that day's largest z-score over the products (each against its own previous
 * historyDays entries), product_concentration that day's largest product share; a point's value is null when no
 * product has one. The last point of each equals the largest value evaluateIndicators gives on the same history.
 * The other indicators' trends come from past runs, not from here.
 */
export function indicatorTrends(history: readonly ProductFlowSeries[], thresholds: IndicatorThresholds): IndicatorTrend[] {
  const dates = [...new Set(history.flatMap((series) => series.dates))].sort();
  const largest = (values: Iterable<number | null>): number | null => {
    let best: number | null = null;
    for (const value of values) if (value !== null && (best === null || value > best)) best = value;
    return best;
  };
  const positions = datePositions(history);
  const zPoints = dates.map((date) => ({
    date,
    value: largest(
      history.map((series, p) => {
        const at = (positions[p] as Map<string, number>).get(date);
        return at === undefined ? null : zScoreAt(series.netOutflowMinor, at, thresholds.netOutflowZ.historyDays);
      }),
    ),
  }));
  const concentrationPoints = dates.map((date) => ({ date, value: largest(concentrationOn(history, positions, date).values()) }));
  return [
    { indicator: 'net_outflow_z', threshold: thresholds.netOutflowZ.threshold, points: zPoints },
    { indicator: 'product_concentration', threshold: thresholds.productConcentration.threshold, points: concentrationPoints },
  ];
}
