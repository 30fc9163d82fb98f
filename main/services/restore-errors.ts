import { isSqliteCode } from '../store/database.ts';
import { isRiskDeskError, RiskDeskError } from '../../preload/contract/errors.ts';

/** WORKSPACE_DAMAGED naming the backup, with what is wrong with it and what to do. */
export function damagedBackup(backup: string, problem: string): RiskDeskError {
  return new RiskDeskError('WORKSPACE_DAMAGED', `${backup} is damaged or truncated: ${problem}; use another backup.`);
}

/**
 * A restore unlocks and checks a private copy of the backup (the backup itself is never modified), so what
 * goes wrong there is reported about a temporary file the user never named. This reports it about the backup:
 * SQLite's "malformed" or "not a database" and an undecryptable copy as a damaged backup, and RiskDesk's other
 * errors with the same code and the copy's path (and so its keyring's, the same path plus a suffix) replaced
 * by the backup's.
 */
export function aboutTheBackup(error: unknown, files: { copy: string; backup: string }): unknown {
  if (isSqliteCode(error, 'SQLITE_CORRUPT') || isSqliteCode(error, 'SQLITE_NOTADB')) {
    return damagedBackup(files.backup, `SQLite reports "${(error as Error).message}"`);
  }
  if (!isRiskDeskError(error)) return error;
  // The store says the copy could not be decrypted; a failed integrity check already names the backup.
  if (error.code === 'WORKSPACE_DAMAGED' && error.message.includes(files.copy)) return damagedBackup(files.backup, 'it cannot be decrypted with the key in its keyring');
  return new RiskDeskError(error.code, error.message.replaceAll(files.copy, files.backup), error.details);
}
