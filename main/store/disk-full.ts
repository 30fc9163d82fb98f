import path from 'node:path';

/**
 * SQLite's SQLITE_FULL (a database or its journal could not grow) or the system's ENOSPC (a plain file write): the
 * disk is full. Their own texts ("database or disk is full", "ENOSPC: no space left on device, write") say neither
 * which disk nor what to do, so callers name the folder whose disk filled up with `diskFullSentence`.
 */
export function isDiskFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === 'SQLITE_FULL' || error.code === 'ENOSPC';
}

/** "the disk holding FOLDER is full", for a message that goes on to say what was (not) written and what to do. */
export function diskFullSentence(file: string): string {
  return `the disk holding ${path.dirname(path.resolve(file))} is full`;
}
