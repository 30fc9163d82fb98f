// Files a command reads from the user (drafts, signed exports), refused by name when they cannot be read.
import fs from 'node:fs';
import { RiskDeskError } from '../../preload/contract/errors.ts';

/** The text of `file`: FILE_UNREADABLE naming it (and why) if it cannot be read. */
export function readTextFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new RiskDeskError('FILE_UNREADABLE', `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`, { file });
  }
}

/** The JSON in `file`: FILE_UNREADABLE naming it if it cannot be read or is not JSON. */
export function readJson(file: string): unknown {
  const text = readTextFile(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RiskDeskError('FILE_UNREADABLE', `${file} is not JSON (${(error as Error).message}).`, { file });
  }
}
