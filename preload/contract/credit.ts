import { z } from 'zod';
import { ALERT_SEVERITIES } from './alerts.ts';
import { lifecycleFields } from './lifecycle.ts';
import { minorUnitsSchema as minor } from './money.ts';
import { DPD_BUCKETS, PERFORMING_DPD_BUCKETS, type PerformingDpdBucket } from './vocabulary.ts';

/**
 * The credit engine's shapes that cross the boundary: stored scorecards, the versioned IFRS 9 parameter set,
 * development reports, run results and portfolio analytics. Conventions: DOMAIN.md § Credit. Rates and PDs are
 * decimals; money is integer minor units in the workspace's base currency.
 */
const rate = z.number().finite().min(0).max(1);

/** Model names are unique and at most this long; the service refuses a longer one with its length (never cuts it). */
export const MODEL_NAME_MAX_LENGTH = 100;
const featureName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);

// ── Stored scorecards ────────────────────────────────────────────────────────────────────────────────────
/** A bin rule as stored: interval bounds are right-closed (lower, upper]; null is an open end (∓∞). */
export const binRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interval'), lower: z.number().finite().nullable(), upper: z.number().finite().nullable() }).strict(),
  z.object({ kind: z.literal('missing') }).strict(),
  z.object({ kind: z.literal('special'), value: z.number().finite() }).strict(),
  z.object({ kind: z.literal('levels'), levels: z.array(z.string().max(200)).min(1).max(500) }).strict(),
  z.object({ kind: z.literal('other'), levels: z.array(z.string().max(200)).max(500) }).strict(),
]);
export type StoredBinRule = z.infer<typeof binRuleSchema>;

export const binningSchema = z
  .object({
    name: featureName,
    type: z.enum(['numeric', 'categorical']),
    bins: z.array(z.object({ label: z.string().max(300), rule: binRuleSchema }).strict()).min(1).max(100),
    specialValues: z.array(z.number().finite()).max(20),
  })
  .strict();
export type StoredBinning = z.infer<typeof binningSchema>;

/** DOMAIN.md § Credit, Points; round_points: whole points per bin, the score their sum (absent in models saved before it). */
export const scalingSchema = z
  .object({ pdo: z.number().positive().max(1000), base_score: z.number().finite().min(-1e6).max(1e6), base_odds: z.number().positive().max(1e6), round_points: z.boolean().optional() })
  .strict();
export type StoredScaling = z.infer<typeof scalingSchema>;
/** DOMAIN.md's defaults: 600 points at odds 50:1, 20 points to double the odds. */
export const DEFAULT_SCALING = { pdo: 20, base_score: 600, base_odds: 50 } as const;

/** Everything needed to re-score new data exactly: bins with their WOE, coefficients in model order, scaling. */
export const storedScorecardSchema = z
  .object({
    features: z.array(featureName).max(64),
    binnings: z.array(binningSchema).max(64),
    woe: z.array(z.array(z.number().finite()).max(100)).max(64),
    intercept: z.number().finite(),
    coefficients: z.array(z.number().finite()).max(64),
    scaling: scalingSchema,
  })
  .strict();
export type StoredScorecard = z.infer<typeof storedScorecardSchema>;

// ── Parameter set (versioned, with the artefact lifecycle of lifecycle.ts) ──────────────────────────────────
export const GRADES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type Grade = (typeof GRADES)[number];
export const STAGES = [1, 2, 3] as const;
export type Stage = (typeof STAGES)[number];

const severity = z.enum(ALERT_SEVERITIES);

/**
 * The early-warning alerts a credit run raises (engines/credit/alerts/early-warning.ts), compared with the previous
 * run's view of each loan, and its model-monitoring alerts (engines/credit/alerts/model-drift.ts). Required: a version
 * that predates alerts had this section written into it by migration 0100, and one that predates monitoring alerts
 * its `monitoring` part by migration 0110 (the shipped defaults of then, as literals), so that every stored version
 * says what its runs used.
 */
export const creditAlertThresholdsSchema = z
  .object({
    /** A loan whose stage rose to 2 or to 3 since the previous run: the severity for each. */
    stageMigration: z.object({ stage2: severity, stage3: severity }).strict(),
    /** A grade that fell by at least this many notches on the master scale (A … G) since the previous run. */
    gradeDrop: z.object({ notches: z.number().int().min(1).max(6), severity }).strict(),
    /** DPD reaching each of these days since the previous run (ascending): the highest one reached raises the alert. */
    dpdThresholds: z
      .array(z.object({ days: z.number().int().min(1).max(3650), severity }).strict())
      .min(1)
      .max(10)
      .refine((list) => list.every((entry, i) => i === 0 || entry.days > (list[i - 1]?.days ?? 0)), 'DPD thresholds must ascend'),
    /** A borrower whose total EAD in the run is above this limit (base-currency minor units). */
    borrowerExposure: z.object({ limitMinor: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), severity }).strict(),
    /**
     * Portfolio-level model monitoring: the PSI of the score of every loan the run scores, and the CSI of each model
     * feature, against the active model's development sample, at or above these (DOMAIN.md: ≥ 0.25 is a significant
     * shift). One severity for both.
     */
    monitoring: z.object({ scorePsi: z.number().min(0.01).max(10), featureCsi: z.number().min(0.01).max(10), severity }).strict(),
  })
  .strict();
export type CreditAlertThresholds = z.infer<typeof creditAlertThresholdsSchema>;

export const creditParametersSchema = z
  .object({
    /** Upper 12-month PD bound of grades A–F (ascending); G takes the rest up to 1. */
    masterScale: z.array(z.object({ grade: z.enum(GRADES), maxPd: rate }).strict()).length(7),
    /**
     * Multiplier of the odds PD/(1 − PD) by current DPD bucket: a behavioural overlay on the application score.
     * On the odds, so that it never pushes a PD past 1 (a PD multiplier would saturate high-risk loans at 100 %).
     */
    dpdOddsMultiplier: z.object(Object.fromEntries(PERFORMING_DPD_BUCKETS.map((bucket) => [bucket, z.number().min(0).max(100)])) as Record<PerformingDpdBucket, z.ZodNumber>).strict(),
    staging: z
      .object({
        /** Stage 2 above this many days past due (DOMAIN.md: 30). */
        sicrDpd: z.number().int().min(1).max(89),
        /** Stage 2 when remaining-life PD has grown beyond this multiple of its value at origination. */
        sicrPdMultiple: z.number().min(1).max(100),
        /** Stage 3 from this many days past due (DOMAIN.md: 90). */
        impairedDpd: z.number().int().min(30).max(365),
      })
      .strict(),
    /** LGD: the most specific rule wins (product and collateral, then collateral, then product, then the default). */
    lgd: z
      .object({
        default: rate,
        rules: z.array(z.object({ product: z.string().min(1).max(64).nullable(), collateralType: z.string().min(1).max(64).nullable(), lgd: rate }).strict()).max(100),
      })
      .strict(),
    /** Credit conversion factor on undrawn commitments, by product (default for the rest). */
    ccf: z.object({ default: rate, byProduct: z.record(z.string().min(1).max(64), rate) }).strict(),
    /** Pricing check: a loan's rate must cover funding cost + expected loss (PD × LGD) + operating cost + margin. */
    pricing: z.object({ fundingCost: rate, operatingCost: rate, margin: rate }).strict(),
    alerts: creditAlertThresholdsSchema,
  })
  .strict();
export type CreditParameters = z.infer<typeof creditParametersSchema>;

export const parameterSetSchema = z.object({ version: z.number().int().min(1), note: z.string(), parameters: creditParametersSchema, ...lifecycleFields });
export type ParameterSet = z.infer<typeof parameterSetSchema>;

/** A parameter set shipped in resources/parameter-sets/ (the defaults a workspace starts with), as the file holds it. */
export const shippedParameterSetSchema = z.object({ note: z.string().trim().min(1).max(500), parameters: creditParametersSchema }).strict();
export type ShippedParameterSet = z.infer<typeof shippedParameterSetSchema>;

// ── Scorecard development on the workspace ──────────────────────────────────────────────────────────────
export const developmentOptionsSchema = z
  .object({
    holdoutFraction: z.number().min(0).max(0.9).default(0.3),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
    minBinShare: z.number().gt(0).lt(0.5).default(0.05),
    monotonic: z.boolean().default(true),
    ivThreshold: z.number().min(0).max(1).default(0.02),
    maxCorrelation: z.number().gt(0).max(1).default(0.7),
    /** Candidate features to leave out (see CREDIT_FEATURES). */
    exclude: z.array(featureName).max(64).default([]),
    /** Bins edited by hand, used as they are. */
    binnings: z.array(binningSchema).max(64).default([]),
    /** The score scale of the points table and the scores. */
    scaling: scalingSchema.default(DEFAULT_SCALING),
    /** Coefficients with a Wald p-value above this are flagged not significant. */
    pValueThreshold: z.number().gt(0).lt(1).default(0.05),
  })
  .strict();
export type DevelopmentOptions = z.infer<typeof developmentOptionsSchema>;

/**
 * What the builder flags in a bin (engines/credit/scorecard/bin-flags.ts): empty (no rows: refused, no WOE), small
 * (below the minimum bin share), no_events / no_non_events (one class: its WOE is the smoothed one), not_monotonic
 * (its event rate breaks the trend of a feature binned monotonic).
 */
export const BIN_FLAGS = ['empty', 'small', 'no_events', 'no_non_events', 'not_monotonic'] as const;
export type BinFlag = (typeof BIN_FLAGS)[number];
/** What the fit flags in a coefficient: a positive one (WOE positive = better, so it should be negative), p above the threshold. */
export const COEFFICIENT_FLAGS = ['wrong_sign', 'not_significant'] as const;
export type CoefficientFlag = (typeof COEFFICIENT_FLAGS)[number];

export const metricsSchema = z.object({ auc: z.number(), gini: z.number(), ks: z.number(), brier: z.number(), rows: z.number().int() });
const curvePoint = z.object({ x: z.number(), y: z.number() });
export const scoreBandSchema = z.object({ band: z.string(), lower: z.number().nullable(), upper: z.number().nullable(), rows: z.number().int(), events: z.number().int(), eventRate: z.number(), meanPd: z.number() });
/** DOMAIN.md's PSI bands: < 0.1 stable, 0.1–0.25 investigate, ≥ 0.25 significant shift. */
export const stabilityBand = z.enum(['stable', 'investigate', 'significant']);
const ivBand = z.enum(['useless', 'weak', 'medium', 'strong', 'suspicious']);

export const binReportSchema = z.object({
  label: z.string(),
  count: z.number().int(),
  events: z.number().int(),
  eventRate: z.number(),
  woe: z.number(),
  points: z.number().nullable(),
  /** Absent in reports saved before bins were flagged. */
  flags: z.array(z.enum(BIN_FLAGS)).optional(),
});
export type BinReportRow = z.infer<typeof binReportSchema>;

/**
 * Why a candidate feature was left out of the model, as figures the screens put into words: an IV below the floor, or
 * a WOE column that correlates beyond the limit with a higher-IV feature already in. Reports saved before this was
 * recorded have only `reason`, the same in English.
 */
export const featureExclusionSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('low_iv'), iv: z.number(), minIv: z.number() }),
  z.object({ code: z.literal('correlated'), correlation: z.number(), with: z.string(), maxCorrelation: z.number() }),
]);
export type FeatureExclusion = z.infer<typeof featureExclusionSchema>;

/** How the development sample was drawn: loans seasoned this many months before the latest performance month (null: none yet). */
export const sampleDefinitionSchema = z.object({ seasoningMonths: z.number().int(), latestMonth: z.string().nullable() });
export type SampleDefinition = z.infer<typeof sampleDefinitionSchema>;

export const featureReportSchema = z.object({
  name: z.string(),
  type: z.enum(['numeric', 'categorical']),
  iv: z.number(),
  ivBand,
  selected: z.boolean(),
  reason: z.string().nullable(),
  exclusion: featureExclusionSchema.nullable().optional(),
  /** The bins were edited by hand (absent in reports saved before this was recorded). */
  handBinned: z.boolean().optional(),
  bins: z.array(binReportSchema),
  binning: binningSchema,
});

const roundingEffectSchema = z.object({ exact: z.number(), rounded: z.number() });

/** Flagged bins of hand-binned model features that a user accepted knowingly when saving the model. */
export const flaggedBinSchema = z.object({ feature: z.string(), label: z.string(), flags: z.array(z.enum(BIN_FLAGS)) });
export type FlaggedBin = z.infer<typeof flaggedBinSchema>;
export const binAcceptanceSchema = z.object({ acceptedBy: z.string(), acceptedAt: z.string(), bins: z.array(flaggedBinSchema) });

/** A scorecard development: what the builder shows, and what a saved model keeps as its report. */
export const developmentReportSchema = z.object({
  rows: z.number().int(),
  events: z.number().int(),
  /** SHA-256 of the development rows (loan ids, event flags and feature values, in loan-id order). */
  trainingHash: z.string(),
  /** How the event and the sample were defined, in English words (what reports saved before `sampleDefinition` have). */
  sample: z.string(),
  sampleDefinition: sampleDefinitionSchema.optional(),
  features: z.array(featureReportSchema),
  model: z.object({
    status: z.enum(['converged', 'separation', 'singular', 'not_converged', 'one_class']),
    message: z.string().nullable(),
    intercept: z.number().nullable(),
    coefficients: z.array(z.object({ feature: z.string(), coef: z.number(), se: z.number(), pValue: z.number(), flags: z.array(z.enum(COEFFICIENT_FLAGS)).optional() })),
    iterations: z.number().int(),
    pValueThreshold: z.number().optional(),
  }),
  scaling: scalingSchema,
  metrics: z.object({ train: metricsSchema, holdout: metricsSchema.nullable() }).nullable(),
  /** ROC (x: false positive rate, y: true positive rate) and KS (x: score, y: cumulative shares) curves, thinned to ≤ 200 points. */
  curves: z
    .object({
      roc: z.object({ train: z.array(curvePoint), holdout: z.array(curvePoint).nullable() }),
      ks: z.object({ events: z.array(curvePoint), nonEvents: z.array(curvePoint) }),
    })
    .nullable(),
  /** Calibration: event rate against mean PD by score band (training deciles). */
  bands: z.object({ train: z.array(scoreBandSchema), holdout: z.array(scoreBandSchema).nullable() }).nullable(),
  stability: z
    .object({ score: z.object({ value: z.number(), band: stabilityBand }), features: z.array(z.object({ feature: z.string(), value: z.number(), band: stabilityBand })) })
    .nullable(),
  scorecard: storedScorecardSchema.nullable(),
  /** AUC with exact points and with whole points per bin, on the training rows and the holdout (absent in older reports). */
  rounding: z.object({ train: roundingEffectSchema, holdout: roundingEffectSchema.nullable() }).nullable().optional(),
  /** Set when the model is saved: the flagged bins its author accepted knowingly. */
  acceptance: binAcceptanceSchema.optional(),
});
export type DevelopmentReport = z.infer<typeof developmentReportSchema>;

/**
 * The bins a user must accept knowingly before a development is saved as a model: flagged bins of the features the
 * model uses whose bins were edited by hand (automatic bins are merged by the binning itself until they pass).
 */
export function flaggedHandBins(report: DevelopmentReport): FlaggedBin[] {
  const used = new Set(report.scorecard?.features ?? []);
  return report.features
    .filter((feature) => feature.handBinned === true && used.has(feature.name))
    .flatMap((feature) => feature.bins.flatMap((bin) => (bin.flags && bin.flags.length > 0 ? [{ feature: feature.name, label: bin.label, flags: bin.flags }] : [])));
}

export const binEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('split'), index: z.number().int().min(0).max(99), at: z.number().finite() }).strict(),
  z.object({ op: z.literal('merge'), index: z.number().int().min(0).max(99) }).strict(),
  z.object({ op: z.literal('move'), index: z.number().int().min(0).max(99), to: z.number().finite() }).strict(),
]);
export type BinEditRequest = z.infer<typeof binEditSchema>;

export const binningEvaluationSchema = z.object({ binning: binningSchema, bins: z.array(binReportSchema), iv: z.number(), ivBand });
export type BinningEvaluation = z.infer<typeof binningEvaluationSchema>;

// ── Models ──────────────────────────────────────────────────────────────────────────────────────────────
export const modelSummarySchema = z.object({
  modelId: z.number().int(),
  name: z.string(),
  ...lifecycleFields,
  trainingHash: z.string(),
  rows: z.number().int(),
  features: z.array(z.string()),
  metrics: z.object({ train: metricsSchema, holdout: metricsSchema.nullable() }).nullable(),
});
export type ModelSummary = z.infer<typeof modelSummarySchema>;
export const modelDetailSchema = modelSummarySchema.extend({ report: developmentReportSchema });
export type ModelDetail = z.infer<typeof modelDetailSchema>;

// ── Runs (PD, grade, stage, ECL per loan) ───────────────────────────────────────────────────────────────
const totals = { loans: z.number().int(), eadMinor: minor, eclMinor: minor };
export const runTotalsSchema = z.object({
  ...totals,
  byStage: z.array(z.object({ stage: z.enum(['1', '2', '3']), ...totals })),
  byGrade: z.array(z.object({ grade: z.enum(GRADES), ...totals, meanPd: z.number() })),
  byStageGrade: z.array(z.object({ stage: z.enum(['1', '2', '3']), grade: z.enum(GRADES), ...totals })),
  pricing: z.object({ below: z.number().int(), belowOutstandingMinor: minor }),
});
export type RunTotals = z.infer<typeof runTotalsSchema>;

export const runSummarySchema = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  startedBy: z.string(),
  finishedAt: z.string(),
  modelId: z.number().int(),
  modelName: z.string(),
  parameterVersion: z.number().int(),
  currency: z.string(),
  totals: runTotalsSchema,
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** What a credit run's job returns: its summary and the alerts it emitted (new ones, and open ones seen again). */
export const creditRunResultSchema = runSummarySchema.extend({ alerts: z.object({ raised: z.number().int().min(0), repeated: z.number().int().min(0), casesOpened: z.number().int().min(0) }) });
export type CreditRunResult = z.infer<typeof creditRunResultSchema>;

/**
 * Why a loan is in its IFRS 9 stage (DOMAIN.md § Credit), as figures the screens put into words in the user's
 * language: 90+ DPD (`impaired_dpd`) or a defaulted or written-off status (`impaired_status`) make stage 3; otherwise
 * the two tests for a significant increase in credit risk, each with whether it was met (`sicr`: stage 2 when either
 * is, stage 1 when neither).
 */
export const stageReasonSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('impaired_dpd'), dpd: z.number().int(), impairedDpd: z.number().int() }),
  z.object({ code: z.literal('impaired_status'), status: z.string() }),
  z.object({
    code: z.literal('sicr'),
    dpd: z.number().int(),
    sicrDpd: z.number().int(),
    dpdBeyond: z.boolean(),
    pdLifetimeNow: z.number(),
    pdLifetimeAtOrigination: z.number(),
    pdMultiple: z.number(),
    pdBeyond: z.boolean(),
  }),
]);
export type StageReason = z.infer<typeof stageReasonSchema>;

export const eclMonthSchema = z.object({ month: z.number().int(), marginalPd: z.number(), survival: z.number(), eadMinor: z.number(), lgd: z.number(), discountFactor: z.number(), eclMinor: z.number() });
export const loanRiskSchema = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  score: z.number(),
  pd12m: z.number(),
  pdOrigination: z.number(),
  pdLifetime: z.number(),
  grade: z.enum(GRADES),
  stage: z.enum(['1', '2', '3']),
  stageReason: stageReasonSchema,
  lgd: z.number(),
  eadMinor: minor,
  eclMinor: minor,
  requiredRate: z.number(),
  reasonCodes: z.array(z.object({ feature: z.string(), pointsLost: z.number() })),
  /** The ECL month by month, recomputed from the run's inputs (stage 3: one line, no discounting). */
  schedule: z.array(eclMonthSchema),
});
export type LoanRisk = z.infer<typeof loanRiskSchema>;

/** A loan in one finished credit run, for its risk over time: the run's as-of, PD, grade, stage and DPD. */
export const loanRiskPointSchema = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  pd12m: z.number(),
  grade: z.enum(GRADES),
  stage: z.enum(['1', '2', '3']),
  /** Null for runs from before DPD was recorded (schema 100). */
  dpd: z.number().int().nullable(),
});
export type LoanRiskPoint = z.infer<typeof loanRiskPointSchema>;

export const pricingRowSchema = z.object({
  loan_id: z.string(),
  product: z.string(),
  grade: z.string(),
  interest_rate: z.number(),
  required_rate: z.number(),
  shortfall: z.number(),
  pd_12m: z.number(),
  lgd: z.number(),
  outstanding_balance_minor: minor.nullable(),
});
export type PricingRow = z.infer<typeof pricingRowSchema>;
export const PRICING_COLUMNS = pricingRowSchema.keyof().options;

// ── Portfolio analytics ─────────────────────────────────────────────────────────────────────────────────
export const vintageSchema = z.object({
  /** Origination quarter, e.g. 2024-Q3. */
  vintage: z.string(),
  loans: z.number().int(),
  /** Cumulative default rate by months on book (index 0 = MOB 1), up to the last month observed. */
  cumulativeDefaultRate: z.array(z.number()),
});
export const rollRateSchema = z.object({
  /** YYYY-MM of the later month (the transition is from the month before). */
  month: z.string(),
  buckets: z.array(z.enum(DPD_BUCKETS)),
  /** counts[from][to], loans present in both months. */
  counts: z.array(z.array(z.number().int())),
});
export const concentrationSchema = z.object({
  dimension: z.enum(['region', 'product', 'industry']),
  hhi: z.number(),
  /** Equivalent number of equal exposures, 1 / HHI. */
  effectiveNumber: z.number(),
  items: z.array(z.object({ key: z.string(), loans: z.number().int(), outstandingMinor: minor, share: z.number() })),
});
export const creditAnalyticsSchema = z.object({
  currency: z.string(),
  vintages: z.array(vintageSchema),
  rollRates: z.array(rollRateSchema),
  concentration: z.array(concentrationSchema),
});
export type CreditAnalytics = z.infer<typeof creditAnalyticsSchema>;

/** PSI of the score and CSI of each feature per origination quarter, against the model's development sample. */
export const modelMonitoringSchema = z.object({
  modelId: z.number().int(),
  periods: z.array(z.object({ period: z.string(), loans: z.number().int(), psi: z.number(), psiBand: stabilityBand, csi: z.array(z.object({ feature: z.string(), value: z.number(), band: stabilityBand })) })),
  /** Observed default rate against mean PD by score band on the current portfolio. */
  calibration: z.array(scoreBandSchema),
});
export type ModelMonitoring = z.infer<typeof modelMonitoringSchema>;

// ── Run history and CSV exports ──────────────────────────────────────────────────────────────────────────
/** One credit run as the runs list shows it: when, who, with which model and parameter set, over how many loans. */
export const runHistoryRowSchema = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  /** A run is stored as running while it scores, and finished with its totals; a failed run leaves no row. */
  status: z.enum(['running', 'finished']),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  modelId: z.number().int(),
  modelName: z.string(),
  parameterVersion: z.number().int(),
  /** The loans scored, and their ECL in the run's currency: null until the run has finished. */
  loans: z.number().int().nullable(),
  eclMinor: minor.nullable(),
  currency: z.string().nullable(),
});
export type RunHistoryRow = z.infer<typeof runHistoryRowSchema>;

/** A CSV small enough to hand over in one answer (a list, not the loan book): the name to save it under and its text. */
export const csvFileSchema = z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int(), sha256: z.string() });
export type CsvFile = z.infer<typeof csvFileSchema>;
