import { z } from 'zod';
import { filterModelSchema } from './grid.ts';

/**
 * The audit trail as people read it. An event's details are stored as canonical JSON (what its hash covers); main
 * also hands them over as key–value items, with money as minor units and its currency, and ids that name a model,
 * a case or a set version joined to that thing's name, so that the screen can say them in the user's language.
 */
export const AUDIT_REFERENCE_KINDS = ['model', 'case', 'creditParameters', 'ruleSet', 'liquidityParameters', 'slaTable', 'playbooks'] as const;
export type AuditReferenceKind = (typeof AUDIT_REFERENCE_KINDS)[number];

export const auditDetailValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('flag'), value: z.boolean() }),
  z.object({ kind: z.literal('none') }),
  /** An amount stored in minor units (`eclMinor: 123456` in CNY is 1,234.56 yuan). */
  z.object({ kind: z.literal('money'), minor: z.number(), currency: z.string() }),
  /** A code the app has a label for (a role, a severity, an outcome); shown through its label. */
  z.object({ kind: z.literal('code'), code: z.string() }),
  z.object({ kind: z.literal('user'), username: z.string() }),
  /** An id of a thing in the workspace with its name (null when it is no longer there). */
  z.object({ kind: z.literal('ref'), ref: z.enum(AUDIT_REFERENCE_KINDS), id: z.number(), name: z.string().nullable() }),
  /** A short list of plain values. */
  z.object({ kind: z.literal('list'), values: z.array(z.string()) }),
  /** A nested document (a rule set, a filter) too large for a line: how many entries it has; the raw JSON holds it. */
  z.object({ kind: z.literal('nested'), entries: z.number().int() }),
]);
export type AuditDetailValue = z.infer<typeof auditDetailValueSchema>;

export const auditDetailItemSchema = z.object({ key: z.string(), value: auditDetailValueSchema });
export type AuditDetailItem = z.infer<typeof auditDetailItemSchema>;

/** A row of the audit grid: the stored event (details as the raw JSON that the hash covers) and its readable form. */
export const auditTrailRowSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  subject: z.string(),
  details: z.string(),
  prev_hash: z.string(),
  hash: z.string(),
  /** The name of what the subject's id refers to (`credit model 3` → its name), where it has one. */
  subjectName: z.string().nullable(),
  items: z.array(auditDetailItemSchema),
});
export type AuditTrailRow = z.infer<typeof auditTrailRowSchema>;

/** An IANA time zone that this runtime knows (`Asia/Shanghai`, `UTC`). */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a time zone this system knows (use an IANA name such as Asia/Shanghai or UTC)' },
  );

/** The audit grid's filters (who, what, on which subject, which days) and the zone for the file's local times. */
export const auditExportArgsSchema = z.object({ filterModel: filterModelSchema, timeZone: timeZoneSchema }).strict();
export type AuditExportArgs = z.infer<typeof auditExportArgsSchema>;

/**
 * An instant as wall-clock time in `timeZone` with its offset, `2026-12-05 14:03:07 UTC+08:00`: sortable within one
 * zone and unambiguous across zones. The audit grid and the audit export both write times this way.
 */
export function zonedTimestamp(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset' })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  ) as Record<Intl.DateTimeFormatPartTypes, string>;
  // 'GMT+08:00', or 'GMT' for an offset of zero.
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} UTC${offset}`;
}
