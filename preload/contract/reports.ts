import { z } from 'zod';
import { GRADES, stabilityBand } from './credit.ts';
import { indicatorValueSchema } from './liquidity.ts';
import { minorUnitsSchema as minor } from './money.ts';

/**
 * Risk reports: a period's figures from every engine, as one PDF in English or Simplified Chinese, made on demand
 * (the app, `riskdesk report`) or on compliance's schedule at the next unlock, and kept in the workspace.
 */

/** A calendar month (2026-11) or an ISO 8601 week (2026-W47). */
export const reportPeriodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$|^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'a period is a month (2026-11) or an ISO week (2026-W47)');
export const REPORT_LANGUAGES = ['en', 'zh-CN'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
export const reportLanguageSchema = z.enum(REPORT_LANGUAGES);

const isoDate = z.iso.date();
const count = z.number().int().min(0);
const stage = z.enum(['1', '2', '3']);
const severity = z.enum(['low', 'medium', 'high', 'critical']);

/** The period resolved: its first and last day (UTC calendar dates, both included); an evidence pack's scope is a 'range'. */
export const resolvedPeriodSchema = z.object({ label: z.string(), kind: z.enum(['month', 'week', 'range']), from: isoDate, to: isoDate });
export type ResolvedPeriod = z.infer<typeof resolvedPeriodSchema>;

/** Portfolio KPIs as of the period's last day: open loans only (repaid and written-off loans are left out). */
export const portfolioFiguresSchema = z.object({
  asOf: isoDate,
  currency: z.string(),
  openLoans: count,
  borrowers: count,
  outstandingMinor: minor,
  /** Share of the open balance 30 or more days past due (null with no open balance). */
  dpd30PlusShare: z.number().nullable(),
  /** Share of the open balance 90 or more days past due. */
  dpd90PlusShare: z.number().nullable(),
  originatedInPeriod: count,
  originatedInPeriodMinor: minor,
});

/** The credit section: the latest credit run finished on or before the period's end, and the model behind it. */
export const creditFiguresSchema = z.object({
  run: z.object({ runId: z.number().int(), asOf: isoDate, finishedAt: z.string(), modelId: z.number().int(), modelName: z.string(), parameterVersion: z.number().int(), currency: z.string() }),
  eadMinor: minor,
  eclMinor: minor,
  byStage: z.array(z.object({ stage, loans: count, eadMinor: minor, eclMinor: minor })),
  byGrade: z.array(z.object({ grade: z.enum(GRADES), loans: count, eadMinor: minor, eclMinor: minor, meanPd: z.number() })),
  /** Loans by stage in the run before this one (rows) and in this one (columns); null without an earlier run. */
  stageMigration: z.object({ fromRunId: z.number().int(), fromAsOf: isoDate, counts: z.array(z.object({ from: stage, to: stage, loans: count })) }).nullable(),
  /** Origination quarters: loans and cumulative default rate at 12 months on book (null when not yet observed). */
  vintages: z.array(z.object({ vintage: z.string(), loans: count, defaultRate12m: z.number().nullable() })),
  model: z.object({
    id: z.number().int(),
    name: z.string(),
    status: z.string(),
    approvedBy: z.string().nullable(),
    activatedAt: z.string().nullable(),
    /** PSI of the score on loans originated in the latest quarter, against the development sample (null before one). */
    psi: z.number().nullable(),
    psiBand: stabilityBand.nullable(),
  }),
});

/** The fraud section: runs finished in the period, alerts raised in it and dispositions made in it. */
export const fraudFiguresSchema = z.object({
  currency: z.string(),
  runs: count,
  transactionsScored: count,
  flagged: count,
  flaggedMinor: minor,
  alertsRaised: count,
  /** Cases closed in the period, by disposition (fraud cases only). */
  dispositions: z.array(z.object({ disposition: z.string(), cases: count })),
  /** The rule set active at the period's end. */
  ruleSet: z.object({ version: z.number().int(), activatedAt: z.string().nullable(), approvedBy: z.string().nullable(), rules: count }).nullable(),
});

/** The liquidity section: the latest liquidity run as of the period's end. */
export const liquidityFiguresSchema = z.object({
  run: z.object({ runId: z.number().int(), asOf: isoDate, parameterVersion: z.number().int(), currency: z.string() }),
  lcr: z.number().nullable(),
  nsfr: z.number().nullable(),
  /** Major units, as the liquidity engine reports them. */
  hqla: z.number(),
  netOutflows: z.number(),
  survival: z.array(z.object({ scenario: z.string(), survivalDay: z.number().int().nullable() })),
  indicators: z.array(indicatorValueSchema),
});

export const caseFiguresSchema = z.object({
  opened: count,
  closed: count,
  openAtEnd: count,
  /** Cases whose due time fell in the period while they were still open then (closed late, or still open), by priority. */
  slaBreaches: z.array(z.object({ severity, breaches: count })),
});

/** One four-eyes step taken in the period (from the audit trail). */
export const approvalFigureSchema = z.object({ at: z.string(), action: z.string(), subject: z.string(), by: z.string() });

/**
 * Everything a report shows. A section is null when its engine has no data for the period yet (no run, no cases), and
 * the report says so rather than printing zeros.
 */
export const reportFiguresSchema = z.object({
  period: resolvedPeriodSchema,
  language: reportLanguageSchema,
  generatedAt: z.string(),
  generatedBy: z.string(),
  workspace: z.object({ name: z.string(), fingerprint: z.string() }),
  portfolio: portfolioFiguresSchema.nullable(),
  credit: creditFiguresSchema.nullable(),
  fraud: fraudFiguresSchema.nullable(),
  liquidity: liquidityFiguresSchema.nullable(),
  cases: caseFiguresSchema.nullable(),
  approvals: z.array(approvalFigureSchema),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

/** A report kept in the workspace. */
export const storedReportSchema = z.object({
  reportId: z.number().int(),
  period: reportPeriodSchema,
  language: reportLanguageSchema,
  generatedAt: z.string(),
  generatedBy: z.string(),
  /** Made by the schedule at an unlock rather than asked for. */
  scheduled: z.boolean(),
  bytes: count,
  sha256: z.string(),
  fileName: z.string(),
});
export type StoredReport = z.infer<typeof storedReportSchema>;

export const REPORT_FREQUENCIES = ['off', 'weekly', 'monthly'] as const;
export const reportScheduleSchema = z.object({
  frequency: z.enum(REPORT_FREQUENCIES),
  language: reportLanguageSchema,
  /** Who set it and when (null before anyone has). */
  setBy: z.string().nullable(),
  setAt: z.string().nullable(),
});
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;
