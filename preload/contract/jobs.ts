import { z } from 'zod';
import {
  binningEvaluationSchema,
  binningSchema,
  creditAnalyticsSchema,
  developmentOptionsSchema,
  developmentReportSchema,
  modelMonitoringSchema,
  creditRunResultSchema,
} from './credit.ts';
import { dashboardSchema } from './dashboard.ts';
import { backtestResultSchema, storedBacktestSchema } from './fraud-backtests.ts';
import { fraudRunResultSchema } from './fraud-runs.ts';
import { apiErrorSchema, type ApiError } from './errors.ts';
import { liquidityPositionSchema, liquidityRunResultSchema, pathChunkSchema, scenarioResultSchema, storedSimulationSchema } from './liquidity.ts';
import { bagVerificationSchema, evidenceExportSchema } from './evidence.ts';
import { reportFiguresSchema, resolvedPeriodSchema, reportLanguageSchema, storedReportSchema } from './reports.ts';
import { DEMO_SCALES, IMPORT_KINDS } from './vocabulary.ts';

// ── What the jobs main runs itself return ────────────────────────────────────────────────────────────────
/** A value of an imported file, located as a spreadsheet shows it (the header is row 1). */
export const importProblemSchema = z.object({
  file: z.string(),
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const importSummarySchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  /** The file imported (an upload: the copy main received). */
  file: z.string(),
  /** Data rows in the file; each was (or, after a check, would be) inserted or, for an id already present, updated. */
  rows: z.number().int(),
  /** SHA-256 of the file's bytes, as recorded in the audit event. */
  sha256: z.string(),
  bytes: z.number().int(),
  /** Values imported but unusual (a 48 % rate, a 20-year term): how many, and the first of them. */
  warnings: z.object({ total: z.number().int().min(0), first: z.array(importProblemSchema) }),
  /** False for a check (checkOnly): the rows and warnings are what importing the file would give; nothing was written. */
  written: z.boolean(),
});
export type ImportSummaryResult = z.infer<typeof importSummarySchema>;

export const demoSummarySchema = z.object({
  scale: z.enum(DEMO_SCALES),
  seed: z.number().int(),
  /** The last day of the generated history, YYYY-MM-DD. */
  asOf: z.string(),
  /** Rows written per table. */
  counts: z.record(z.string(), z.number().int()),
});

/** An event of the audit chain named by its seq and hash, kept outside the workspace so that a later check can tell whether the chain still holds it. */
export const auditAnchorSchema = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/, 'an audit hash is 64 hexadecimal digits') }).strict();
export type AuditAnchor = z.infer<typeof auditAnchorSchema>;

/** A backup, with the audit chain's head inside it: the anchor to note, against which cut-off newest events show. */
export const backupSummarySchema = z.object({ path: z.string(), keyringPath: z.string(), bytes: z.number().int(), sha256: z.string(), auditHead: auditAnchorSchema });

export const exportSummarySchema = z.object({
  /** The CSV's name in the session's folder; read it with jobs.readExport. */
  fileName: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  /** SHA-256 of the file's bytes, as recorded in the audit event. */
  sha256: z.string(),
});
export type ExportSummary = z.infer<typeof exportSummarySchema>;

/** The audit chain re-checked: intact up to its head, or broken at the first event that does not follow. */
export const auditVerificationSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), events: z.number().int(), head: z.string() }),
  z.object({ ok: z.literal(false), events: z.number().int(), firstBadSeq: z.number().int(), reason: z.string() }),
]);
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

// ── The registry ─────────────────────────────────────────────────────────────────────────────────────────
/** Progress in one of a job's named phases: `done` of `total` (rows, loans, events or steps). */
function progressIn<const Phases extends readonly [string, ...string[]]>(...phases: Phases) {
  return z.object({ done: z.number(), total: z.number(), phase: z.enum(phases) });
}
/** Progress whose phase is a line of text that carries its own count (the rows read, the table being written). */
const progressText = z.object({ done: z.number(), total: z.number(), phase: z.string() });

/** Rows read per query; small batches in tests make progress visible, large ones in production cut overhead. */
const batchSize = z.number().int().min(1).optional();
const noInput = z.object({});

interface JobKindSpec {
  /**
   * `worker`: engine work on a worker thread; `input` is the task main sends, parsed again in the worker.
   * `main`: work main does itself; its input is the arguments of the method that starts it (methods.ts).
   */
  readonly runsOn: 'main' | 'worker';
  /**
   * `write`: the job changes the workspace. Main holds the session's write lock for the whole job, and a worker job
   * is handed the workspace's writer spec for that time only; every other job reads.
   */
  readonly access: 'read' | 'write';
  /**
   * A job of the session: its method returns the job id at once, jobs.list lists it, job.progress follows it and
   * job.done carries its result. Otherwise a worker task inside one method call (the dashboard, a bin re-count).
   */
  readonly session: boolean;
  readonly progress: z.ZodType<{ done: number; total: number; phase: string }>;
  readonly result: z.ZodType;
}

interface WorkerJobSpec extends JobKindSpec {
  readonly runsOn: 'worker';
  readonly input: z.ZodType;
}

/**
 * Every kind of job, in one place: the contract's job kinds (jobSchema) and job.done's typed result, the workers' job
 * table (main/workers/engine-worker.ts has a job for every worker kind and parses its input here), whether main takes
 * the write lock for it (main/services/api/job-registry.ts), and the phases each kind reports all derive from it.
 * The liquidity engine adds its kinds here.
 */
export const JOBS = {
  import: { runsOn: 'main', access: 'write', session: true, progress: progressText, result: importSummarySchema },
  'rules-backtest': { runsOn: 'main', access: 'read', session: true, progress: progressIn('scoring transactions'), result: storedBacktestSchema },
  demo: { runsOn: 'main', access: 'write', session: true, progress: progressText, result: demoSummarySchema },
  backup: { runsOn: 'main', access: 'write', session: true, progress: progressIn('copying', 'copied'), result: backupSummarySchema },
  'export-loans': { runsOn: 'main', access: 'read', session: true, progress: progressIn('rows'), result: exportSummarySchema },
  'export-audit': { runsOn: 'main', access: 'read', session: true, progress: progressIn('events'), result: exportSummarySchema },
  'audit-verify': {
    runsOn: 'worker',
    access: 'read',
    session: true,
    input: z.object({ batchSize }),
    progress: progressIn('verifying'),
    result: auditVerificationSchema,
  },
  'dashboard-summary': { runsOn: 'worker', access: 'read', session: false, input: noInput, progress: progressIn('dashboard'), result: dashboardSchema },
  'credit-development': {
    runsOn: 'worker',
    access: 'read',
    session: true,
    input: z.object({ options: developmentOptionsSchema }),
    progress: progressIn('reading loans', 'fitting'),
    result: developmentReportSchema,
  },
  'credit-binning': {
    runsOn: 'worker',
    access: 'read',
    session: false,
    /** The bins to count, edits already applied, the development's split of its sample and the settings the bins are flagged against. */
    input: z.object({
      binning: binningSchema,
      holdoutFraction: z.number().min(0).max(0.9),
      seed: z.number().int().min(0).max(2 ** 31 - 1),
      minBinShare: z.number().gt(0).lt(0.5).default(0.05),
      monotonic: z.boolean().default(true),
    }),
    progress: progressIn('reading', 'counted'),
    result: binningEvaluationSchema,
  },
  'credit-run': {
    runsOn: 'worker',
    access: 'write',
    session: true,
    input: z.object({
      /** Reporting date (YYYY-MM-DD); default: the last day of the latest performance month, else the start date. */
      asOf: z.iso.date().optional(),
      actor: z.string(),
      startedAt: z.string(),
      batchSize,
    }),
    progress: progressIn('scoring loans', 'totals', 'alerts'),
    result: creditRunResultSchema,
  },
  'credit-analytics': {
    runsOn: 'worker',
    access: 'read',
    session: true,
    input: noInput,
    progress: progressIn('vintages', 'roll rates', 'concentration', 'done'),
    result: creditAnalyticsSchema,
  },
  'credit-monitoring': {
    runsOn: 'worker',
    access: 'read',
    session: true,
    input: z.object({ modelId: z.number().int().min(1), batchSize }),
    progress: progressIn('stability by quarter', 'calibration', 'done'),
    result: modelMonitoringSchema,
  },
  'fraud-run': {
    runsOn: 'worker',
    access: 'write',
    session: true,
    input: z.object({
      /** Transaction dates (UTC) scored, both ends included; every earlier transaction is read for its history. */
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
      actor: z.string(),
      startedAt: z.string(),
      batchSize,
    }),
    progress: progressIn('scoring transactions', 'alerts'),
    result: fraudRunResultSchema,
  },
  // The worker's part of a backtest (the feature pass and the tally); 'rules-backtest' is the session's job around it,
  // which stores the result with its audit event once the worker is done.
  'fraud-backtest': {
    runsOn: 'worker',
    access: 'read',
    session: false,
    input: z.object({ version: z.number().int().min(1), from: z.iso.date().optional(), to: z.iso.date().optional() }),
    progress: progressIn('scoring transactions'),
    result: backtestResultSchema,
  },
  // Liquidity. The position and a scenario are worker tasks inside one call (a workspace may hold 1M lines); a run
  // stores its snapshot and raises its alerts; a Monte Carlo simulation is the session's job ('liquidity-monte-carlo',
  // on main) that splits its paths into 'liquidity-mc-paths' tasks over the pool and stores the merged result.
  'liquidity-position': {
    runsOn: 'worker',
    access: 'read',
    session: false,
    input: z.object({ asOf: z.iso.date().optional(), version: z.number().int().min(1).optional() }),
    progress: progressIn('reading lines'),
    result: liquidityPositionSchema,
  },
  'liquidity-stress': {
    runsOn: 'worker',
    access: 'read',
    session: false,
    input: z.object({ scenario: z.string(), asOf: z.iso.date().optional(), version: z.number().int().min(1).optional() }),
    progress: progressIn('reading lines'),
    result: scenarioResultSchema,
  },
  'liquidity-run': {
    runsOn: 'worker',
    access: 'write',
    session: true,
    input: z.object({ asOf: z.iso.date().optional(), actor: z.string(), startedAt: z.string() }),
    progress: progressIn('position', 'scenarios', 'indicators', 'alerts'),
    result: liquidityRunResultSchema,
  },
  'liquidity-monte-carlo': { runsOn: 'main', access: 'read', session: true, progress: progressIn('simulating paths'), result: storedSimulationSchema },
  'liquidity-mc-paths': {
    runsOn: 'worker',
    access: 'read',
    session: false,
    /**
     * Paths [firstPath, firstPath + count) of a simulation whose settings main resolved (the request over the parameter
     * set's defaults) and whose buffer it took from the position: each path draws from its own stream of the seed, so
     * the merged result does not depend on the split.
     */
    input: z.object({
      asOf: z.iso.date(),
      version: z.number().int().min(1),
      products: z.array(z.string()).min(1),
      historyDays: z.number().int().min(1),
      days: z.number().int().min(1),
      blockDays: z.number().int().min(1),
      outflowMultiplier: z.number().min(0),
      subscriptionFactor: z.number().min(0),
      seed: z.number().int().min(0),
      bufferMinor: z.number().int(),
      firstPath: z.number().int().min(0),
      count: z.number().int().min(1),
    }),
    progress: progressIn('simulating paths'),
    result: pathChunkSchema,
  },
  // Evidence packs and risk reports. A report's figures are read on a worker (SQL over the whole workspace); main
  // draws the PDF and keeps it. An export streams its payload into the zip on main, a file at a time.
  'report-figures': {
    runsOn: 'worker',
    access: 'read',
    session: false,
    input: z.object({
      period: resolvedPeriodSchema,
      language: reportLanguageSchema,
      generatedAt: z.string(),
      generatedBy: z.string(),
      workspace: z.object({ name: z.string(), fingerprint: z.string() }),
    }),
    progress: progressIn('portfolio', 'credit', 'fraud', 'liquidity', 'cases'),
    result: reportFiguresSchema,
  },
  'risk-report': { runsOn: 'main', access: 'read', session: true, progress: progressIn('figures', 'drawing', 'stored'), result: storedReportSchema },
  'evidence-export': { runsOn: 'main', access: 'read', session: true, progress: progressText, result: evidenceExportSchema },
  'evidence-verify': { runsOn: 'main', access: 'read', session: true, progress: progressText, result: bagVerificationSchema },
} as const satisfies Record<string, (JobKindSpec & { readonly runsOn: 'main' }) | WorkerJobSpec>;

type Jobs = typeof JOBS;
export type JobKind = keyof Jobs;
export type WorkerJobKind = { [K in JobKind]: Jobs[K] extends WorkerJobSpec ? K : never }[JobKind];
export type SessionJobKind = { [K in JobKind]: Jobs[K]['session'] extends true ? K : never }[JobKind];
export type JobAccess<K extends JobKind> = Jobs[K]['access'];
/** What main sends a worker job (defaults not yet applied). */
export type JobInput<K extends WorkerJobKind> = z.input<Jobs[K]['input']>;
/** What a worker job works on, parsed. */
export type ParsedJobInput<K extends WorkerJobKind> = z.output<Jobs[K]['input']>;
export type JobResult<K extends JobKind> = z.output<Jobs[K]['result']>;
export type JobProgressOf<K extends JobKind> = z.output<Jobs[K]['progress']>;

function isSessionKind(kind: JobKind): kind is SessionJobKind {
  return JOBS[kind].session;
}
const SESSION_JOB_KINDS = (Object.keys(JOBS) as JobKind[]).filter(isSessionKind) as [SessionJobKind, ...SessionJobKind[]];

/** A job of the session as jobs.list and job.progress report it. */
export const jobSchema = z.object({
  jobId: z.string(),
  kind: z.enum(SESSION_JOB_KINDS),
  label: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  done: z.number(),
  total: z.number(),
  phase: z.string(),
  startedAt: z.string(),
});
export type Job = z.infer<typeof jobSchema>;

/**
 * How a job ended: its result (typed by its kind) or its error. A job caught up from jobs.list after a dropped
 * connection has neither; its result is then read with the method that reads it (credit.analytics, …).
 */
export type JobDone = { [K in SessionJobKind]: { job: Job & { kind: K }; result?: JobResult<K>; error?: ApiError } }[SessionJobKind];

// z.union over the kinds cannot pair each kind with its result in the inferred type; JobDone states the pairing
// that the schemas enforce (a result is parsed by the schema of the job.kind beside it).
export const jobDoneSchema = z.union(
  SESSION_JOB_KINDS.map((kind) => z.object({ job: jobSchema.extend({ kind: z.literal(kind) }), result: JOBS[kind].result.optional(), error: apiErrorSchema.optional() })),
) as unknown as z.ZodType<JobDone>;
