/**
 * Errors that reach a user carry a stable code (for programs and tests) and a message a person can act on.
 * Nothing here ever includes key material or passphrases.
 */
export type RiskDeskErrorCode =
  | 'WORKSPACE_NOT_FOUND'
  | 'WORKSPACE_EXISTS'
  | 'KEYRING_MISSING'
  | 'KEYRING_DAMAGED'
  | 'KEYRING_MISMATCH'
  | 'NOT_A_WORKSPACE'
  | 'WORKSPACE_DAMAGED'
  | 'WORKSPACE_TOO_NEW'
  | 'MIGRATION_FAILED'
  | 'BAD_PASSPHRASE'
  | 'WEAK_PASSPHRASE'
  | 'UNKNOWN_USER'
  | 'USER_EXISTS'
  | 'LAST_ADMIN'
  | 'FORBIDDEN'
  | 'INVALID_ARGUMENT'
  | 'IMPORT_REJECTED'
  | 'FILE_UNREADABLE'
  | 'BACKUP_FAILED'
  | 'JOB_FAILED'
  | 'JOB_CANCELLED'
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'FOUR_EYES';

export class RiskDeskError extends Error {
  readonly code: RiskDeskErrorCode;
  readonly details?: unknown;

  constructor(code: RiskDeskErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'RiskDeskError';
    this.code = code;
    this.details = details;
  }
}

export function isRiskDeskError(error: unknown): error is RiskDeskError {
  return error instanceof RiskDeskError;
}
