import { z } from 'zod';
import { LIFECYCLE_STATES, lifecycleFields } from './lifecycle.ts';

/**
 * Fraud rule sets: ordered CEL rules over the fraud feature catalogue and the review and block thresholds on their
 * summed score (DOMAIN.md, Fraud), versioned with the artefact lifecycle. The schema checks the shape; the fraud
 * engine's compileRuleSet (main) checks what only it can: that every expression parses and type-checks, and that
 * no id is used twice.
 */

/** The same slug the engine requires (main/engines/fraud/rules.ts): it names the rule in alerts and diffs. */
const ruleId = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/, 'a rule id is lowercase letters and digits, joined by single "-" or "_", starting with a letter');
const positive = z.number().positive();

export const ruleSchema = z
  .object({
    id: ruleId,
    description: z.string().trim().min(1).max(500),
    expression: z.string().min(1).max(2000),
    score: positive,
    action: z.enum(['review', 'block']),
    enabled: z.boolean(),
  })
  .strict();
export type Rule = z.infer<typeof ruleSchema>;

export const ruleSetSchema = z
  .object({
    rules: z.array(ruleSchema).max(200),
    thresholds: z.object({ review: positive, block: positive }).strict(),
  })
  .strict()
  .refine((set) => set.thresholds.review <= set.thresholds.block, { message: 'the review threshold must not be above the block threshold', path: ['thresholds', 'review'] });
export type RuleSet = z.infer<typeof ruleSetSchema>;

const version = z.number().int().min(1);
const note = z.string().trim().min(1).max(500);

export const ruleSetVersionSchema = z.object({ version, note: z.string(), ruleSet: ruleSetSchema, ...lifecycleFields });
export type RuleSetVersion = z.infer<typeof ruleSetVersionSchema>;

/** resources/rule-sets/fraud-default.json: version 1 of every workspace. */
export const shippedRuleSetSchema = z.object({ note, ruleSet: ruleSetSchema }).strict();

/** What changed from one version to another; rules are matched by id. */
export const RULE_FIELDS = ['description', 'expression', 'score', 'action', 'enabled'] as const;
const textPart = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export const ruleSetDiffSchema = z.object({
  from: version,
  to: version,
  /** Null when both versions have the same thresholds. */
  thresholds: z.object({ before: ruleSetSchema.shape.thresholds, after: ruleSetSchema.shape.thresholds }).nullable(),
  /** In the order of `to`. */
  added: z.array(ruleSchema),
  /** In the order of `from`. */
  removed: z.array(ruleSchema),
  /** Rules in both whose fields differ, in the order of `to`; `expression` is the word diff of the expression (all 'same' when unchanged). */
  changed: z.array(z.object({ id: z.string(), before: ruleSchema, after: ruleSchema, fields: z.array(z.enum(RULE_FIELDS)), expression: z.array(textPart) })),
  /** Whether the rules in both versions are in a different order (the order explanations list fired rules in). */
  reordered: z.boolean(),
});
export type RuleSetDiff = z.infer<typeof ruleSetDiffSchema>;

/** A feature a rule may read, as the engine's catalogue lists it (for the editor's completion and help). */
export const ruleFeatureSchema = z.object({
  name: z.string(),
  type: z.enum(['int', 'double', 'bool', 'string']),
  unit: z.string(),
  description: z.object({ en: z.string(), 'zh-CN': z.string() }),
});

/** Why an expression was refused; line and column (1-based) point into it. */
const ruleErrorSchema = z.object({
  code: z.enum(['too_long', 'syntax', 'limit', 'unknown_feature', 'forbidden', 'type', 'not_boolean']),
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  /** For an unknown feature: the name as written and the nearest catalogue feature. */
  identifier: z.string().optional(),
  suggestion: z.string().optional(),
});
export const ruleCheckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), reads: z.array(z.string()) }),
  z.object({ ok: z.literal(false), error: ruleErrorSchema }),
]);
export type RuleCheck = z.infer<typeof ruleCheckSchema>;

// ── Signed export files ──────────────────────────────────────────────────────────────────────────────────────
/**
 * A rule set version as a file another workspace can import: the payload and an Ed25519 signature over its RFC 8785
 * canonical JSON by the exporting workspace's key, which the file names (SPKI DER, base64). An import checks the
 * signature and reports whose key it is (the fingerprint: the first 16 hex digits of the key's SHA-256); it becomes a
 * draft there, so four eyes apply in the importing workspace too.
 */
export const RULE_SET_FILE_FORMAT = 'riskdesk.fraud-rule-set';
export const signedRuleSetFileSchema = z
  .object({
    format: z.literal(RULE_SET_FILE_FORMAT),
    formatVersion: z.literal(1),
    payload: z
      .object({ version, note: z.string(), status: z.enum(LIFECYCLE_STATES), exportedAt: z.string(), exportedBy: z.string(), ruleSet: ruleSetSchema })
      .strict(),
    signature: z.object({ algorithm: z.literal('ed25519'), publicKey: z.base64().min(1), value: z.base64().min(1) }).strict(),
  })
  .strict();
export type SignedRuleSetFile = z.infer<typeof signedRuleSetFileSchema>;
export type RuleSetFilePayload = SignedRuleSetFile['payload'];

export const ruleSetSignerSchema = z.object({ fingerprint: z.string().regex(/^[0-9a-f]{16}$/), ownKey: z.boolean() });

// ── Arguments ────────────────────────────────────────────────────────────────────────────────────────────────
export const saveRuleSetDraftSchema = z.object({ ruleSet: ruleSetSchema, note }).strict();
/** Longer than a rule may be, so that an over-long expression gets the engine's refusal with its position. */
export const checkRuleArgsSchema = z.object({ expression: z.string().max(20_000) }).strict();
/** A file of 200 rules at their longest is about 600,000 characters. */
export const importRuleSetSchema = z.object({ content: z.string().min(1).max(2_000_000), fileName: z.string().min(1).max(255).optional(), note: note.optional() }).strict();
