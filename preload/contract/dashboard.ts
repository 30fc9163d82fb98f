import { z } from 'zod';
import { minorUnitsSchema as minor } from './money.ts';
import { DELINQUENCY_BUCKETS } from './vocabulary.ts';

const amountByKey = z.object({ key: z.string(), loans: z.number().int(), outstandingMinor: minor });

/** The dashboard's figures, all computed in SQL (on a worker: the dashboard-summary job). */
export const dashboardSchema = z.object({
  asOf: z.string().nullable(),
  currency: z.string(),
  loans: z.number().int(),
  borrowers: z.number().int(),
  outstandingMinor: minor,
  defaultRate: z.number(),
  delinquency: z.array(z.object({ bucket: z.enum(DELINQUENCY_BUCKETS), loans: z.number().int(), outstandingMinor: minor })),
  /** Month by month share of reporting loans at 30+ and 90+ DPD (from loan_performance). */
  trend: z.array(z.object({ month: z.string(), loans: z.number().int(), dpd30Rate: z.number(), dpd90Rate: z.number() })),
  byProduct: z.array(amountByKey),
  byRegion: z.array(amountByKey),
  largestExposures: z.array(z.object({ borrowerId: z.string(), region: z.string(), loans: z.number().int(), outstandingMinor: minor })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
