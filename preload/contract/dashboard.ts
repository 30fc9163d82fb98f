import { z } from 'zod';
import { minorUnitsSchema as minor } from './money.ts';
import { DELINQUENCY_BUCKETS } from './vocabulary.ts';

const amountByKey = z.object({ key: z.string(), loans: z.number().int(), outstandingMinor: minor });

/**
 * The dashboard's figures, all computed in SQL (on a worker: the dashboard-summary job), all over open loans
 * (loan-status-sql.ts openLoanSql): counts in every currency, money in the base currency only. Shares past due are
 * of that balance, the same measure in the tile and in each month of the trend.
 */
export const dashboardSchema = z.object({
  asOf: z.string().nullable(),
  currency: z.string(),
  /** Open loans. */
  loans: z.number().int(),
  /** Borrowers with an open loan. */
  borrowers: z.number().int(),
  outstandingMinor: minor,
  /** Open loans in default (90+ DPD, or a status of default), a count, and their share of the open loans by count. */
  defaults: z.number().int(),
  defaultRate: z.number(),
  /** Share of the open-loan balance 30+ and 90+ days past due (0 without any balance). */
  dpd30Share: z.number(),
  dpd90Share: z.number(),
  delinquency: z.array(z.object({ bucket: z.enum(DELINQUENCY_BUCKETS), loans: z.number().int(), outstandingMinor: minor })),
  /**
   * Month by month, the loans open that month (their loan_performance row: not paid off or written off, a balance
   * above zero): their number, their balance in the base currency, and its shares 30+ and 90+ DPD.
   */
  trend: z.array(z.object({ month: z.string(), loans: z.number().int(), outstandingMinor: minor, dpd30Share: z.number(), dpd90Share: z.number() })),
  byProduct: z.array(amountByKey),
  byRegion: z.array(amountByKey),
  largestExposures: z.array(z.object({ borrowerId: z.string(), region: z.string(), loans: z.number().int(), outstandingMinor: minor })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
