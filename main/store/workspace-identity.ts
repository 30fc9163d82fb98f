import fs from 'node:fs';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import type { Keyring } from './keyring.ts';

const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1');
const SALT_BYTES = 16;

/**
 * SQLCipher 4 files begin with their 16-byte random salt (no plaintext header). The keyring records it, which
 * tells "this keyring belongs to this file" apart from "wrong passphrase" before any key is tried.
 */
export function readDatabaseSalt(databasePath: string): Buffer {
  const fd = openOrExplain(databasePath);
  try {
    const head = Buffer.alloc(SALT_BYTES);
    const read = fs.readSync(fd, head, 0, SALT_BYTES, 0);
    if (read < SALT_BYTES) throw new RiskDeskError('NOT_A_WORKSPACE', `${databasePath} is not a RiskDesk workspace (the file is empty or truncated).`);
    if (head.equals(SQLITE_PLAIN_HEADER)) {
      throw new RiskDeskError('NOT_A_WORKSPACE', `${databasePath} is an unencrypted SQLite database, not a RiskDesk workspace.`);
    }
    return head;
  } finally {
    fs.closeSync(fd);
  }
}

function openOrExplain(databasePath: string): number {
  try {
    const stat = fs.statSync(databasePath);
    if (!stat.isFile()) throw new RiskDeskError('NOT_A_WORKSPACE', `${databasePath} is not a file.`);
    return fs.openSync(databasePath, 'r');
  } catch (error) {
    if (error instanceof RiskDeskError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new RiskDeskError('WORKSPACE_NOT_FOUND', `There is no workspace at ${databasePath}.`);
    throw new RiskDeskError('FILE_UNREADABLE', `${databasePath} cannot be read: ${(error as Error).message}`);
  }
}

export function assertKeyringMatches(databasePath: string, keyringPath: string, keyring: Keyring): void {
  const salt = readDatabaseSalt(databasePath).toString('hex');
  if (salt !== keyring.dbSalt) {
    throw new RiskDeskError(
      'KEYRING_MISMATCH',
      `The keyring ${keyringPath} does not belong to ${databasePath}: it is another workspace's keyring, or ${databasePath} is not a RiskDesk workspace.`,
    );
  }
}
