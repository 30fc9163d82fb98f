import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of a file, streamed so large workspaces do not have to fit in memory. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
