import { z } from 'zod';
import { minorUnitsSchema as minor } from './money.ts';

/**
 * Fraud runs: the active rule set scored over the workspace's transactions (or a period of them). Each flagged
 * transaction (review or block) is a row of the run and an alert of type FRAUD_ALERT_TYPE on the transaction, whose
 * case groups it with the rest of its account's (or its ring's) alerts.
 */
export const FRAUD_ALERT_TYPE = 'fraud.transaction';

const isoDate = z.iso.date();

/** A period of transaction dates (UTC), both ends included; either end may be left open. */
export const fraudPeriodSchema = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .strict()
  .refine((period) => period.from === undefined || period.to === undefined || period.from <= period.to, { message: 'from must not be after to', path: ['to'] });
export type FraudPeriod = z.infer<typeof fraudPeriodSchema>;

const count = z.number().int().min(0);

export const fraudRunResultSchema = z.object({
  runId: z.number().int(),
  ruleSetVersion: z.number().int(),
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  startedBy: z.string(),
  finishedAt: z.string(),
  currency: z.string(),
  /** Transactions scored (in the period); those before it were read for their history only. */
  transactions: count,
  /** Flagged: review + block. */
  flagged: count,
  review: count,
  block: count,
  flaggedMinor: minor,
  alerts: z.object({ raised: count, repeated: count, casesOpened: count }),
});
export type FraudRunResult = z.infer<typeof fraudRunResultSchema>;
