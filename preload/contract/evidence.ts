import { z } from 'zod';

/**
 * Evidence packs for auditors: a scope of the workspace (a period, optionally narrowed to chosen cases, models, rule
 * set versions or runs) as a signed BagIt 1.0 bag (RFC 8493) in one zip, which `riskdesk evidence verify` and any
 * BagIt tool check without the workspace.
 */

const isoDate = z.iso.date();
const id = z.number().int().min(1);
const ids = z.array(id).min(1).max(10_000);

export const evidenceScopeSchema = z
  .object({
    /** First and last day of the period (UTC calendar dates, both included). */
    from: isoDate,
    to: isoDate,
    /** Only these cases (and their alerts); default: every case open at some time in the period. */
    cases: ids.optional(),
    /** Only these credit models' cards; default: the models active at some time in the period. */
    models: ids.optional(),
    /** Only these fraud rule set versions; default: the versions in force at some time in the period. */
    ruleSetVersions: ids.optional(),
    /** Only these credit and fraud runs; default: the runs finished in the period. */
    runs: ids.optional(),
  })
  .strict()
  .refine((scope) => scope.from <= scope.to, { message: 'the period ends before it starts', path: ['to'] });
export type EvidenceScope = z.infer<typeof evidenceScopeSchema>;

/** What an export of a scope will hold, before it is made. */
export const evidencePreviewSchema = z.object({
  scope: evidenceScopeSchema,
  /** Rows or documents per payload file (data/…), in the order the pack writes them. */
  files: z.array(z.object({ path: z.string(), rows: z.number().int().min(0) })),
  /** A rough size of the payload before compression, from the row counts. */
  estimatedBytes: z.number().int().min(0),
});
export type EvidencePreview = z.infer<typeof evidencePreviewSchema>;

/** A pack made, as listed among past exports (and returned by the export job). */
export const evidenceExportSchema = z.object({
  exportId: z.number().int(),
  fileName: z.string(),
  scope: evidenceScopeSchema,
  exportedBy: z.string(),
  exportedAt: z.string(),
  /** Size and SHA-256 of the zip. */
  bytes: z.number().int(),
  sha256: z.string(),
  payloadFiles: z.number().int(),
  payloadBytes: z.number().int(),
  /** The signing key's fingerprint (the first 16 hex digits of the SHA-256 of its SPKI DER): what a recipient compares with the workspace's. */
  fingerprint: z.string(),
  /** The audit chain's head at export, which the pack carries. */
  auditHead: z.string(),
});
export type EvidenceExport = z.infer<typeof evidenceExportSchema>;

export const BAG_CHECKS = [
  /** The zip itself: readable, one top-level folder, no unsafe paths. */
  'zip',
  /** bagit.txt declares BagIt 1.0 in UTF-8. */
  'bag-declaration',
  /** bag-info.txt parses and has the required labels. */
  'bag-info',
  /** A payload file's SHA-256 against manifest-sha256.txt. */
  'payload-file',
  /** A file under data/ that the manifest does not list. */
  'unlisted-file',
  /** A file a manifest lists that the pack does not hold. */
  'missing-file',
  /** Payload-Oxum (octets and file count of the payload) against the payload. */
  'payload-oxum',
  /** A tag file's SHA-256 against tagmanifest-sha256.txt. */
  'tag-file',
  /** public-key.pem is an Ed25519 public key, with its fingerprint. */
  'public-key',
  /** signature.ed25519 over tagmanifest-sha256.txt under public-key.pem. */
  'signature',
  /** The audit slice's events follow one another from the hash before the first to the last. */
  'audit-slice',
] as const;
export type BagCheck = (typeof BAG_CHECKS)[number];

/** A pack checked line by line: every check that ran, and whether it held. */
export const bagVerificationSchema = z.object({
  ok: z.boolean(),
  fileName: z.string(),
  /** The signing key's fingerprint as the pack states it (null when public-key.pem is unreadable). */
  fingerprint: z.string().nullable(),
  /** Whether that key is this workspace's (null where no workspace is open: the CLI). */
  ownWorkspace: z.boolean().nullable(),
  bagInfo: z.array(z.object({ label: z.string(), value: z.string() })),
  checks: z.array(z.object({ check: z.enum(BAG_CHECKS), file: z.string().nullable(), ok: z.boolean(), message: z.string() })),
});
export type BagVerification = z.infer<typeof bagVerificationSchema>;
