import { z } from 'zod';
import { ALERT_SEVERITIES, ALERT_SOURCES, alertSchema, alertSubjectSchema, alertTypeSchema } from './alerts.ts';
import { CASE_ACTIONS, CASE_DISPOSITIONS, CASE_STATUSES, MAX_ATTACHMENT_BYTES } from './case-workflow.ts';
import { lifecycleFields } from './lifecycle.ts';
import { ROLES } from './permissions.ts';

export * from './case-workflow.ts';

/**
 * Cases: alerts grouped for a person to work (by borrower for credit, by account for fraud, by product for liquidity,
 * by subject otherwise), with an assignee, an SLA due date, a response playbook, notes, attachments, actions and a
 * disposition. The workflow is case-workflow.ts's table. A case's type is the source of its alerts; its priority is
 * the highest severity among them.
 */
export const CASE_TYPES = ALERT_SOURCES;
export type CaseType = (typeof CASE_TYPES)[number];

const caseId = z.number().int().min(1);
const username = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'user names are 1–64 letters, digits, ".", "_" or "-"');
const tag = z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N}][\p{L}\p{N} _.:-]*$/u, 'a tag is letters, digits, spaces, "_", ".", ":" or "-"');

/** A case as a row of the queue (its grid's column ids). */
export const caseRowSchema = z.object({
  case_id: z.number().int(),
  type: z.enum(CASE_TYPES),
  title: z.string(),
  priority: z.enum(ALERT_SEVERITIES),
  status: z.enum(CASE_STATUSES),
  assignee: z.string().nullable(),
  alert_count: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
  due_at: z.string(),
  closed_at: z.string().nullable(),
  disposition: z.enum(CASE_DISPOSITIONS).nullable(),
});
export type CaseRow = z.infer<typeof caseRowSchema>;

const caseEntitySchema = alertSubjectSchema;

const localText = z.object({ en: z.string().trim().min(1).max(300), 'zh-CN': z.string().trim().min(1).max(300) }).strict();

/** A playbook step of a case: from the playbook version the case opened with, due its hours after its alert type joined. */
export const caseStepSchema = z.object({
  alertType: z.string(),
  position: z.number().int(),
  step: z.string(),
  role: z.enum(ROLES),
  title: localText,
  dueAt: z.string(),
  doneBy: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export type CaseStep = z.infer<typeof caseStepSchema>;

export const caseNoteSchema = z.object({ noteId: z.number().int(), author: z.string(), at: z.string(), markdown: z.string() });
export type CaseNote = z.infer<typeof caseNoteSchema>;

export const caseActionEntrySchema = z.object({
  actionId: z.number().int(),
  action: z.enum(CASE_ACTIONS),
  subject: caseEntitySchema.nullable(),
  note: z.string(),
  by: z.string(),
  at: z.string(),
});
export type CaseActionEntry = z.infer<typeof caseActionEntrySchema>;

export const caseAttachmentSchema = z.object({
  attachmentId: z.number().int(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  addedBy: z.string(),
  addedAt: z.string(),
});
export type CaseAttachment = z.infer<typeof caseAttachmentSchema>;

export const caseSchema = z.object({
  caseId: z.number().int(),
  type: z.enum(CASE_TYPES),
  title: z.string(),
  priority: z.enum(ALERT_SEVERITIES),
  status: z.enum(CASE_STATUSES),
  assignee: z.string().nullable(),
  /** How the case groups alerts (e.g. `borrower:B17`); null for a case made by hand (a split). */
  groupKey: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  dueAt: z.string(),
  /** The SLA table version its due date came from. */
  slaVersion: z.number().int(),
  proposedBy: z.string().nullable(),
  proposedAt: z.string().nullable(),
  disposition: z.enum(CASE_DISPOSITIONS).nullable(),
  dispositionNote: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The case it was merged into (it is closed then, without a disposition: its alerts moved there). */
  mergedInto: z.number().int().nullable(),
  tags: z.array(z.string()),
  alerts: z.array(alertSchema),
  entities: z.array(caseEntitySchema),
  steps: z.array(caseStepSchema),
  notes: z.array(caseNoteSchema),
  actions: z.array(caseActionEntrySchema),
  attachments: z.array(caseAttachmentSchema),
});
export type Case = z.infer<typeof caseSchema>;

// ── Arguments ────────────────────────────────────────────────────────────────────────────────────────────────
export const assignCaseSchema = z.object({ caseId, to: username }).strict();
export const bulkAssignSchema = z.object({ caseIds: z.array(caseId).min(1).max(500), to: username }).strict();
export const transitionCaseSchema = z
  .object({
    caseId,
    to: z.enum(CASE_STATUSES),
    disposition: z.enum(CASE_DISPOSITIONS).optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict();
export type TransitionCase = z.infer<typeof transitionCaseSchema>;
export const caseNoteArgsSchema = z.object({ caseId, markdown: z.string().trim().min(1).max(20_000) }).strict();
export const caseActionArgsSchema = z.object({ caseId, action: z.enum(CASE_ACTIONS), subject: caseEntitySchema.optional(), note: z.string().trim().max(2000).default('') }).strict();
export const caseStepArgsSchema = z.object({ caseId, alertType: alertTypeSchema, position: z.number().int().min(1) }).strict();
export const caseTagsSchema = z.object({ caseId, tags: z.array(tag).max(20) }).strict();
export const mergeCasesSchema = z.object({ into: caseId, from: caseId }).strict().refine((m) => m.into !== m.from, { message: 'a case cannot be merged into itself', path: ['from'] });
export const splitCaseSchema = z.object({ caseId, alertIds: z.array(z.number().int().min(1)).min(1).max(500), title: z.string().trim().min(1).max(200) }).strict();
const mediaType = z.string().max(100).regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'a media type such as application/pdf');
/** A file the page uploaded (uploads.start/append), kept on the case; at most MAX_ATTACHMENT_BYTES. */
export const addAttachmentSchema = z.object({ caseId, uploadId: z.string().regex(/^[0-9a-f]{32}$/), mediaType }).strict();
export const attachmentArgsSchema = z.object({ caseId, attachmentId: z.number().int().min(1) }).strict();
/** An attachment's bytes as base64, checked against its SHA-256 on the way out. */
export const attachmentContentSchema = z.object({ name: z.string(), mediaType: z.string(), size: z.number().int().max(MAX_ATTACHMENT_BYTES), sha256: z.string(), contentBase64: z.string() });

/** Open cases per assignee and age, and SLA breaches by week: the workload screen. */
export const caseWorkloadSchema = z.object({
  byAssignee: z.array(z.object({ assignee: z.string().nullable(), ageBucket: z.enum(['0-1d', '1-3d', '3-7d', '7d+']), cases: z.number().int() })),
  breachesByWeek: z.array(z.object({ week: z.string(), breached: z.number().int(), closedInTime: z.number().int() })),
});
export type CaseWorkload = z.infer<typeof caseWorkloadSchema>;

// ── SLA tables and playbooks: versioned with the artefact lifecycle ───────────────────────────────────────────
const hours = z.number().int().min(1).max(24 * 365);
const byPriority = z.object({ low: hours, medium: hours, high: hours, critical: hours }).strict();

/** Hours from opening to the due date, per case type and priority. */
export const slaHoursSchema = z.object({ credit: byPriority, fraud: byPriority, liquidity: byPriority, manual: byPriority }).strict();
export type SlaHours = z.infer<typeof slaHoursSchema>;

export const slaTableSchema = z.object({ version: z.number().int().min(1), note: z.string(), document: slaHoursSchema, ...lifecycleFields });
export type SlaTable = z.infer<typeof slaTableSchema>;
export const shippedSlaTableSchema = z.object({ note: z.string().trim().min(1).max(500), document: slaHoursSchema }).strict();

/** One response step: who does it and within how many hours of the alert joining the case. */
const playbookStepSchema = z.object({ step: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/), role: z.enum(ROLES), dueHours: hours, title: localText }).strict();
export const playbooksSchema = z
  .object({ playbooks: z.array(z.object({ alertType: alertTypeSchema, steps: z.array(playbookStepSchema).min(1).max(30) }).strict()).max(200) })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.playbooks.forEach((playbook, i) => {
      if (seen.has(playbook.alertType)) ctx.addIssue({ code: 'custom', message: `a second playbook for ${playbook.alertType}`, path: ['playbooks', i, 'alertType'] });
      seen.add(playbook.alertType);
      const steps = new Set<string>();
      playbook.steps.forEach((step, j) => {
        if (steps.has(step.step)) ctx.addIssue({ code: 'custom', message: `step ${step.step} twice`, path: ['playbooks', i, 'steps', j, 'step'] });
        steps.add(step.step);
      });
    });
  });
export type Playbooks = z.infer<typeof playbooksSchema>;
export const playbookSetSchema = z.object({ version: z.number().int().min(1), note: z.string(), document: playbooksSchema, ...lifecycleFields });
export type PlaybookSet = z.infer<typeof playbookSetSchema>;
export const shippedPlaybookSetSchema = z.object({ note: z.string().trim().min(1).max(500), document: playbooksSchema }).strict();

