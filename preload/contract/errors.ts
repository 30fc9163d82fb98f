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
  'JOB_FAILED',
  'JOB_CANCELLED',
  /** An approval by the author of what is approved: a second person must approve. */
  'FOUR_EYES',
  /** Not possible in the current state (approving an active model, a run with no active model, …). */
  'INVALID_STATE',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  code: z.enum(API_ERROR_CODES),
  message: z.string(),
  /** Structured extras: validation issues (path + message), import problems, … Never stack traces. */
  details: z.unknown().optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** What every call returns on either transport. */
export type ApiOutcome<T> = { ok: true; result: T } | { ok: false; error: ApiError };
