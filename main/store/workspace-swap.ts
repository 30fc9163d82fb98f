import fs from 'node:fs';
import { keyringPathFor } from './keyring.ts';

// Placeholder until the crash-safe swap lands (h14-swap): same API.
export function swapInWorkspace(staged: string, target: string): void {
  for (const f of [`${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
  fs.renameSync(keyringPathFor(staged), keyringPathFor(target));
  fs.renameSync(staged, target);
}
