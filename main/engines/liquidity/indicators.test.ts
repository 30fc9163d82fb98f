import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IndicatorThresholds, IndicatorValue } from '../../../preload/contract/liquidity.ts';
import { evaluateIndicators, indicatorTrends, type IndicatorInput, type ProductFlowSeries } from './indicators.ts';

const THRESHOLDS: IndicatorThresholds = {
  netOutflowZ: { threshold: 3, severity: 'high', historyDays: 10 },
  top10Share: { threshold: 0.4, severity: 'medium' },
  lcrFloor: { threshold: 1, severity: 'critical' },
  survivalDays: { threshold: 30, severity: 'high', scenario: 'idiosyncratic_run' },
  productConcentration: { threshold: 0.6, severity: 'low' },
};

const dates = (count: number): string[] => Array.from({ length: count }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
// The previous 10 days of a: mean 1,000; deviations +300, −300, +300, −300 and six zeros: Σ squares 360,000,
// sample variance 360,000 / 9 = 40,000, sd 200. Two wild days before them fall outside the 10-day window.
const WINDOW = [1000, 1300, 700, 1000, 1300, 700, 1000, 1000, 1000, 1000];
function seriesA(last: number): ProductFlowSeries {
  return { product: 'a', dates: dates(13), netOutflowMinor: [1_000_000, -1_000_000, ...WINDOW, last] };
}
const NEUTRAL: IndicatorInput = { history: [], top10Share: null, lcr: null, survivalDay: null, survivalHorizonDays: 90 };

function indicator(values: IndicatorValue[], name: IndicatorValue['indicator'], product: string | null = null): IndicatorValue {
  const found = values.find((value) => value.indicator === name && value.product === product);
  assert.ok(found, `no ${name} for ${product}`);
  return found;
}

describe('net_outflow_z', () => {
  test('at the threshold: (1,600 − 1,000) / 200 = 3, breached; 1,599 gives 2.995, not', () => {
    assert.deepEqual(indicator(evaluateIndicators({ ...NEUTRAL, history: [seriesA(1600)] }, THRESHOLDS), 'net_outflow_z', 'a'), {
      indicator: 'net_outflow_z',
      value: 3,
      threshold: 3,
      breached: true,
      severity: 'high',
      product: 'a',
    });
    const below = indicator(evaluateIndicators({ ...NEUTRAL, history: [seriesA(1599)] }, THRESHOLDS), 'net_outflow_z', 'a');
    assert.deepEqual([below.value, below.breached], [2.995, false]);
  });

  test('no value with fewer than 10 previous days or no spread', () => {
    const short = { product: 'b', dates: dates(10), netOutflowMinor: [5, 6, 5, 6, 5, 6, 5, 6, 5, 500] };
    const flat = { product: 'c', dates: dates(12), netOutflowMinor: [...Array.from({ length: 11 }, () => 5), 500] };
    const values = evaluateIndicators({ ...NEUTRAL, history: [short, flat] }, THRESHOLDS);
    for (const product of ['b', 'c']) assert.deepEqual([indicator(values, 'net_outflow_z', product).value, indicator(values, 'net_outflow_z', product).breached], [null, false]);
  });
});

test('top10_share: breached at the threshold, not just below, not without a value', () => {
  const at = (share: number | null) => indicator(evaluateIndicators({ ...NEUTRAL, top10Share: share }, THRESHOLDS), 'top10_share');
  assert.deepEqual([at(0.4).value, at(0.4).breached, at(0.4).severity], [0.4, true, 'medium']);
  assert.equal(at(0.3999).breached, false);
  assert.deepEqual([at(null).value, at(null).breached], [null, false]);
});

test('lcr_floor: breached just below the floor, not at it, not without an LCR', () => {
  const at = (lcr: number | null) => indicator(evaluateIndicators({ ...NEUTRAL, lcr }, THRESHOLDS), 'lcr_floor');
  assert.equal(at(1).breached, false);
  assert.deepEqual([at(0.9999).value, at(0.9999).breached], [0.9999, true]);
  assert.deepEqual([at(null).value, at(null).breached], [null, false]);
});

test('survival_days: breached below the threshold; surviving counts as the horizon', () => {
  const at = (survivalDay: number | null, survivalHorizonDays = 90) => indicator(evaluateIndicators({ ...NEUTRAL, survivalDay, survivalHorizonDays }, THRESHOLDS), 'survival_days');
  assert.deepEqual([at(30).value, at(30).breached], [30, false]);
  assert.deepEqual([at(29).value, at(29).breached], [29, true]);
  assert.deepEqual([at(null).value, at(null).breached], [90, false]);
  assert.deepEqual([at(null, 20).value, at(null, 20).breached], [20, true]);
});

describe('product_concentration', () => {
  // Latest day 2026-03-03: a redeems net 600, b 400, c takes in 500 net (does not count), d has no row that day.
  const history = (a: number, b: number): ProductFlowSeries[] => [
    { product: 'a', dates: dates(3), netOutflowMinor: [10, 10, a] },
    { product: 'b', dates: dates(3), netOutflowMinor: [10, 10, b] },
    { product: 'c', dates: dates(3), netOutflowMinor: [10, 10, -500] },
    { product: 'd', dates: dates(2), netOutflowMinor: [9_999, 9_999] },
  ];
  test('600 / (600 + 400) = 0.6 at the threshold: breached; 599 / 1,000, not', () => {
    const values = evaluateIndicators({ ...NEUTRAL, history: history(600, 400) }, THRESHOLDS);
    assert.deepEqual(
      ['a', 'b', 'c', 'd'].map((product) => [indicator(values, 'product_concentration', product).value, indicator(values, 'product_concentration', product).breached]),
      [
        [0.6, true],
        [0.4, false],
        [0, false],
        [0, false],
      ],
    );
    const below = indicator(evaluateIndicators({ ...NEUTRAL, history: history(599, 401) }, THRESHOLDS), 'product_concentration', 'a');
    assert.deepEqual([below.value, below.breached], [0.599, false]);
  });
  test('no value when nothing was redeemed net that day', () => {
    const value = indicator(evaluateIndicators({ ...NEUTRAL, history: history(0, -5) }, THRESHOLDS), 'product_concentration', 'a');
    assert.deepEqual([value.value, value.breached], [null, false]);
  });
});

test('indicatorTrends: one point per date, the largest z and the largest share of the day', () => {
  const b: ProductFlowSeries = { product: 'b', dates: dates(13).slice(10), netOutflowMinor: [50, 100, 300] };
  const [z, concentration] = indicatorTrends([seriesA(1600), b], THRESHOLDS);
  assert.equal(z?.indicator, 'net_outflow_z');
  assert.equal(z?.threshold, 3);
  assert.deepEqual(z?.points.map((point) => point.date), dates(13));
  // Days 1–10 have fewer than 10 earlier days: no z. Day 13: a's 3; b has two earlier days only, so no z of its own.
  assert.deepEqual(z?.points.slice(0, 10).map((point) => point.value), Array.from({ length: 10 }, () => null));
  assert.equal(z?.points[12]?.value, 3);
  // Concentration on day 13: a 1,600 and b 300 → 1,600 / 1,900; on day 1 only a redeems: 1.
  assert.equal(concentration?.indicator, 'product_concentration');
  assert.equal(concentration?.points[12]?.value, 1600 / 1900);
  assert.equal(concentration?.points[0]?.value, 1);
  // Day 2: a −1,000,000 (subscriptions), b no row: nothing redeemed, no value.
  assert.equal(concentration?.points[1]?.value, null);
});
