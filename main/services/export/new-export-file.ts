import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { writeFileAtomic } from '../../store/atomic-file.ts';
import type { PendingOutputs } from '../../store/pending-outputs.ts';

/**
 * Refuses a file that exists already, so that an export never overwrites a file the user did not mean to lose; `option`
 * names the argument that gave the path.
 */
export function requireNewFile(file: string, option: string): void {
  if (fs.existsSync(file)) throw new RiskDeskError('VALIDATION', `${file} already exists: give ${option} a new file name.`, [{ path: option, message: 'the file exists' }]);
}

/**
 * A new owner-only (0600) file holding `content`, complete or not there at all: written beside it under a temporary
 * name that `pending` (the workspace's pending outputs) names meanwhile, so a kill leaves it only until the next unlock.
 */
export function writeNewOwnerOnlyFile(file: string, content: Buffer, option: string, pending: PendingOutputs): void {
  requireNewFile(file, option);
  const temp = `${path.resolve(file)}.partial-${randomBytes(6).toString('hex')}`;
  pending.add(temp);
  try {
    writeFileAtomic(file, content, 0o600, temp);
  } finally {
    pending.remove(temp);
  }
}
