import { z } from 'zod';
import { ALERT_SEVERITIES } from './alerts.ts';
import { lifecycleFields } from './lifecycle.ts';

/**
 * The liquidity engine's shapes that cross the boundary (DOMAIN.md, Liquidity): the versioned parameter set (LCR and
 * NSFR factors, investor product terms, stress scenarios, Monte Carlo settings, early-warning thresholds), and the
 * results: the maturity ladder, the LCR and NSFR breakdowns line by line, a deterministic scenario day by day, a
 * Monte Carlo simulation's distribution, and a liquidity run's indicators.
 *
 * Money in results is in major units (a number such as 1234.56): the engine sums exactly (integer minor units in,
 * decimal arithmetic throughout) and converts once at the end. Ratios are decimals (1.25 = 125 %).
 */

// ── Categories ───────────────────────────────────────────────────────────────────────────────────────────
/** The LCR categories of `liquidity_lines` (DOMAIN.md's table), grouped by what the LCR does with them. */
export const LCR_HQLA_CATEGORIES = [
  'hqla_l1_cash',
  'hqla_l1_central_bank_reserves',
  'hqla_l1_sovereign',
  'hqla_l2a',
  'hqla_l2b_rmbs',
  'hqla_l2b_corporate',
  'hqla_l2b_equity',
] as const;
export const LCR_OUTFLOW_CATEGORIES = [
  'retail_stable',
  'retail_less_stable',
  'retail_term_gt30d',
  'small_business_stable',
  'small_business_less_stable',
  'operational_deposits',
  'nonfinancial_corporate_unsecured',
  'nonfinancial_corporate_insured',
  'financial_institution_unsecured',
  'other_legal_entity_unsecured',
  'secured_funding_l1',
  'secured_funding_l2a',
  'secured_funding_other',
  'committed_credit_retail',
  'committed_credit_nonfinancial',
  'committed_liquidity_nonfinancial',
  'committed_facility_bank',
  'committed_facility_other_financial',
  'other_contractual_outflow',
] as const;
export const LCR_INFLOW_CATEGORIES = [
  'inflow_retail',
  'inflow_nonfinancial_wholesale',
  'inflow_financial_institution',
  'inflow_reverse_repo_l1',
  'inflow_reverse_repo_l2a',
  'inflow_reverse_repo_l2b_rmbs',
  'inflow_reverse_repo_other',
  'inflow_other_contractual',
] as const;
export const LCR_CATEGORIES = [...LCR_HQLA_CATEGORIES, ...LCR_OUTFLOW_CATEGORIES, ...LCR_INFLOW_CATEGORIES] as const;
export type LcrCategory = (typeof LCR_CATEGORIES)[number];

/**
 * NSFR categories (DOMAIN.md, NSFR): available stable funding (liabilities and capital) and required stable funding
 * (assets and off-balance-sheet commitments). An NSFR CSV names these; the workspace's LCR lines and loan book are
 * mapped onto them by the engine (engines/liquidity/nsfr-mapping.ts says how).
 */
export const NSFR_ASF_CATEGORIES = [
  'asf_capital',
  'asf_liabilities_ge1y',
  'asf_retail_stable',
  'asf_retail_less_stable',
  'asf_operational_deposits',
  'asf_nonfinancial_wholesale_lt1y',
  'asf_other',
] as const;
export const NSFR_RSF_CATEGORIES = [
  'rsf_cash',
  'rsf_l1_unencumbered',
  'rsf_l2a',
  'rsf_l2b',
  'rsf_loans_fi_lt6m_l1_secured',
  'rsf_loans_fi_lt6m_other',
  'rsf_other_assets_lt1y',
  'rsf_performing_loans_ge1y_rw35',
  'rsf_performing_loans_ge1y',
  'rsf_off_balance_commitments',
  'rsf_nonperforming_and_other',
] as const;
export const NSFR_CATEGORIES = [...NSFR_ASF_CATEGORIES, ...NSFR_RSF_CATEGORIES] as const;
export type AsfCategory = (typeof NSFR_ASF_CATEGORIES)[number];
export type RsfCategory = (typeof NSFR_RSF_CATEGORIES)[number];
export type NsfrCategory = (typeof NSFR_CATEGORIES)[number];

// ── Parameter set ────────────────────────────────────────────────────────────────────────────────────────
const factor = z.number().min(0).max(1);
const severity = z.enum(ALERT_SEVERITIES);
function factorTable<const C extends readonly [string, ...string[]]>(categories: C) {
  return z.object(Object.fromEntries(categories.map((category) => [category, factor])) as { [K in C[number]]: typeof factor }).strict();
}
const productId = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a product id such as mmf_t0');
const scenarioName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a lower-case name such as idiosyncratic_run');

/**
 * An investor product's redemption terms: on demand (noticeDays 0), after a notice period, or only at the end of a
 * fixed term (termDays; its balance is taken to mature evenly over the term). Products in the daily flows that are not
 * listed here are treated as on demand, the conservative reading. In the Monte Carlo, a product's redemptions asked
 * for on day d are paid on day d + noticeDays (so none in the first noticeDays days: earlier requests are among the
 * contractual lines); fixed-term products are left out of the redemption history.
 */
const investorProductTermsSchema = z
  .object({
    product: productId,
    noticeDays: z.number().int().min(0).max(365),
    termDays: z.number().int().min(1).max(3650).nullable(),
  })
  .strict();

/**
 * A deterministic stress scenario over `horizonDays` (90 unless edited), as data. Redeemable balances run off at
 * `redemptionMultiplier` × the worst observed day of the products' daily flows (as a share of their balance) until
 * they are gone, after their notice period (engines/liquidity/scenario.ts states the whole model); subscriptions continue at `subscriptionFactor` of their average; wholesale funding
 * that matures is rolled over at `wholesaleRollover` (0 after a downgrade); HQLA haircuts widen by `extraHaircut`
 * (added to 1 − factor, capped at 1); contractual inflows arrive `inflowDelayDays` late and at `inflowFactor` of their
 * amount; committed facilities are drawn at `drawdownFactor` × their LCR run-off rate, evenly over the first 30 days.
 */
export const stressScenarioSchema = z
  .object({
    name: scenarioName,
    description: z.string().trim().max(500),
    horizonDays: z.number().int().min(1).max(365),
    redemptionMultiplier: z.number().min(0).max(100),
    subscriptionFactor: z.number().min(0).max(10),
    wholesaleRollover: factor,
    extraHaircut: z.object({ l1: factor, l2a: factor, l2b: factor }).strict(),
    inflowDelayDays: z.number().int().min(0).max(365),
    inflowFactor: factor,
    drawdownFactor: z.number().min(0).max(10),
  })
  .strict();
export type StressScenario = z.infer<typeof stressScenarioSchema>;

/**
 * Monte Carlo defaults: a screen or the CLI may override paths, days, seed and stress per simulation. Each product's
 * flows are bootstrapped as rates of its own balance, its redemptions paid after its noticeDays (the products' terms
 * above), its subscriptions on the day (engines/liquidity/monte-carlo.ts states the model).
 */
export const monteCarloSettingsSchema = z
  .object({
    paths: z.number().int().min(100).max(1_000_000),
    days: z.number().int().min(1).max(365),
    /** Consecutive history days per bootstrap block (keeps the history's autocorrelation, e.g. a run's days together). */
    blockDays: z.number().int().min(1).max(60),
    /** Redemptions (outflows) are multiplied by this, subscriptions (inflows) by subscriptionFactor. */
    outflowMultiplier: z.number().min(0).max(100),
    subscriptionFactor: z.number().min(0).max(10),
    /** Days of daily-flow history the bootstrap draws from (the most recent ones). */
    historyDays: z.number().int().min(30).max(3650),
  })
  .strict();
export type MonteCarloSettings = z.infer<typeof monteCarloSettingsSchema>;

/** A threshold that raises an alert of `severity` when breached. */
const thresholdOf = <T extends z.ZodType>(value: T) => z.object({ threshold: value, severity }).strict();

export const indicatorThresholdsSchema = z
  .object({
    /** Each product's latest day's net outflow against its previous historyDays days: alert on that product at a z-score at or above. */
    netOutflowZ: thresholdOf(z.number().min(0.5).max(20)).extend({ historyDays: z.number().int().min(10).max(3650) }).strict(),
    /** The share of the ten largest investors in all investor balances: alert at or above. */
    top10Share: thresholdOf(factor),
    /** LCR below this floor (1.0 = 100 %): alert. */
    lcrFloor: thresholdOf(z.number().min(0).max(10)),
    /** Survival horizon under this scenario shorter than this many days: alert. */
    survivalDays: thresholdOf(z.number().int().min(1).max(365)).extend({ scenario: scenarioName }).strict(),
    /** One product's share of the latest day's redemptions (all products) at or above: alert on that product. */
    productConcentration: thresholdOf(factor),
  })
  .strict();
export type IndicatorThresholds = z.infer<typeof indicatorThresholdsSchema>;

export const liquidityParametersSchema = z
  .object({
    lcr: z.object({ factors: factorTable(LCR_CATEGORIES) }).strict(),
    nsfr: z.object({ asf: factorTable(NSFR_ASF_CATEGORIES), rsf: factorTable(NSFR_RSF_CATEGORIES) }).strict(),
    products: z
      .array(investorProductTermsSchema)
      .max(50)
      .refine((list) => new Set(list.map((p) => p.product)).size === list.length, 'each product once'),
    scenarios: z
      .array(stressScenarioSchema)
      .min(1)
      .max(20)
      .refine((list) => new Set(list.map((s) => s.name)).size === list.length, 'scenario names must differ'),
    monteCarlo: monteCarloSettingsSchema,
    indicators: indicatorThresholdsSchema,
  })
  .strict()
  .refine((p) => p.scenarios.some((s) => s.name === p.indicators.survivalDays.scenario), {
    message: 'the survival indicator must name one of the scenarios',
    path: ['indicators', 'survivalDays', 'scenario'],
  });
export type LiquidityParameters = z.infer<typeof liquidityParametersSchema>;

export const liquidityParameterSetSchema = z.object({ version: z.number().int().min(1), note: z.string(), parameters: liquidityParametersSchema, ...lifecycleFields });
export type LiquidityParameterSet = z.infer<typeof liquidityParameterSetSchema>;

/** resources/parameter-sets/liquidity-default.json as the file holds it. */
export const shippedLiquidityParametersSchema = z.object({ note: z.string().trim().min(1).max(500), parameters: liquidityParametersSchema }).strict();

// ── Results ──────────────────────────────────────────────────────────────────────────────────────────────
const money = z.number().finite();
const isoDate = z.iso.date();

/** One line as weighted: amount × factor = weighted, so that a supervisor can re-add the figure by hand. */
export const weightedLineSchema = z.object({
  line_id: z.string(),
  category: z.string(),
  amount: money,
  factor,
  weighted: money,
  description: z.string().nullable().optional(),
});
export type WeightedLine = z.infer<typeof weightedLineSchema>;

/** One category's lines added up: the screens' waterfall and category table. */
export const categoryTotalSchema = z.object({ category: z.string(), lines: z.number().int(), amount: money, factor, weighted: money });
export type CategoryTotal = z.infer<typeof categoryTotalSchema>;

/**
 * The LCR exactly as DOMAIN.md states it. level1/level2a/level2b are after haircuts and before the caps; lcr is null
 * when net outflows are zero (the ratio is undefined, `lcrUndefined` says why).
 */
export const lcrBreakdownSchema = z.object({
  hqla: money,
  level1: money,
  level2a: money,
  level2b: money,
  adjustment15: money,
  adjustment40: money,
  outflows: money,
  inflows: money,
  inflows_capped: money,
  net_outflows: money,
  lcr: z.number().finite().nullable(),
  lcrUndefined: z.string().nullable(),
  categories: z.array(categoryTotalSchema),
});
export type LcrBreakdown = z.infer<typeof lcrBreakdownSchema>;

export const nsfrBreakdownSchema = z.object({
  asf: money,
  rsf: money,
  nsfr: z.number().finite().nullable(),
  nsfrUndefined: z.string().nullable(),
  categories: z.array(categoryTotalSchema),
});
export type NsfrBreakdown = z.infer<typeof nsfrBreakdownSchema>;

export const LADDER_BUCKETS = ['overnight', 'd2_7', 'd8_30', 'm1_3', 'm3_6', 'm6_12', 'gt1y'] as const;
export type LadderBucket = (typeof LADDER_BUCKETS)[number];

export const ladderSchema = z.object({
  asOf: isoDate,
  buckets: z.array(
    z.object({
      bucket: z.enum(LADDER_BUCKETS),
      /** Days after as-of the bucket covers, both ends included; toDay null: open-ended. */
      fromDay: z.number().int(),
      toDay: z.number().int().nullable(),
      inflows: money,
      outflows: money,
      gap: money,
      cumulativeGap: money,
      lines: z.number().int(),
    }),
  ),
  /** Lines left out of the contractual ladder, and why (HQLA stock without a maturity, contingent commitments, matured). */
  excluded: z.array(z.object({ reason: z.enum(['stock_without_maturity', 'contingent', 'matured']), lines: z.number().int(), amount: money })),
});
export type Ladder = z.infer<typeof ladderSchema>;

/** The workspace's position as of a date under one parameter set version. */
export const liquidityPositionSchema = z.object({
  asOf: isoDate,
  currency: z.string(),
  parameterVersion: z.number().int(),
  lines: z.number().int(),
  ladder: ladderSchema,
  lcr: lcrBreakdownSchema,
  nsfr: nsfrBreakdownSchema,
});
export type LiquidityPosition = z.infer<typeof liquidityPositionSchema>;

const scenarioDaySchema = z.object({
  day: z.number().int(),
  date: isoDate,
  outflows: money,
  inflows: money,
  net: money,
  cumulativeNet: money,
  /** Liquid assets left: the starting buffer less the cumulative net outflow (negative once it has run out). */
  bufferLeft: money,
});

/** A deterministic scenario's result. survivalDay: the first day cumulative net outflows exceed the buffer (DOMAIN.md), null if never within the horizon. */
export const scenarioResultSchema = z.object({
  asOf: isoDate,
  currency: z.string(),
  parameterVersion: z.number().int(),
  scenario: stressScenarioSchema,
  buffer: money,
  survivalDay: z.number().int().nullable(),
  days: z.array(scenarioDaySchema),
});
export type ScenarioResult = z.infer<typeof scenarioResultSchema>;

export const monteCarloRequestSchema = z
  .object({
    asOf: isoDate.optional(),
    paths: z.number().int().min(100).max(1_000_000).optional(),
    days: z.number().int().min(1).max(365).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    blockDays: z.number().int().min(1).max(60).optional(),
    outflowMultiplier: z.number().min(0).max(100).optional(),
    subscriptionFactor: z.number().min(0).max(10).optional(),
    /** Products whose flows are bootstrapped (default: every product without a fixed term in the parameter set). */
    products: z.array(productId).min(1).max(50).optional(),
  })
  .strict();
export type MonteCarloRequest = z.infer<typeof monteCarloRequestSchema>;

const quantileWithInterval = z.object({ level: z.number(), value: money, low: money, high: money });

export const monteCarloResultSchema = z.object({
  asOf: isoDate,
  currency: z.string(),
  parameterVersion: z.number().int(),
  paths: z.number().int(),
  days: z.number().int(),
  seed: z.number().int(),
  blockDays: z.number().int(),
  outflowMultiplier: z.number(),
  subscriptionFactor: z.number(),
  products: z.array(z.string()),
  historyDays: z.number().int(),
  buffer: money,
  /** Paths that ran out of buffer on day d (index d − 1); survived: paths that never did within `days`. */
  survivalHistogram: z.array(z.number().int()),
  survived: z.number().int(),
  survival30: z.number().min(0).max(1),
  /** The buffer needed to survive 30 days (min(days, 30)) at 99 % and 99.9 %, with 95 % order-statistic intervals. */
  reserve: z.array(quantileWithInterval),
  /** Cumulative net outflow by day over the first FAN_PATHS paths: the percentile bands of the fan chart. */
  fan: z.array(z.object({ day: z.number().int(), p1: money, p5: money, p25: money, p50: money, p75: money, p95: money, p99: money })),
});
export type MonteCarloResult = z.infer<typeof monteCarloResultSchema>;

/** How many of a simulation's first paths the fan chart is drawn from (all of them below this): bounded memory at any path count, and still the same paths whatever the split. */
export const FAN_PATHS = 10_000;

/**
 * What one worker returns for paths [firstPath, firstPath + count): per path, the day its buffer ran out (0: never within
 * the days) and its peak cumulative net outflow over the first min(days, 30) days (the reserve that path needs); and, for
 * those of its paths among the first FAN_PATHS, the cumulative net outflow of every day (path-major). Typed arrays, so
 * that structured cloning copies them as blocks.
 */
export const pathChunkSchema = z.object({
  firstPath: z.number().int(),
  count: z.number().int(),
  survivalDay: z.instanceof(Int32Array),
  peak30: z.instanceof(Float64Array),
  fan: z.instanceof(Float32Array),
});
export type PathChunk = z.infer<typeof pathChunkSchema>;

export const storedSimulationSchema = z.object({ simulationId: z.number().int(), startedBy: z.string(), finishedAt: z.string(), result: monteCarloResultSchema });
export type StoredSimulation = z.infer<typeof storedSimulationSchema>;

export const LIQUIDITY_INDICATORS = ['net_outflow_z', 'top10_share', 'lcr_floor', 'survival_days', 'product_concentration'] as const;
export type LiquidityIndicator = (typeof LIQUIDITY_INDICATORS)[number];

/** One indicator of a run: its value, its threshold, whether it is breached, and (net outflow z, concentration) the product it is about. */
export const indicatorValueSchema = z.object({
  indicator: z.enum(LIQUIDITY_INDICATORS),
  value: z.number().finite().nullable(),
  threshold: z.number().finite(),
  breached: z.boolean(),
  severity,
  product: z.string().nullable(),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/** A liquidity run: the position, the scenarios' survival days and the indicators as of a date, stored, with its alerts. */
export const liquidityRunResultSchema = z.object({
  runId: z.number().int(),
  asOf: isoDate,
  parameterVersion: z.number().int(),
  startedBy: z.string(),
  finishedAt: z.string(),
  currency: z.string(),
  lcr: z.number().nullable(),
  nsfr: z.number().nullable(),
  hqla: money,
  netOutflows: money,
  survival: z.array(z.object({ scenario: z.string(), survivalDay: z.number().int().nullable() })),
  indicators: z.array(indicatorValueSchema),
  alerts: z.object({ raised: z.number().int(), repeated: z.number().int(), casesOpened: z.number().int() }),
});
export type LiquidityRunResult = z.infer<typeof liquidityRunResultSchema>;

/** Each indicator's daily history for its trend line (from the daily flows for the flow indicators, from past runs for the rest). */
export const indicatorTrendSchema = z.object({
  indicator: z.enum(LIQUIDITY_INDICATORS),
  threshold: z.number().finite(),
  points: z.array(z.object({ date: isoDate, value: z.number().finite().nullable() })),
});
export type IndicatorTrend = z.infer<typeof indicatorTrendSchema>;

/** Each indicator's entry in the parameter set's thresholds. */
export const INDICATOR_THRESHOLDS = {
  net_outflow_z: 'netOutflowZ',
  top10_share: 'top10Share',
  lcr_floor: 'lcrFloor',
  survival_days: 'survivalDays',
  product_concentration: 'productConcentration',
} as const satisfies Record<LiquidityIndicator, keyof IndicatorThresholds>;

export const LIQUIDITY_ALERT_TYPES = {
  net_outflow_z: 'liquidity.net_outflow_spike',
  top10_share: 'liquidity.investor_concentration',
  lcr_floor: 'liquidity.lcr_below_floor',
  survival_days: 'liquidity.short_survival',
  product_concentration: 'liquidity.redemption_concentration',
} as const satisfies Record<LiquidityIndicator, string>;
