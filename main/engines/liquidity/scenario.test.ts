import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { StressScenario } from '../../../preload/contract/liquidity.ts';
import { dayNumber } from '../calendar.ts';
import { LCR_DEFAULT_FACTORS } from './categories.ts';
import type { FlowHistory } from './flow-history.ts';
import { ScenarioBook, type ScenarioLine } from './scenario.ts';

const AS_OF = dayNumber({ year: 2026, month: 3, day: 31 });
/** Worst day 5 % of the balance; subscriptions 1 % a day on average of a balance of 100,000.00 (1,000.00 a day). */
const OUTFLOW_RATE = Float64Array.from([0.01, 0.05, 0.02]);
const INFLOW_RATE = Float64Array.from([0.005, 0.015, 0.01]);
const HISTORY: FlowHistory = {
  products: ['mmf_t0'],
  dates: ['2026-03-29', '2026-03-30', '2026-03-31'],
  outflowRate: OUTFLOW_RATE,
  inflowRate: INFLOW_RATE,
  balanceMinor: 10_000_000,
  perProduct: [{ product: 'mmf_t0', noticeDays: 0, outflowRate: OUTFLOW_RATE, inflowRate: INFLOW_RATE, balanceMinor: 10_000_000 }],
};
const NEUTRAL: StressScenario = {
  name: 'hand_worked',
  description: '',
  horizonDays: 30,
  redemptionMultiplier: 3,
  subscriptionFactor: 0,
  wholesaleRollover: 0.5,
  extraHaircut: { l1: 0, l2a: 0, l2b: 0 },
  inflowDelayDays: 1,
  inflowFactor: 0.5,
  drawdownFactor: 0,
};

function book(lines: readonly ScenarioLine[]): ScenarioBook {
  const scenarioBook = new ScenarioBook(LCR_DEFAULT_FACTORS, 2);
  for (const line of lines) scenarioBook.add(line);
  return scenarioBook;
}

// Buffer: cash 1,000.00. Redeemable: 2,000.00 retail on demand; r* = 3 × 0.05 = 0.15 → 300.00 a day.
// Interbank 100.00 due on day 3, half rolled over → 50.00 out on day 3. Retail repayments 40.00 due day 2, one day
// late, half of them → 20.00 in on day 3. No subscriptions (subscriptionFactor 0).
// Cumulative: d1 300, d2 600, d3 600 + 300 + 50 − 20 = 930, d4 1,230 > 1,000 → survival day 4.
const HAND_LINES: ScenarioLine[] = [
  { category: 'hqla_l1_cash', amountMinor: 100_000, remainingDays: null },
  { category: 'retail_less_stable', amountMinor: 200_000, remainingDays: 0 },
  { category: 'financial_institution_unsecured', amountMinor: 10_000, remainingDays: 3 },
  { category: 'inflow_retail', amountMinor: 4_000, remainingDays: 2 },
];

describe('ScenarioBook, hand-worked', () => {
  test('runs out on day 4', () => {
    const outcome = book(HAND_LINES).run(NEUTRAL, HISTORY, AS_OF);
    assert.equal(outcome.buffer, 1000);
    assert.equal(outcome.survivalDay, 4);
    assert.equal(outcome.days.length, 30);
    assert.deepEqual(outcome.days[2], { day: 3, date: '2026-04-03', outflows: 350, inflows: 20, net: 330, cumulativeNet: 930, bufferLeft: 70 });
    assert.equal(outcome.days[3]?.cumulativeNet, 1230);
    // The 2,000.00 is gone after 2,000 / 300 = 6⅔ days: day 7 pays the last 200.00, day 8 nothing.
    assert.equal(outcome.days[6]?.outflows, 200);
    assert.equal(outcome.days[7]?.outflows, 0);
    assert.equal(outcome.days.at(-1)?.cumulativeNet, 2000 + 50 - 20);
  });

  test('survives (null) when redemptions run slower: r* = 1 × 5 % → 100.00 a day, 9 days: 900 + 50 − 20 = 930 ≤ 1,000', () => {
    const outcome = book(HAND_LINES).run({ ...NEUTRAL, redemptionMultiplier: 1, horizonDays: 9 }, HISTORY, AS_OF);
    assert.equal(outcome.survivalDay, null);
    assert.equal(outcome.days.at(-1)?.cumulativeNet, 930);
    assert.equal(outcome.days.at(-1)?.bufferLeft, 70);
    // A day longer: 1,030 > 1,000 on day 10.
    assert.equal(book(HAND_LINES).run({ ...NEUTRAL, redemptionMultiplier: 1, horizonDays: 10 }, HISTORY, AS_OF).survivalDay, 10);
  });

  test('cumulative net outflow exactly at the buffer is survival (exceed, not reach)', () => {
    // 1,000.00 redeemable at 0.15 × 1,000 = 150.00 a day against a buffer of 1,000.00: six days of 150, 100 on
    // day 7, cumulative 1,000 from then on and never more.
    const outcome = book([HAND_LINES[0] as ScenarioLine, { category: 'retail_stable', amountMinor: 100_000, remainingDays: null }]).run(NEUTRAL, HISTORY, AS_OF);
    assert.deepEqual([outcome.days[5]?.cumulativeNet, outcome.days[6]?.cumulativeNet, outcome.days.at(-1)?.cumulativeNet], [900, 1000, 1000]);
    assert.equal(outcome.survivalDay, null);
  });
});

describe('ScenarioBook, line treatments', () => {
  const outflowsOf = (lines: ScenarioLine[], scenario: StressScenario = NEUTRAL): number[] => book(lines).run(scenario, HISTORY, AS_OF).days.map((day) => day.outflows);

  test('a notice period delays the run-off to its day; a term deposit is repaid whole at maturity', () => {
    const notice = outflowsOf([{ category: 'small_business_stable', amountMinor: 100_000, remainingDays: 5 }]);
    // 1,000.00 at 0.15 × 1,000 = 150.00 a day from day 5: six days of 150 (days 5–10), 100 on day 11.
    assert.deepEqual(notice.slice(0, 12), [0, 0, 0, 0, 150, 150, 150, 150, 150, 150, 100, 0]);
    const term = outflowsOf([{ category: 'retail_term_gt30d', amountMinor: 70_000, remainingDays: 12 }]);
    assert.equal(term[11], 700);
    assert.equal(term.reduce((sum, x) => sum + x, 0), 700);
  });

  test('committed facilities are drawn evenly over 30 days at drawdownFactor × run-off rate, at most in full', () => {
    // 3,000.00 of committed_credit_nonfinancial (LCR 10 %) × drawdown 2 = 20 % = 600.00, 20.00 a day for 30 days.
    const drawn = outflowsOf([{ category: 'committed_credit_nonfinancial', amountMinor: 300_000, remainingDays: 200 }], { ...NEUTRAL, drawdownFactor: 2, horizonDays: 40 });
    assert.deepEqual([drawn[0], drawn[29], drawn[30]], [20, 20, 0]);
    // × 20 = 200 % → capped at 3,000.00: 100.00 a day.
    const capped = outflowsOf([{ category: 'committed_credit_nonfinancial', amountMinor: 300_000, remainingDays: null }], { ...NEUTRAL, drawdownFactor: 20 });
    assert.equal(capped[0], 100);
  });

  test('wholesale and contractual outflows fall on their day (day 1 without one), HQLA maturities are no flow', () => {
    const outflows = outflowsOf([
      { category: 'secured_funding_other', amountMinor: 10_000, remainingDays: null },
      { category: 'operational_deposits', amountMinor: 20_000, remainingDays: -3 },
      { category: 'other_contractual_outflow', amountMinor: 5_000, remainingDays: 6 },
      { category: 'hqla_l1_sovereign', amountMinor: 1_000_000, remainingDays: 10 },
      { category: 'nonfinancial_corporate_unsecured', amountMinor: 50_000, remainingDays: 400 },
    ]);
    // Day 1: (100 + 200) × (1 − 0.5); day 6: 50 in full (no rollover of contractual payments).
    assert.deepEqual(outflows.slice(0, 7), [150, 0, 0, 0, 0, 50, 0]);
    assert.equal(outflows.reduce((sum, x) => sum + x, 0), 200);
  });

  test('subscriptions: subscriptionFactor × mean inflow rate × balance every day', () => {
    // mean(0.5 %, 1.5 %, 1 %) = 1 % of 100,000.00 = 1,000.00 a day, × 0.5.
    const outcome = book([]).run({ ...NEUTRAL, subscriptionFactor: 0.5 }, HISTORY, AS_OF);
    assert.deepEqual([outcome.days[0]?.inflows, outcome.days[29]?.inflows, outcome.days[29]?.cumulativeNet], [500, 500, -15_000]);
  });

  test('buffer: factor less extra haircut per level, never negative, whatever the maturity, no caps', () => {
    const outcome = book([
      { category: 'hqla_l1_sovereign', amountMinor: 100_000, remainingDays: 5 },
      { category: 'hqla_l2a', amountMinor: 100_000, remainingDays: null },
      { category: 'hqla_l2b_equity', amountMinor: 100_000, remainingDays: null },
    ]).run({ ...NEUTRAL, extraHaircut: { l1: 0.1, l2a: 0.05, l2b: 0.6 } }, HISTORY, AS_OF);
    // 1,000 × (1 − 0.1) + 1,000 × (0.85 − 0.05) + 1,000 × max(0, 0.5 − 0.6) = 900 + 800 + 0 (L2B above the LCR's caps would not matter).
    assert.equal(outcome.buffer, 1700);
  });

  test('many lines add up to the same outcome as one line with their sum', () => {
    const many = new ScenarioBook(LCR_DEFAULT_FACTORS, 2);
    for (let i = 0; i < 10_000; i++) many.add({ category: 'retail_less_stable', amountMinor: 20, remainingDays: i % 2 === 0 ? 0 : null });
    many.add(HAND_LINES[0] as ScenarioLine);
    const one = book([HAND_LINES[0] as ScenarioLine, { category: 'retail_less_stable', amountMinor: 200_000, remainingDays: null }]);
    assert.deepEqual(many.run(NEUTRAL, HISTORY, AS_OF), one.run(NEUTRAL, HISTORY, AS_OF));
  });
});

describe('ScenarioBook, each knob moves the result the stated way', () => {
  // Every kind of line, so that every knob has something to act on. Buffer 2,000 + 850 + 500 = 3,350; redemptions
  // 6,000 × 5 % = 300 a day, committed 10,000 × 5 % / 30 = 16.67 a day, subscriptions 0.05 × 1,000 = 50 a day:
  // cumulative 266.67 d (the 500 of wholesale on day 5 and the 500 inflow on day 3 cancel) > 3,350 first on day 13.
  const ALL: ScenarioLine[] = [
    { category: 'hqla_l1_cash', amountMinor: 200_000, remainingDays: null },
    { category: 'hqla_l2a', amountMinor: 100_000, remainingDays: null },
    { category: 'hqla_l2b_corporate', amountMinor: 100_000, remainingDays: null },
    { category: 'retail_less_stable', amountMinor: 600_000, remainingDays: 0 },
    { category: 'financial_institution_unsecured', amountMinor: 100_000, remainingDays: 5 },
    { category: 'committed_credit_retail', amountMinor: 1_000_000, remainingDays: null },
    { category: 'inflow_financial_institution', amountMinor: 100_000, remainingDays: 3 },
  ];
  const base: StressScenario = { ...NEUTRAL, redemptionMultiplier: 1, subscriptionFactor: 0.05, drawdownFactor: 1, inflowDelayDays: 0, horizonDays: 60 };
  const run = (scenario: StressScenario) => book(ALL).run(scenario, HISTORY, AS_OF);
  const baseline = run(base);
  /** Buffer left on `day` under the changed scenario minus the baseline's, to the cent (a float subtraction): negative = worse. */
  const change = (scenario: Partial<StressScenario>, day: number): number =>
    Math.round(((run({ ...base, ...scenario }).days[day - 1]?.bufferLeft as number) - (baseline.days[day - 1]?.bufferLeft as number)) * 100) / 100;

  test('the baseline runs out on day 13, so that earlier and later are both possible', () => {
    assert.equal(baseline.buffer, 3350);
    assert.equal(baseline.survivalDay, 13);
  });
  test('a higher redemption multiplier runs out sooner', () => {
    assert.ok(change({ redemptionMultiplier: 2 }, 5) < 0);
    assert.ok((run({ ...base, redemptionMultiplier: 2 }).survivalDay as number) < (baseline.survivalDay as number));
  });
  test('more subscriptions leave more buffer', () => {
    assert.equal(change({ subscriptionFactor: 0.1 }, 10), 500); // 50 more a day for 10 days
    assert.ok((run({ ...base, subscriptionFactor: 0.1 }).survivalDay as number) > 13);
  });
  test('more wholesale rollover leaves more buffer from the maturity day on', () => {
    assert.equal(change({ wholesaleRollover: 1 }, 4), 0);
    assert.equal(change({ wholesaleRollover: 1 }, 5), 500); // 1,000 × (1 − 0.5) no longer leaves
  });
  test('wider haircuts shrink the buffer, level by level', () => {
    assert.equal(run({ ...base, extraHaircut: { l1: 0.1, l2a: 0, l2b: 0 } }).buffer, baseline.buffer - 200);
    assert.equal(run({ ...base, extraHaircut: { l1: 0, l2a: 0.1, l2b: 0 } }).buffer, baseline.buffer - 100);
    assert.equal(run({ ...base, extraHaircut: { l1: 0, l2a: 0, l2b: 0.1 } }).buffer, baseline.buffer - 100);
  });
  test('late inflows leave less buffer in between, and smaller ones less for good', () => {
    assert.equal(change({ inflowDelayDays: 2 }, 3), -500); // 1,000 × 0.5 arrives on day 5 instead of 3
    assert.equal(change({ inflowDelayDays: 2 }, 5), 0);
    assert.equal(change({ inflowFactor: 0 }, 30), -500);
  });
  test('a higher drawdown factor draws more of the facilities', () => assert.equal(change({ drawdownFactor: 2 }, 30), -500));
});
