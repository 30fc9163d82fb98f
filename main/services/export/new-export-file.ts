import fs from 'node:fs';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { writeFileAtomic } from '../../store/atomic-file.ts';

/**
 * Refuses a file that exists already, so that an export never overwrites a file the user did not mean to lose; `option`
 * names the argument that gave the path.
 */
export function requireNewFile(file: string, option: string): void {
  if (fs.existsSync(file)) throw new RiskDeskError('VALIDATION', `${file} already exists: give ${option} a new file name.`, [{ path: option, message: 'the file exists' }]);
}

/** A new owner-only (0600) file holding `content`, complete or not there at all (written beside it, then renamed). */
export function writeNewOwnerOnlyFile(file: string, content: Buffer, option: string): void {
  requireNewFile(file, option);
  writeFileAtomic(file, content, 0o600);
}
