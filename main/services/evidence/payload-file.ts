import { z } from 'zod';

/**
 * One file of an evidence pack's payload, produced on demand and streamed into the zip, so that a scope of a million
 * alerts never has to be in memory: the pack's writer (bag-writer.ts) asks for the content when it reaches the file.
 */
export interface PayloadFile {
  /** Path under data/, with forward slashes, e.g. 'cases/cases.csv' (written as data/cases/cases.csv). */
  readonly path: string;
  /** The content: text chunks (written as UTF-8) or bytes. */
  readonly content: () => AsyncIterable<string | Uint8Array>;
}

/**
 * The audit chain slice a pack carries: the events of the period, one JSON object per line in seq order
 * ({seq, at, actor, action, subject, details (an object), prev_hash, hash}), and a header that ties the slice to the
 * full chain: the hash before its first event and the chain's head at export. Anyone holding the workspace (or an
 * earlier pack) can check that the slice is part of the same chain; the pack alone proves that it is one unbroken run.
 */
export const AUDIT_EVENTS_PATH = 'audit/audit-events.jsonl';
export const AUDIT_SLICE_PATH = 'audit/audit-slice.json';

const hash = z.string().regex(/^[0-9a-f]{64}$/);
export const auditSliceHeaderSchema = z
  .object({
    /** First and last seq of the slice (null for a period without events). */
    fromSeq: z.number().int().min(1).nullable(),
    toSeq: z.number().int().min(1).nullable(),
    events: z.number().int().min(0),
    /** The hash of the event before fromSeq (the genesis hash when the slice starts the chain). */
    hashBeforeFirst: hash,
    /** The hash of the slice's last event (hashBeforeFirst for an empty slice). */
    lastHash: hash,
    chainHead: z.object({ seq: z.number().int().min(0), hash }).strict(),
  })
  .strict();
export type AuditSliceHeader = z.infer<typeof auditSliceHeaderSchema>;
