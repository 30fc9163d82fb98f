import { z } from 'zod';
import { alertRowSchema, alertSchema, manualAlertSchema } from './alerts.ts';
import {
  binEditSchema,
  binningEvaluationSchema,
  binningSchema,
  creditAnalyticsSchema,
  creditParametersSchema,
  csvFileSchema,
  developmentOptionsSchema,
  developmentReportSchema,
  GRADES,
  loanRiskPointSchema,
  loanRiskSchema,
  modelDetailSchema,
  modelMonitoringSchema,
  modelSummarySchema,
  parameterSetSchema,
  pricingRowSchema,
  runHistoryRowSchema,
  runSummarySchema,
} from './credit.ts';
import {
  addAttachmentSchema,
  assignCaseSchema,
  attachmentArgsSchema,
  attachmentContentSchema,
  bulkAssignSchema,
  caseActionArgsSchema,
  caseNoteArgsSchema,
  caseRowSchema,
  caseSchema,
  caseStepArgsSchema,
  caseTagsSchema,
  caseWorkloadSchema,
  CASE_VIEWS,
  mergeCasesSchema,
  playbookSetSchema,
  playbooksSchema,
  slaHoursSchema,
  slaTableSchema,
  splitCaseSchema,
  transitionCaseSchema,
} from './cases.ts';
import { dashboardSchema } from './dashboard.ts';
import { fraudPeriodSchema, fraudRunResultSchema } from './fraud-runs.ts';
import { backtestRequestSchema, storedBacktestSchema } from './fraud-backtests.ts';
import {
  checkRuleArgsSchema,
  importRuleSetSchema,
  ruleCheckSchema,
  ruleFeatureSchema,
  ruleSetDiffSchema,
  ruleSetSignerSchema,
  ruleSetVersionSchema,
  saveRuleSetDraftSchema,
} from './fraud-rules.ts';
import { fraudAlertRowSchema, fraudRingArgsSchema, fraudRingSchema, fraudSummarySchema, fraudTransactionArgsSchema, fraudTransactionDetailSchema } from './fraud-views.ts';
import { auditAnchorSchema, jobSchema } from './jobs.ts';
import { auditExportArgsSchema, auditTrailRowSchema } from './audit-trail.ts';
import {
  indicatorTrendSchema,
  liquidityParameterSetSchema,
  liquidityParametersSchema,
  liquidityPositionSchema,
  liquidityRunResultSchema,
  monteCarloRequestSchema,
  scenarioResultSchema,
  storedSimulationSchema,
  weightedLineSchema,
} from './liquidity.ts';
import { filterModelSchema, gridPageSchema, gridQuerySchema, sortModelSchema } from './grid.ts';
import { rejectionReasonSchema, stepCommentSchema, stepPermission, type ARTEFACT_KINDS, type ArtefactKind, type LifecycleStep } from './lifecycle.ts';
import { evidenceExportSchema, evidencePreviewSchema, evidenceScopeSchema } from './evidence.ts';
import { reportFiguresSchema, reportLanguageSchema, reportPeriodSchema, reportScheduleSchema, REPORT_FREQUENCIES, storedReportSchema } from './reports.ts';
import { DEMO_SCALES, IMPORT_ENCODINGS, IMPORT_KINDS } from './vocabulary.ts';
import { minorUnitsSchema as minor } from './money.ts';
import { ROLES, type Permission } from './permissions.ts';
import { MAX_UPLOAD_BYTES, UPLOAD_CHUNK_BASE64_CHARS } from './uploads.ts';

/**
 * Every method the UI can call. `permission` is checked in main before the handler runs ('public' methods
 * need no unlocked session: status, unlock, lock, activity). Arguments are parsed by `args` in main (the
 * renderer is untrusted) and results by `result` before they leave main, so nothing undeclared crosses.
 * Money is integer minor units with its ISO 4217 currency; dates ISO 8601.
 */
export interface MethodSpec<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly args: A;
  readonly result: R;
  readonly permission: Permission | 'public';
  readonly summary: string;
}

function method<A extends z.ZodType, R extends z.ZodType>(spec: MethodSpec<A, R>): MethodSpec<A, R> {
  return spec;
}

const none = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });
const jobStarted = z.object({ jobId: z.string() });
const passphrase = z.string().min(1).max(1024);
const username = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'user names are 1–64 letters, digits, ".", "_" or "-"');
const jobId = z.string().min(1).max(64);
const modelId = z.number().int().min(1);
const version = z.number().int().min(1);
const isoDate = z.iso.date();
const uploadId = z.string().regex(/^[0-9a-f]{32}$/, 'an upload id is 32 hexadecimal characters');
/** A binary file read in chunks (base64), so that a large pack never has to be one message. */
const binaryChunk = z.object({ data: z.string(), nextOffset: z.number().int(), done: z.boolean(), fileName: z.string() });
/** A file path typed by the user; main takes it only inside the allowed folder (workspace.fileFolder). */
const localPath = z.string().min(1).max(4096).refine((p) => !p.includes('\u0000'), 'paths cannot contain NUL');
/** The text encoding of a CSV file to import; UTF-8 when absent. */
const importEncoding = z.enum(IMPORT_ENCODINGS).optional();
/**
 * Validate the file exactly as the import would and write nothing: the job's summary (written: false) lists the rows
 * and the warnings for the user to confirm, and a file with errors is refused as the import would refuse it.
 */
const checkOnly = z.boolean().optional();

export const userSchema = z.object({ username: z.string(), role: z.enum(ROLES) });

export const sessionStatusSchema = z.object({
  state: z.enum(['locked', 'unlocked']),
  workspace: z.object({ path: z.string(), name: z.string(), demo: z.boolean() }).nullable(),
  user: userSchema.nullable(),
  idleLockMinutes: z.number().int().min(1).max(480),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const settingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1).max(480),
  language: z.enum(['en', 'zh-CN']),
  theme: z.enum(['light', 'dark', 'system']),
});
export type Settings = z.infer<typeof settingsSchema>;

export const loanRowSchema = z.object({
  loan_id: z.string(),
  borrower_id: z.string(),
  region: z.string().nullable(),
  product: z.string(),
  origination_date: z.string(),
  maturity_date: z.string().nullable(),
  principal_minor: minor,
  outstanding_balance_minor: minor.nullable(),
  undrawn_amount_minor: minor.nullable(),
  currency: z.string(),
  interest_rate: z.number(),
  term_months: z.number().int(),
  status: z.string().nullable(),
  dpd: z.number().int().nullable(),
  collateral_type: z.string().nullable(),
  channel: z.string().nullable(),
  /** From the latest credit run (null before the first run, or for a loan it did not cover). */
  pd_12m: z.number().nullable(),
  grade: z.enum(GRADES).nullable(),
  stage: z.number().int().min(1).max(3).nullable(),
  ecl_minor: minor.nullable(),
});
export type LoanRow = z.infer<typeof loanRowSchema>;
export const LOAN_COLUMNS = loanRowSchema.keyof().options;

export const borrowerRowSchema = z.object({
  borrower_id: z.string(),
  region: z.string(),
  annual_income_minor: minor,
  employment_type: z.string().nullable(),
  industry: z.string().nullable(),
  home_ownership: z.string().nullable(),
  credit_history_months: z.number().int().nullable(),
  id_verified: z.number().int().nullable(),
  loans: z.number().int(),
  outstanding_minor: minor,
});
export type BorrowerRow = z.infer<typeof borrowerRowSchema>;
export const BORROWER_COLUMNS = borrowerRowSchema.keyof().options;

export const loanDetailSchema = z.object({
  loan: loanRowSchema,
  borrower: borrowerRowSchema.omit({ loans: true, outstanding_minor: true }),
  performance: z.array(z.object({ as_of: z.string(), balance_minor: minor, dpd: z.number().int(), paid_amount_minor: minor.nullable(), status: z.string().nullable() })),
});
export type LoanDetail = z.infer<typeof loanDetailSchema>;

export const auditEventRowSchema = z.object({ seq: z.number().int(), at: z.string(), actor: z.string(), action: z.string(), subject: z.string(), details: z.string() });
export const AUDIT_COLUMNS = auditEventRowSchema.keyof().options;

export const contract = {
  'session.status': method({ summary: 'Whether a workspace is unlocked, and by whom.', permission: 'public', args: none, result: sessionStatusSchema }),
  'session.unlock': method({
    summary: 'Unlock a workspace (in the browser host, the one it serves; in Electron, the chosen or a recent one).',
    permission: 'public',
    args: z.object({ workspace: localPath.optional(), username: username.optional(), passphrase }).strict(),
    result: sessionStatusSchema,
  }),
  'session.lock': method({ summary: 'Lock the workspace now; the key is dropped from memory.', permission: 'public', args: none, result: sessionStatusSchema }),
  'session.activity': method({ summary: 'The user is active: restart the idle-lock timer.', permission: 'public', args: none, result: ok }),
  'session.recentWorkspaces': method({
    summary: 'Workspaces opened before on this machine (Electron) or the one served (browser host).',
    permission: 'public',
    args: none,
    result: z.array(z.object({ path: z.string(), name: z.string(), lastOpenedAt: z.string().nullable(), demo: z.boolean() })),
  }),
  'settings.get': method({ summary: 'The acting user’s settings.', permission: 'self.settings', args: none, result: settingsSchema }),
  'settings.update': method({ summary: 'Change the acting user’s settings.', permission: 'self.settings', args: settingsSchema.partial().strict(), result: settingsSchema }),
  'dashboard.summary': method({ summary: 'Portfolio KPIs, all computed in SQL.', permission: 'workspace.read', args: none, result: dashboardSchema }),
  'portfolio.loans': method({ summary: 'A page of loans, sorted and filtered in SQL.', permission: 'workspace.read', args: gridQuerySchema, result: gridPageSchema(loanRowSchema) }),
  'portfolio.borrowers': method({ summary: 'A page of borrowers with their exposure.', permission: 'workspace.read', args: gridQuerySchema, result: gridPageSchema(borrowerRowSchema) }),
  'portfolio.regions': method({
    summary: 'The distinct non-empty regions the borrowers carry, in code order (at most 500): what the grids offer to filter by.',
    permission: 'workspace.read',
    args: none,
    result: z.array(z.string()).max(500),
  }),
  'portfolio.loanDetail': method({ summary: 'One loan, its borrower and its monthly performance history.', permission: 'workspace.read', args: z.object({ loanId: z.string().min(1).max(128) }).strict(), result: loanDetailSchema }),
  'portfolio.exportLoans': method({
    summary: 'Export the filtered, sorted loan view as CSV (a job; read the file with jobs.readExport).',
    permission: 'portfolio.export',
    args: z.object({ sortModel: sortModelSchema, filterModel: filterModelSchema, columns: z.array(z.enum(LOAN_COLUMNS)).min(1).optional() }).strict(),
    result: jobStarted,
  }),
  'jobs.readExport': method({
    summary: 'Read a finished CSV export (loans or the audit trail) in chunks (so a large CSV never has to be one message).',
    permission: 'portfolio.export',
    args: z.object({ jobId: z.string().min(1).max(64), offset: z.number().int().min(0) }).strict(),
    result: z.object({ chunk: z.string(), nextOffset: z.number().int(), done: z.boolean(), fileName: z.string() }),
  }),
  'jobs.startImport': method({
    summary: 'Import a CSV file of one kind (all or nothing), in UTF-8 unless `encoding` says otherwise; with `checkOnly`, validate it in full and write nothing.',
    permission: 'data.import',
    args: z.object({ kind: z.enum(IMPORT_KINDS), path: localPath, encoding: importEncoding, checkOnly }).strict(),
    result: jobStarted,
  }),
  'jobs.importUpload': method({
    summary: 'Import an uploaded CSV file of one kind (all or nothing), in UTF-8 unless `encoding` says otherwise, or with `checkOnly` only validate it; the upload is removed when the job ends.',
    permission: 'data.import',
    args: z.object({ kind: z.enum(IMPORT_KINDS), uploadId, encoding: importEncoding, checkOnly }).strict(),
    result: jobStarted,
  }),
  'uploads.start': method({
    summary: 'Start sending a file the user picked (for an import or a case attachment): its name and size in bytes.',
    permission: 'files.upload',
    args: z.object({ fileName: z.string().min(1).max(255), bytes: z.number().int().min(1).max(MAX_UPLOAD_BYTES) }).strict(),
    result: z.object({ uploadId }),
  }),
  'uploads.append': method({
    summary: 'Send the next chunk of an upload (base64, at most UPLOAD_CHUNK_BYTES), at the offset where the last one ended.',
    permission: 'files.upload',
    args: z.object({ uploadId, offset: z.number().int().min(0), data: z.base64().min(1).max(UPLOAD_CHUNK_BASE64_CHARS) }).strict(),
    result: z.object({ received: z.number().int(), complete: z.boolean() }),
  }),
  'jobs.startDemo': method({
    summary: 'Generate the demo portfolio into an empty workspace.',
    permission: 'data.demo',
    args: z.object({ scale: z.enum(DEMO_SCALES), seed: z.number().int().min(0).max(2 ** 31 - 1).optional() }).strict(),
    result: jobStarted,
  }),
  'jobs.list': method({ summary: 'Jobs of this session, running and finished.', permission: 'workspace.read', args: none, result: z.array(jobSchema) }),
  'jobs.cancel': method({ summary: 'Cancel a running job; nothing half-done is kept.', permission: 'workspace.read', args: z.object({ jobId: z.string().min(1).max(64) }).strict(), result: ok }),
  'audit.verify': method({
    summary: 'Re-check the audit hash chain (a job), and that it still holds each anchor noted earlier (from a backup, an evidence pack or a note).',
    permission: 'audit.verify',
    args: z.object({ anchors: z.array(auditAnchorSchema).min(1).max(100).optional() }).strict(),
    result: jobStarted,
  }),
  'audit.events': method({
    summary: 'A page of the audit trail, each event with its details as readable items (amounts, names) beside the raw JSON its hash covers.',
    permission: 'workspace.read',
    args: gridQuerySchema,
    result: gridPageSchema(auditTrailRowSchema),
  }),
  'audit.export': method({
    summary: 'Export the audit trail under the grid’s filters as CSV in chain order, with hashes to re-verify it (a job; read the file with jobs.readExport).',
    permission: 'audit.export',
    args: auditExportArgsSchema,
    result: jobStarted,
  }),
  'users.list': method({
    summary: 'Users of this workspace.',
    permission: 'users.list',
    args: none,
    result: z.array(userSchema.extend({ createdAt: z.string(), createdBy: z.string() })),
  }),
  'users.add': method({
    summary: 'Add a user with a role and an initial passphrase.',
    permission: 'users.manage',
    args: z.object({ username, role: z.enum(ROLES), passphrase }).strict(),
    result: ok,
  }),
  'users.remove': method({ summary: 'Remove a user.', permission: 'users.manage', args: z.object({ username }).strict(), result: ok }),
  'users.changePassphrase': method({
    summary: 'Change your own passphrase (current one required), or, as an admin, reset another user’s.',
    permission: 'self.passphrase',
    args: z.object({ username, currentPassphrase: passphrase.optional(), newPassphrase: passphrase }).strict(),
    result: ok,
  }),
  'workspace.fileFolder': method({
    summary: 'The folder that files named in the UI (imports, backups, restores) must be in; other files are uploaded.',
    permission: 'workspace.read',
    args: none,
    result: z.object({ folder: z.string() }),
  }),
  'workspace.backup': method({ summary: 'Back up to a new encrypted file with its keyring (a job).', permission: 'workspace.backup', args: z.object({ path: localPath }).strict(), result: jobStarted }),
  'workspace.restore': method({
    summary: 'Replace this workspace with a backup (locks the session; unlock again afterwards).',
    permission: 'workspace.restore',
    args: z.object({ from: localPath, passphrase }).strict(),
    result: sessionStatusSchema,
  }),
  'workspace.rekey': method({
    summary:
      'Give the workspace a new random key, sealed to every remaining user (after removing a user, so that an old keyring no longer opens it). Locks the session; everyone unlocks again with their own passphrase.',
    permission: 'users.manage',
    args: none,
    result: sessionStatusSchema,
  }),
  'credit.startDevelopment': method({
    summary: 'Develop a scorecard on the workspace’s seasoned loans (a job; read the report with credit.development).',
    permission: 'models.develop',
    args: developmentOptionsSchema,
    result: jobStarted,
  }),
  'credit.development': method({ summary: 'The report of a finished development job.', permission: 'models.develop', args: z.object({ jobId }).strict(), result: developmentReportSchema }),
  'credit.evaluateBinning': method({
    summary: 'Re-count one feature’s bins (after an optional split, merge or boundary move) on the development sample: WOE and IV at once.',
    permission: 'models.develop',
    args: z
      .object({
        binning: binningSchema,
        edit: binEditSchema.optional(),
        holdoutFraction: z.number().min(0).max(0.9),
        seed: z.number().int().min(0).max(2 ** 31 - 1),
        // The development's own settings, against which the bins are flagged (too small, not monotonic).
        minBinShare: z.number().gt(0).lt(0.5).default(0.05),
        monotonic: z.boolean().default(true),
      })
      .strict(),
    result: binningEvaluationSchema,
  }),
  'credit.saveModel': method({
    summary: 'Save the scorecard of a finished development as a draft model.',
    permission: 'models.develop',
    // Only bounded here: the service's refusal of a long or taken name says why (MODEL_NAME_MAX_LENGTH).
    // acceptFlaggedBins: the author saw the flagged bins of features binned by hand and saves them knowingly.
    args: z.object({ jobId, name: z.string().max(1_000), acceptFlaggedBins: z.boolean().optional() }).strict(),
    result: modelSummarySchema,
  }),
  'credit.models': method({ summary: 'Scorecard models, newest first.', permission: 'workspace.read', args: none, result: z.array(modelSummarySchema) }),
  'credit.model': method({ summary: 'One model with its full development report.', permission: 'workspace.read', args: z.object({ modelId }).strict(), result: modelDetailSchema }),
  'credit.submitModel': method({ summary: 'Submit a draft model for approval.', permission: stepPermission('credit.model', 'submit'), args: z.object({ modelId }).strict(), result: modelSummarySchema }),
  'credit.approveModel': method({ summary: 'Approve a submitted model (neither its author nor its submitter: four eyes), with a comment on what was checked.', permission: stepPermission('credit.model', 'approve'), args: z.object({ modelId, comment: stepCommentSchema }).strict(), result: modelSummarySchema }),
  'credit.rejectModel': method({ summary: 'Send a submitted model back to draft, with the reason.', permission: stepPermission('credit.model', 'reject'), args: z.object({ modelId, reason: rejectionReasonSchema }).strict(), result: modelSummarySchema }),
  'credit.activateModel': method({ summary: 'Make an approved model the active one (the previous one is retired), with a comment on what was checked.', permission: stepPermission('credit.model', 'activate'), args: z.object({ modelId, comment: stepCommentSchema }).strict(), result: modelSummarySchema }),
  'credit.startMonitoring': method({
    summary: 'PSI and CSI of a model per origination quarter, and its calibration on the current portfolio (a job; read it with credit.monitoring).',
    permission: 'workspace.read',
    args: z.object({ modelId }).strict(),
    result: jobStarted,
  }),
  'credit.monitoring': method({ summary: 'The result of a finished monitoring job.', permission: 'workspace.read', args: z.object({ jobId }).strict(), result: modelMonitoringSchema }),
  'credit.parameterSets': method({ summary: 'IFRS 9 parameter sets, newest first.', permission: 'workspace.read', args: none, result: z.array(parameterSetSchema) }),
  'credit.saveParameterSet': method({
    summary: 'Save a new draft parameter set (master scale, staging, LGD, CCF, pricing).',
    permission: 'parameters.edit',
    args: z.object({ parameters: creditParametersSchema, note: z.string().trim().min(1).max(500) }).strict(),
    result: parameterSetSchema,
  }),
  'credit.submitParameterSet': method({ summary: 'Submit a draft parameter set for approval.', permission: stepPermission('credit.parameterSet', 'submit'), args: z.object({ version }).strict(), result: parameterSetSchema }),
  'credit.approveParameterSet': method({ summary: 'Approve a submitted parameter set (neither its author nor its submitter: four eyes), with a comment on what was checked.', permission: stepPermission('credit.parameterSet', 'approve'), args: z.object({ version, comment: stepCommentSchema }).strict(), result: parameterSetSchema }),
  'credit.rejectParameterSet': method({ summary: 'Send a submitted parameter set back to draft, with the reason.', permission: stepPermission('credit.parameterSet', 'reject'), args: z.object({ version, reason: rejectionReasonSchema }).strict(), result: parameterSetSchema }),
  'credit.activateParameterSet': method({ summary: 'Make an approved parameter set the active one (the previous one is retired), with a comment on what was checked.', permission: stepPermission('credit.parameterSet', 'activate'), args: z.object({ version, comment: stepCommentSchema }).strict(), result: parameterSetSchema }),
  'credit.startRun': method({
    summary: 'Score every open loan with the active model and parameter set: PD, grade, stage and ECL (a job).',
    permission: 'runs.start',
    args: z.object({ asOf: isoDate.optional() }).strict(),
    result: jobStarted,
  }),
  'credit.runs': method({ summary: 'Credit runs, newest first, with their totals.', permission: 'workspace.read', args: none, result: z.array(runSummarySchema) }),
  'credit.runHistory': method({
    summary: 'Every credit run, newest first, running ones included: when, who, model and parameter versions, loans, ECL and status.',
    permission: 'workspace.read',
    args: none,
    result: z.array(runHistoryRowSchema),
  }),
  'credit.exportRuns': method({ summary: 'The credit runs list as CSV (audited as a data export).', permission: 'portfolio.export', args: none, result: csvFileSchema }),
  'credit.exportPricing': method({
    summary: "The latest run's pricing check as CSV, filtered and sorted as the grid shows it (audited as a data export).",
    permission: 'portfolio.export',
    args: z.object({ sortModel: sortModelSchema, filterModel: filterModelSchema }).strict(),
    result: csvFileSchema,
  }),
  // ── Fraud runs ──
  'fraud.startRun': method({
    summary: "Score the workspace's transactions (or a period of them) with the active rule set; each flagged one becomes an alert (a job).",
    permission: 'runs.start',
    args: fraudPeriodSchema,
    result: jobStarted,
  }),
  'fraud.runs': method({ summary: 'Fraud runs, newest first, with their counts.', permission: 'workspace.read', args: none, result: z.array(fraudRunResultSchema) }),
  'rules.startBacktest': method({
    summary: 'Run a rule set version or draft over a period against labels and case dispositions, beside the active version, and store the result (a job).',
    permission: 'rules.backtest',
    args: backtestRequestSchema,
    result: jobStarted,
  }),
  'rules.backtests': method({
    summary: 'Stored backtests, newest first (of one version when given).',
    permission: 'workspace.read',
    args: z.object({ version: version.optional() }).strict(),
    result: z.array(storedBacktestSchema),
  }),
  'rules.backtest': method({ summary: 'One stored backtest.', permission: 'workspace.read', args: z.object({ backtestId: z.number().int().min(1) }).strict(), result: storedBacktestSchema }),
  'credit.loanRisk': method({
    summary: 'One loan in the latest run: PD, grade, stage, reason codes and the ECL month by month.',
    permission: 'workspace.read',
    args: z.object({ loanId: z.string().min(1).max(128) }).strict(),
    result: loanRiskSchema.nullable(),
  }),
  'credit.loanRiskHistory': method({
    summary: 'One loan in every finished credit run that scored it, in as-of order: PD, grade, stage and DPD.',
    permission: 'workspace.read',
    args: z.object({ loanId: z.string().min(1).max(128) }).strict(),
    result: z.array(loanRiskPointSchema),
  }),
  'credit.pricingCheck': method({
    summary: 'Loans of the latest run priced below funding cost + expected loss + operating cost + margin.',
    permission: 'workspace.read',
    args: gridQuerySchema,
    result: gridPageSchema(pricingRowSchema),
  }),
  'credit.startAnalytics': method({
    summary: 'Vintage curves, roll-rate matrices and concentration (HHI) (a job; read them with credit.analytics).',
    permission: 'workspace.read',
    args: none,
    result: jobStarted,
  }),
  'credit.analytics': method({ summary: 'The result of a finished analytics job.', permission: 'workspace.read', args: z.object({ jobId }).strict(), result: creditAnalyticsSchema }),
  'alerts.list': method({ summary: 'A page of alerts from every source, sorted and filtered in SQL.', permission: 'workspace.read', args: gridQuerySchema, result: gridPageSchema(alertRowSchema) }),
  'alerts.get': method({ summary: 'One alert with its explanation and the versions behind it.', permission: 'workspace.read', args: z.object({ alertId: z.number().int().min(1) }).strict(), result: alertSchema }),
  'alerts.raise': method({
    summary: 'Raise a manual alert on any subject (raising it again while it is open counts a re-occurrence).',
    permission: 'alerts.raise',
    args: manualAlertSchema,
    result: alertSchema,
  }),
  'cases.list': method({
    summary: 'A page of the case queue in a saved view (all, open, mine, unassigned, overdue, high and critical), sorted and filtered in SQL.',
    permission: 'workspace.read',
    args: z.object({ view: z.enum(CASE_VIEWS), query: gridQuerySchema }).strict(),
    result: gridPageSchema(caseRowSchema),
  }),
  'cases.get': method({ summary: 'One case with its alerts, entities, playbook steps, notes, actions and attachments.', permission: 'workspace.read', args: z.object({ caseId: z.number().int().min(1) }).strict(), result: caseSchema }),
  'cases.timeline': method({ summary: "The case's audit events, oldest first.", permission: 'workspace.read', args: z.object({ caseId: z.number().int().min(1) }).strict(), result: z.array(auditEventRowSchema) }),
  'cases.workload': method({ summary: 'Open cases per analyst and age, and SLA breaches by week.', permission: 'workspace.read', args: none, result: caseWorkloadSchema }),
  'cases.assign': method({ summary: 'Assign a case to an analyst or compliance user (a new case becomes assigned).', permission: 'cases.edit', args: assignCaseSchema, result: caseSchema }),
  'cases.bulkAssign': method({ summary: 'Assign several cases to one user, all or nothing.', permission: 'cases.edit', args: bulkAssignSchema, result: z.object({ assigned: z.number().int() }) }),
  'cases.transition': method({
    summary: 'Move a case along the workflow (a closure proposal needs a disposition; withdrawing and reopening need a reason; closing a high or critical case needs a second person).',
    permission: 'cases.edit',
    args: transitionCaseSchema,
    result: caseSchema,
  }),
  'cases.note': method({ summary: 'Add a Markdown note to a case.', permission: 'cases.edit', args: caseNoteArgsSchema, result: caseSchema }),
  'cases.action': method({ summary: 'Record an action taken on a case (freeze account, reduce limit, …).', permission: 'cases.edit', args: caseActionArgsSchema, result: caseSchema }),
  'cases.tickStep': method({ summary: 'Tick a playbook step of a case (who and when are recorded).', permission: 'cases.edit', args: caseStepArgsSchema, result: caseSchema }),
  'cases.setTags': method({ summary: "Replace a case's tags.", permission: 'cases.edit', args: caseTagsSchema, result: caseSchema }),
  'cases.merge': method({ summary: 'Merge one case into another of the same type (the first closes as merged).', permission: 'cases.edit', args: mergeCasesSchema, result: caseSchema }),
  'cases.split': method({ summary: "Move some of a case's alerts into a new case.", permission: 'cases.edit', args: splitCaseSchema, result: caseSchema }),
  'cases.attach': method({ summary: 'Keep an uploaded file on a case, encrypted in the workspace with its SHA-256.', permission: 'cases.edit', args: addAttachmentSchema, result: caseSchema }),
  'cases.attachment': method({ summary: "An attachment's content, checked against its SHA-256.", permission: 'workspace.read', args: attachmentArgsSchema, result: attachmentContentSchema }),
  'cases.slaTables': method({ summary: 'Every SLA table version, newest first.', permission: 'workspace.read', args: none, result: z.array(slaTableSchema) }),
  'cases.saveSlaTableDraft': method({
    summary: 'Save a new draft SLA table (hours per case type and priority).',
    permission: 'parameters.edit',
    args: z.object({ document: slaHoursSchema, note: z.string().trim().min(1).max(500) }).strict(),
    result: slaTableSchema,
  }),
  'cases.submitSlaTable': method({ summary: 'Submit a draft SLA table for approval.', permission: stepPermission('cases.slaTable', 'submit'), args: z.object({ version }).strict(), result: slaTableSchema }),
  'cases.approveSlaTable': method({ summary: 'Approve a submitted SLA table (four eyes), with a comment on what was checked.', permission: stepPermission('cases.slaTable', 'approve'), args: z.object({ version, comment: stepCommentSchema }).strict(), result: slaTableSchema }),
  'cases.rejectSlaTable': method({ summary: 'Send a submitted SLA table back to draft, with the reason.', permission: stepPermission('cases.slaTable', 'reject'), args: z.object({ version, reason: rejectionReasonSchema }).strict(), result: slaTableSchema }),
  'cases.activateSlaTable': method({ summary: 'Make an approved SLA table the active one, with a comment on what was checked.', permission: stepPermission('cases.slaTable', 'activate'), args: z.object({ version, comment: stepCommentSchema }).strict(), result: slaTableSchema }),
  'cases.playbookSets': method({ summary: 'Every response playbook set version, newest first.', permission: 'workspace.read', args: none, result: z.array(playbookSetSchema) }),
  'cases.savePlaybookDraft': method({
    summary: 'Save a new draft set of response playbooks.',
    permission: 'rules.edit',
    args: z.object({ document: playbooksSchema, note: z.string().trim().min(1).max(500) }).strict(),
    result: playbookSetSchema,
  }),
  'cases.submitPlaybookSet': method({ summary: 'Submit a draft playbook set for approval.', permission: stepPermission('cases.playbooks', 'submit'), args: z.object({ version }).strict(), result: playbookSetSchema }),
  'cases.approvePlaybookSet': method({ summary: 'Approve a submitted playbook set (four eyes), with a comment on what was checked.', permission: stepPermission('cases.playbooks', 'approve'), args: z.object({ version, comment: stepCommentSchema }).strict(), result: playbookSetSchema }),
  'cases.rejectPlaybookSet': method({ summary: 'Send a submitted playbook set back to draft, with the reason.', permission: stepPermission('cases.playbooks', 'reject'), args: z.object({ version, reason: rejectionReasonSchema }).strict(), result: playbookSetSchema }),
  'cases.activatePlaybookSet': method({ summary: 'Make an approved playbook set the active one, with a comment on what was checked.', permission: stepPermission('cases.playbooks', 'activate'), args: z.object({ version, comment: stepCommentSchema }).strict(), result: playbookSetSchema }),

  // ── Fraud rule sets ──
  'rules.catalogue': method({ summary: 'The features a fraud rule may read: name, CEL type, unit and description.', permission: 'workspace.read', args: none, result: z.object({ features: z.array(ruleFeatureSchema) }) }),
  'rules.check': method({
    summary: 'Check one rule expression against the feature catalogue: the features it reads, or why it is refused and where.',
    permission: 'workspace.read',
    args: checkRuleArgsSchema,
    result: ruleCheckSchema,
  }),
  'rules.list': method({ summary: 'Every fraud rule set version, newest first.', permission: 'workspace.read', args: none, result: z.array(ruleSetVersionSchema) }),
  'rules.get': method({ summary: 'One fraud rule set version.', permission: 'workspace.read', args: z.object({ version }).strict(), result: ruleSetVersionSchema }),
  'rules.saveDraft': method({
    summary: 'Save a new draft fraud rule set; refused, naming each rule and where, unless every expression compiles.',
    permission: 'rules.edit',
    args: saveRuleSetDraftSchema,
    result: ruleSetVersionSchema,
  }),
  'rules.submitRuleSet': method({ summary: 'Submit a draft rule set for approval.', permission: stepPermission('fraud.ruleSet', 'submit'), args: z.object({ version }).strict(), result: ruleSetVersionSchema }),
  'rules.approveRuleSet': method({ summary: 'Approve a submitted rule set (four eyes), with a comment on what was checked.', permission: stepPermission('fraud.ruleSet', 'approve'), args: z.object({ version, comment: stepCommentSchema }).strict(), result: ruleSetVersionSchema }),
  'rules.rejectRuleSet': method({ summary: 'Send a submitted rule set back to draft, with the reason.', permission: stepPermission('fraud.ruleSet', 'reject'), args: z.object({ version, reason: rejectionReasonSchema }).strict(), result: ruleSetVersionSchema }),
  'rules.activateRuleSet': method({ summary: 'Make an approved rule set the active one (the previous one is retired), with a comment on what was checked.', permission: stepPermission('fraud.ruleSet', 'activate'), args: z.object({ version, comment: stepCommentSchema }).strict(), result: ruleSetVersionSchema }),
  'rules.diff': method({ summary: 'What changed from one rule set version to another, rule by rule.', permission: 'workspace.read', args: z.object({ from: version, to: version }).strict(), result: ruleSetDiffSchema }),
  'rules.export': method({
    summary: 'A rule set version as a file signed with this workspace’s key (audited).',
    permission: 'workspace.read',
    args: z.object({ version }).strict(),
    result: z.object({ fileName: z.string(), content: z.string() }),
  }),
  'rules.import': method({
    summary: 'Import a signed rule set file as a new draft (its signature and rules checked first; four eyes still apply).',
    permission: 'rules.edit',
    args: importRuleSetSchema,
    result: z.object({ version: ruleSetVersionSchema, signer: ruleSetSignerSchema }),
  }),

  // ── Fraud views ──
  'fraud.alerts': method({
    summary: "A page of the latest finished fraud run's flagged transactions with the alert and case each was filed into, sorted and filtered in SQL.",
    permission: 'workspace.read',
    args: gridQuerySchema,
    result: gridPageSchema(fraudAlertRowSchema),
  }),
  'fraud.transaction': method({
    summary: "A transaction, how the latest run that flagged it decided it (each fired rule with the features it read, against the thresholds), and the account's history around it.",
    permission: 'workspace.read',
    args: fraudTransactionArgsSchema,
    result: fraudTransactionDetailSchema,
  }),
  'fraud.ring': method({
    summary: 'The accounts, devices and IPs connected to an account through shared devices and IPs, up to a node cap.',
    permission: 'workspace.read',
    args: fraudRingArgsSchema,
    result: fraudRingSchema,
  }),
  'fraud.summary': method({ summary: "The latest finished fraud run's flags per day: review and block counts and money flagged.", permission: 'workspace.read', args: none, result: fraudSummarySchema }),
  // ── Liquidity ──
  'liquidity.parameterSets': method({ summary: 'Liquidity parameter sets (LCR and NSFR factors, product terms, scenarios, Monte Carlo, indicator thresholds), newest first.', permission: 'workspace.read', args: none, result: z.array(liquidityParameterSetSchema) }),
  'liquidity.saveParameterSet': method({
    summary: 'Save a new draft liquidity parameter set.',
    permission: 'parameters.edit',
    args: z.object({ parameters: liquidityParametersSchema, note: z.string().trim().min(1).max(500) }).strict(),
    result: liquidityParameterSetSchema,
  }),
  'liquidity.submitParameterSet': method({ summary: 'Submit a draft liquidity parameter set for approval.', permission: stepPermission('liquidity.parameterSet', 'submit'), args: z.object({ version }).strict(), result: liquidityParameterSetSchema }),
  'liquidity.approveParameterSet': method({ summary: 'Approve a submitted liquidity parameter set (four eyes), with a comment on what was checked.', permission: stepPermission('liquidity.parameterSet', 'approve'), args: z.object({ version, comment: stepCommentSchema }).strict(), result: liquidityParameterSetSchema }),
  'liquidity.rejectParameterSet': method({ summary: 'Send a submitted liquidity parameter set back to draft, with the reason.', permission: stepPermission('liquidity.parameterSet', 'reject'), args: z.object({ version, reason: rejectionReasonSchema }).strict(), result: liquidityParameterSetSchema }),
  'liquidity.activateParameterSet': method({ summary: 'Make an approved liquidity parameter set the active one (the previous one is retired), with a comment on what was checked.', permission: stepPermission('liquidity.parameterSet', 'activate'), args: z.object({ version, comment: stepCommentSchema }).strict(), result: liquidityParameterSetSchema }),
  'liquidity.position': method({
    summary: "The maturity ladder, LCR and NSFR of the workspace's lines as of a date (default: the lines' latest as-of), under a parameter set version (default: the active one).",
    permission: 'workspace.read',
    args: z.object({ asOf: isoDate.optional(), version: version.optional() }).strict(),
    result: liquidityPositionSchema,
  }),
  'liquidity.lines': method({
    summary: "A page of the workspace's lines with their LCR or NSFR category, factor and weighted amount, sorted and filtered in SQL.",
    permission: 'workspace.read',
    args: z.object({ ratio: z.enum(['lcr', 'nsfr']), asOf: isoDate.optional(), version: version.optional(), query: gridQuerySchema }).strict(),
    result: gridPageSchema(weightedLineSchema),
  }),
  'liquidity.stress': method({
    summary: 'A deterministic stress scenario of a parameter set version, day by day: outflows, inflows, buffer left and the survival day.',
    permission: 'workspace.read',
    args: z.object({ scenario: z.string().min(1).max(64), asOf: isoDate.optional(), version: version.optional() }).strict(),
    result: scenarioResultSchema,
  }),
  'liquidity.startMonteCarlo': method({
    summary: 'Simulate daily net redemptions by a seeded block bootstrap of the flow history on the worker pool, and store the result (a job).',
    permission: 'runs.start',
    args: monteCarloRequestSchema,
    result: jobStarted,
  }),
  'liquidity.simulations': method({ summary: 'Stored Monte Carlo simulations, newest first.', permission: 'workspace.read', args: none, result: z.array(storedSimulationSchema) }),
  'liquidity.startRun': method({
    summary: 'Compute the position, the scenarios and the early-warning indicators as of a date, store them, and raise an alert for each breach (a job).',
    permission: 'runs.start',
    args: z.object({ asOf: isoDate.optional() }).strict(),
    result: jobStarted,
  }),
  'liquidity.runs': method({ summary: 'Liquidity runs, newest first.', permission: 'workspace.read', args: none, result: z.array(liquidityRunResultSchema) }),
  'liquidity.indicatorTrends': method({ summary: "Each early-warning indicator's history with its threshold, for the trend charts.", permission: 'workspace.read', args: none, result: z.array(indicatorTrendSchema) }),
  'evidence.preview': method({ summary: 'What an evidence pack of a scope would hold: rows per file and a rough size.', permission: 'evidence.export', args: evidenceScopeSchema, result: evidencePreviewSchema }),
  'evidence.startExport': method({
    summary: 'Write a signed BagIt evidence pack of a scope (a job; read the zip with evidence.readPack).',
    permission: 'evidence.export',
    args: evidenceScopeSchema,
    result: jobStarted,
  }),
  'evidence.readPack': method({ summary: 'Read a finished evidence pack in chunks (base64).', permission: 'evidence.export', args: z.object({ jobId, offset: z.number().int().min(0) }).strict(), result: binaryChunk }),
  'evidence.exports': method({ summary: 'Evidence packs exported from this workspace, newest first.', permission: 'evidence.export', args: none, result: z.array(evidenceExportSchema) }),
  'evidence.startVerify': method({ summary: 'Check an uploaded evidence pack line by line (a job); the upload is removed when it ends.', permission: 'evidence.verify', args: z.object({ uploadId }).strict(), result: jobStarted }),
  'reports.generate': method({
    summary: 'Make the risk report of a month or ISO week in English or Simplified Chinese, and keep it in the workspace (a job).',
    permission: 'reports.generate',
    args: z.object({ period: reportPeriodSchema, language: reportLanguageSchema }).strict(),
    result: jobStarted,
  }),
  'reports.list': method({ summary: 'Risk reports kept in the workspace, newest first.', permission: 'workspace.read', args: none, result: z.array(storedReportSchema) }),
  'reports.figures': method({ summary: 'The figures a kept report shows, for the preview.', permission: 'workspace.read', args: z.object({ reportId: z.number().int().min(1) }).strict(), result: reportFiguresSchema }),
  'reports.readPdf': method({ summary: 'Read a kept report’s PDF in chunks (base64).', permission: 'workspace.read', args: z.object({ reportId: z.number().int().min(1), offset: z.number().int().min(0) }).strict(), result: binaryChunk }),
  'reports.schedule': method({ summary: 'When reports are made automatically (at the first unlock after one falls due).', permission: 'workspace.read', args: none, result: reportScheduleSchema }),
  'reports.setSchedule': method({
    summary: 'Set the automatic report: off, weekly or monthly, and its language.',
    permission: 'reports.schedule',
    args: z.object({ frequency: z.enum(REPORT_FREQUENCIES), language: reportLanguageSchema }).strict(),
    result: reportScheduleSchema,
  }),
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Contract[M]['result']>;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** Ok only for a method of the contract: the compiler refuses a kind in ARTEFACT_KINDS that names any other. */
type ContractMethod<M extends MethodName> = M;
/** The methods of every kind's lifecycle steps, by the names ARTEFACT_KINDS gives them. */
export type LifecycleMethodName = ContractMethod<(typeof ARTEFACT_KINDS)[ArtefactKind]['methods'][LifecycleStep]>;
