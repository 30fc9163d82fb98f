import { z } from 'zod';
import { ARTEFACT_KINDS, type ArtefactKind } from './lifecycle.ts';

/**
 * One alert shape for every source: the credit, fraud and liquidity engines emit alerts through one function in
 * main (store/alerts.ts's emitAlerts), and a person may raise one by hand. An alert is about one subject (a loan, a
 * borrower, an account, …); while it is open, the same type on the same subject is the same alert: an engine that
 * sees it again updates its latest figures and counts the occurrence instead of raising a second one.
 *
 * Its explanation is structured, never prose: a message key and the figures and thresholds that made it, so that
 * the screens say it in English and in Simplified Chinese. A manual alert also carries the note its author wrote.
 */
export const ALERT_SOURCES = ['credit', 'fraud', 'liquidity', 'manual'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

export const ALERT_SUBJECT_TYPES = ['loan', 'borrower', 'account', 'transaction', 'device', 'product', 'portfolio'] as const;
export type AlertSubjectType = (typeof ALERT_SUBJECT_TYPES)[number];

/** From least to most severe: the queue sorts by this order (the schema ranks them 1–4), not alphabetically. */
export const ALERT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** Closing comes with cases; until then an alert is open. */
export const ALERT_STATUSES = ['open', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The type of every alert a person raises (one open manual alert per subject; raising it again is a re-occurrence). */
export const MANUAL_ALERT_TYPE = 'manual.review';

const dottedKey = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'a dotted lower-case key such as credit.stage_migration');

/** `<source>.<what>`, e.g. credit.stage_migration: its first part is the source that raises it. */
export const alertTypeSchema = dottedKey;

export const alertSubjectSchema = z.object({ type: z.enum(ALERT_SUBJECT_TYPES), id: z.string().min(1).max(128) }).strict();
export type AlertSubject = z.infer<typeof alertSubjectSchema>;

/** One figure behind an alert: its value, and where one applies the value before and the threshold it crossed. */
export const alertFigureSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a lower-case name such as dpd'),
    value: z.union([z.number().finite(), z.string().max(64)]),
    previous: z.union([z.number().finite(), z.string().max(64)]).optional(),
    threshold: z.number().finite().optional(),
    /** days, ratio, an ISO 4217 currency for minor units, …: the screens format the value by it. */
    unit: z.string().regex(/^[A-Za-z_]{1,16}$/).optional(),
  })
  .strict();
export type AlertFigure = z.infer<typeof alertFigureSchema>;

export const alertExplanationSchema = z
  .object({
    /** The message the screens show, in the user's language, filled in with the figures. */
    key: dottedKey,
    figures: z.array(alertFigureSchema).max(32),
    /** A person's own words (manual alerts): shown as written, never translated. */
    note: z.string().max(2000).optional(),
    /** The ids of the rules that fired, in rule-set order (fraud alerts; the figures are the feature values they read). */
    rules: z.array(z.string().max(64)).max(200).optional(),
  })
  .strict();
export type AlertExplanation = z.infer<typeof alertExplanationSchema>;

const ARTEFACT_KIND_NAMES = Object.keys(ARTEFACT_KINDS) as [ArtefactKind, ...ArtefactKind[]];
/** The versions (or ids) of the artefacts behind an alert, by lifecycle kind: the runs table's `artefacts`. */
export const alertArtefactsSchema = z.partialRecord(z.enum(ARTEFACT_KIND_NAMES), z.number().int().min(1));

const runId = z.number().int().min(1);

export const alertSchema = z.object({
  alertId: z.number().int(),
  source: z.enum(ALERT_SOURCES),
  type: alertTypeSchema,
  subject: alertSubjectSchema,
  severity: z.enum(ALERT_SEVERITIES),
  score: z.number().finite(),
  explanation: alertExplanationSchema,
  /** The run that raised it first (null for a manual alert), and the run that saw it last. */
  runId: runId.nullable(),
  lastRunId: runId.nullable(),
  /** Of its latest occurrence, as its explanation, score and severity are. */
  artefacts: alertArtefactsSchema,
  /** Who raised a manual alert (the latest to raise it again, whose note it shows); an engine's alert names its run instead. */
  raisedBy: z.string().nullable(),
  status: z.enum(ALERT_STATUSES),
  occurrences: z.number().int().min(1),
  createdAt: z.string(),
  lastSeenAt: z.string(),
});
export type Alert = z.infer<typeof alertSchema>;

/** An alert as a row of the queue's grid (its column ids); the explanation is read with the alert. */
export const alertRowSchema = z.object({
  alert_id: z.number().int(),
  source: z.enum(ALERT_SOURCES),
  type: z.string(),
  subject_type: z.enum(ALERT_SUBJECT_TYPES),
  subject_id: z.string(),
  severity: z.enum(ALERT_SEVERITIES),
  score: z.number(),
  status: z.enum(ALERT_STATUSES),
  occurrences: z.number().int(),
  created_at: z.string(),
  last_seen_at: z.string(),
  run_id: z.number().int().nullable(),
  last_run_id: z.number().int().nullable(),
  raised_by: z.string().nullable(),
});
export type AlertRow = z.infer<typeof alertRowSchema>;

/** A manual alert: on any subject, with a severity and the reason in the author's words. */
export const manualAlertSchema = z
  .object({
    subject: alertSubjectSchema,
    severity: z.enum(ALERT_SEVERITIES),
    note: z.string().trim().min(1).max(2000),
  })
  .strict();
export type ManualAlert = z.infer<typeof manualAlertSchema>;
