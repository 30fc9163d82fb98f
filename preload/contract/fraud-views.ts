import { z } from 'zod';
import { ALERT_STATUSES } from './alerts.ts';
import { minorUnitsSchema as minor } from './money.ts';

/**
 * What the fraud screens read of the fraud runs: the latest finished run's flags as a grid, one transaction's decision
 * explained rule by rule, the ring of accounts, devices and IPs around an account, and the run's flags per day.
 * A run decides each transaction with its rule set version: the rules that fired (in the set's order), the features
 * each read, and the summed score against the set's review and block thresholds.
 */
export const FRAUD_ACTIONS = ['review', 'block'] as const;
export type FraudAction = (typeof FRAUD_ACTIONS)[number];

const txId = z.string().min(1).max(128);
const accountId = z.string().min(1).max(128);

/** A flag of the latest finished fraud run as a row of its grid (column ids); the alert and case it was filed into. */
export const fraudAlertRowSchema = z.object({
  tx_id: z.string(),
  account_id: z.string(),
  ts: z.string(),
  amount_minor: minor,
  currency: z.string(),
  score: z.number(),
  action: z.enum(FRAUD_ACTIONS),
  /** The ids of the rules that fired, in the rule set's order. */
  rules: z.array(z.string()),
  /** The ring's first account; null when the account was alone. */
  ring_id: z.string().nullable(),
  ring_size: z.number().int().min(1),
  alert_id: z.number().int().nullable(),
  alert_status: z.enum(ALERT_STATUSES).nullable(),
  case_id: z.number().int().nullable(),
});
export type FraudAlertRow = z.infer<typeof fraudAlertRowSchema>;

export const fraudTransactionArgsSchema = z.object({ txId }).strict();

/** A feature's value as a rule read it: a number, a string, a flag, or null where the feature had none. */
const featureValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** A fired rule as its run recorded it, with its description and expression from the rule set version. */
export const firedRuleSchema = z.object({
  id: z.string(),
  /** Null when the version no longer names the rule (it cannot: versions are immutable; kept honest all the same). */
  description: z.string().nullable(),
  expression: z.string().nullable(),
  score: z.number(),
  action: z.enum(FRAUD_ACTIONS).nullable(),
  reads: z.record(z.string(), featureValueSchema),
});
export type FiredRule = z.infer<typeof firedRuleSchema>;

const fraudThresholdsSchema = z.object({ review: z.number(), block: z.number() });

/** How the latest run that flagged a transaction decided it. */
export const fraudDecisionSchema = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  ruleSetVersion: z.number().int().nullable(),
  score: z.number(),
  action: z.enum(FRAUD_ACTIONS),
  /** Null when the run names no rule set version that is still in the workspace. */
  thresholds: fraudThresholdsSchema.nullable(),
  ringId: z.string().nullable(),
  ringSize: z.number().int().min(1),
  rules: z.array(firedRuleSchema),
});
export type FraudDecision = z.infer<typeof fraudDecisionSchema>;

export const fraudTransactionSchema = z.object({
  txId: z.string(),
  accountId: z.string(),
  ts: z.string(),
  amountMinor: minor,
  currency: z.string(),
  type: z.string().nullable(),
  channel: z.string().nullable(),
  merchantId: z.string().nullable(),
  merchantCategory: z.string().nullable(),
  counterpartyAccount: z.string().nullable(),
  country: z.string().nullable(),
  deviceId: z.string().nullable(),
  ip: z.string().nullable(),
  cardId: z.string().nullable(),
});
export type FraudTransaction = z.infer<typeof fraudTransactionSchema>;

/** One transaction of the account's history, with what the run marked it (null: not flagged). */
export const historyPointSchema = z.object({
  txId: z.string(),
  ts: z.string(),
  amountMinor: minor,
  currency: z.string(),
  action: z.enum(FRAUD_ACTIONS).nullable(),
});
export type HistoryPoint = z.infer<typeof historyPointSchema>;

export const fraudTransactionDetailSchema = z.object({
  transaction: fraudTransactionSchema,
  decision: fraudDecisionSchema.nullable(),
  /**
   * The account's transactions up to and just after this one, oldest first; marked by the run of the decision (the
   * latest finished run when there is none).
   */
  history: z.array(historyPointSchema),
});
export type FraudTransactionDetail = z.infer<typeof fraudTransactionDetailSchema>;

export const fraudRingArgsSchema = z.object({ accountId }).strict();

export const RING_NODE_KINDS = ['account', 'device', 'ip'] as const;
export type RingNodeKind = (typeof RING_NODE_KINDS)[number];

export const ringNodeSchema = z.object({
  /** Unique in the graph: `<kind>:<id>`. */
  key: z.string(),
  kind: z.enum(RING_NODE_KINDS),
  id: z.string(),
  /**
   * An account: it has a flag in the latest finished run. A device or IP: a flagged transaction of an account shown
   * here used it.
   */
  flagged: z.boolean(),
  /** An account's latest flagged transaction in that run, to open from the graph; null otherwise. */
  flaggedTxId: z.string().nullable(),
});
export type RingNode = z.infer<typeof ringNodeSchema>;

export const ringEdgeSchema = z.object({
  /** An account node's key. */
  source: z.string(),
  /** A device or IP node's key. */
  target: z.string(),
  transactions: z.number().int().min(1),
  flagged: z.boolean(),
});
export type RingEdge = z.infer<typeof ringEdgeSchema>;

export const fraudRingSchema = z.object({
  accountId: z.string(),
  nodes: z.array(ringNodeSchema),
  edges: z.array(ringEdgeSchema),
  /** The walk stopped at the node cap: more accounts, devices or IPs are connected than are shown. */
  truncated: z.boolean(),
});
export type FraudRing = z.infer<typeof fraudRingSchema>;

const fraudRunInfoSchema = z.object({
  runId: z.number().int(),
  asOf: z.string(),
  finishedAt: z.string(),
  ruleSetVersion: z.number().int().nullable(),
});

/** One day (of the flagged transactions' time, UTC) and currency of the latest run's flags. */
export const fraudDaySchema = z.object({
  day: z.string(),
  currency: z.string(),
  review: z.number().int().min(0),
  block: z.number().int().min(0),
  amountMinor: minor,
});
export type FraudDay = z.infer<typeof fraudDaySchema>;

export const fraudSummarySchema = z.object({
  /** Null until a fraud run has finished. */
  run: fraudRunInfoSchema.nullable(),
  days: z.array(fraudDaySchema),
});
export type FraudSummary = z.infer<typeof fraudSummarySchema>;
