import { z } from 'zod';

/** Every error that crosses the boundary has one of these codes and a message a person can act on. */
export const API_ERROR_CODES = [
  'VALIDATION',
  'LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INTERNAL',
  'WORKSPACE_NOT_FOUND',
  'WORKSPACE_EXISTS',
  'KEYRING_MISSING',
  'KEYRING_DAMAGED',
  'KEYRING_MISMATCH',
  'NOT_A_WORKSPACE',
  'WORKSPACE_DAMAGED',
  'WORKSPACE_TOO_NEW',
  'MIGRATION_FAILED',
  'BAD_PASSPHRASE',
  'WEAK_PASSPHRASE',
  'UNKNOWN_USER',
  'USER_EXISTS',
  'LAST_ADMIN',
  'INVALID_ARGUMENT',
  'IMPORT_REJECTED',
  'FILE_UNREADABLE',
  'BACKUP_FAILED',
  'REKEY_BLOCKED',
  'REKEY_FAILED',
  'JOB_FAILED',
  'JOB_CANCELLED',
  /** An approval by the author or the submitter of what is approved: someone else must approve. */
  'FOUR_EYES',
  /** Not possible in the current state (approving an active model, a run with no active model, …). */
  'INVALID_STATE',
  // What the command line finds itself (it turns USAGE into exit 2, every other code into exit 1).
  /** The command line is wrong: an unknown command, a missing option, no passphrase source. */
  'USAGE',
  'AUDIT_CHAIN_BROKEN',
  /** An evidence pack failed a check: a file whose hash differs, a file missing or added, the signature, the audit slice. */
  'EVIDENCE_INVALID',
  /** The new passphrase was typed differently the second time. */
  'PASSPHRASE_MISMATCH',
  'PORT_IN_USE',
  'PORT_DENIED',
  /** A scorecard fit that produced no model, by the regression's reason. */
  'MODEL_SEPARATION',
  'MODEL_SINGULAR',
  'MODEL_NOT_CONVERGED',
  'MODEL_ONE_CLASS',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/**
 * The one error type of RiskDesk, from the store to the renderer: a contract code (for programs and tests) and a
 * message a person can act on, with structured details (validation issues, import problems). Messages and
 * details never include key material or passphrases, and never a stack trace.
 */
export class RiskDeskError extends Error {
  readonly code: ApiErrorCode;
  readonly details?: unknown;

  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'RiskDeskError';
    this.code = code;
    this.details = details;
  }
}

export function isRiskDeskError(error: unknown): error is RiskDeskError {
  return error instanceof RiskDeskError;
}

export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  /** Structured extras: validation issues (path + message), import problems, … Never stack traces. */
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** What every call returns on either transport. */
export type ApiOutcome<T> = { ok: true; result: T } | { ok: false; error: ApiError };
