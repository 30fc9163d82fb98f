import { z } from 'zod';
import { minorUnitsSchema as minor } from './money.ts';

/**
 * A backtest: a rule set version (or a draft) run over a period of the workspace's transactions, against what is known
 * of them (labels: imported ones, and case dispositions), beside the version active at the time. Nothing is flagged or
 * alerted: it answers "what would this version have done", and is stored with the versions it compared.
 *
 * What counts as fraud: a transaction labelled `fraud` (any source), or else one whose alert's case was closed as
 * confirmed fraud. Known genuine: labelled `legit`, or else closed as a false positive. Everything else is treated as
 * genuine, as a fraud team does (a fraud is reported sooner or later; a genuine payment never is), so precision
 * counts an unlabelled flag as a false alert.
 */
const count = z.number().int().min(0);
const ratio = z.number().min(0).max(1).nullable();

/** A version's decisions over the period. precision = true positives / flagged; recall = true positives / fraud. */
export const backtestSummarySchema = z.object({
  flagged: count,
  review: count,
  block: count,
  flaggedMinor: minor,
  truePositives: count,
  precision: ratio,
  recall: ratio,
});
export type BacktestSummary = z.infer<typeof backtestSummarySchema>;

export const backtestExampleSchema = z.object({
  txId: z.string(),
  accountId: z.string(),
  ts: z.string(),
  amountMinor: minor,
  currency: z.string(),
  /** The score and action of the version that flagged it (the candidate for a gain, the baseline for a loss). */
  score: z.number(),
  action: z.enum(['review', 'block']),
  rules: z.array(z.string()),
  fraud: z.boolean(),
});
export type BacktestExample = z.infer<typeof backtestExampleSchema>;

const changeSchema = z.object({ count, fraud: count, examples: z.array(backtestExampleSchema).max(20) });

export const backtestRuleSchema = z.object({
  id: z.string(),
  /** Transactions it fired on, of them labelled fraud, and their money. */
  hits: count,
  fraudHits: count,
  hitMinor: minor,
  precision: ratio,
  /** Flagged transactions that would not be flagged without this rule, and of them labelled fraud. */
  marginal: z.object({ flagged: count, fraud: count }),
});
export type BacktestRule = z.infer<typeof backtestRuleSchema>;

export const backtestResultSchema = z.object({
  version: z.number().int(),
  baselineVersion: z.number().int().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  currency: z.string(),
  transactions: count,
  /** Transactions in the period known as fraud, known genuine, and how many of either came from case dispositions. */
  labels: z.object({ fraud: count, legit: count, fromCases: count }),
  candidate: backtestSummarySchema,
  baseline: backtestSummarySchema.nullable(),
  rules: z.array(backtestRuleSchema),
  /** How often two enabled rules fired on the same transaction: counts[i][j] for ids[i] and ids[j] (the diagonal is hits). */
  overlaps: z.object({ ids: z.array(z.string()), counts: z.array(z.array(count)) }),
  perDay: z.array(z.object({ day: z.string(), review: count, block: count, baseline: count })),
  /** Flagged by the candidate and not the baseline (gained), and the reverse (lost); null without a baseline. */
  diff: z.object({ gained: changeSchema, lost: changeSchema }).nullable(),
});
export type BacktestResult = z.infer<typeof backtestResultSchema>;

export const storedBacktestSchema = z.object({
  backtestId: z.number().int(),
  startedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  result: backtestResultSchema,
});
export type StoredBacktest = z.infer<typeof storedBacktestSchema>;

const isoDate = z.iso.date();
export const backtestRequestSchema = z
  .object({ version: z.number().int().min(1), from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { message: 'from must not be after to', path: ['to'] });
export type BacktestRequest = z.infer<typeof backtestRequestSchema>;
