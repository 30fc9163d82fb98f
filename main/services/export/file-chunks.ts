import fs from 'node:fs';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

/**
 * How a chunk crosses the boundary: a text file (a CSV export) as UTF-8 text, a binary one (a zip) as base64.
 * Base64 grows a chunk by a third, so binary chunks are half the size and a message stays under a megabyte.
 */
export type ChunkEncoding = 'utf8' | 'base64';

const CHUNK_BYTES: Record<ChunkEncoding, number> = { utf8: 1 << 20, base64: 512 * 1024 };

/**
 * One chunk of a finished file from byte `offset`, so that a large export is never one message. A UTF-8 chunk
 * never splits a character: it stops before one that the chunk would cut, and the next chunk starts there.
 */
export async function readFileChunk(file: string, offset: number, encoding: ChunkEncoding): Promise<{ data: string; nextOffset: number; done: boolean }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (offset > size) throw new RiskDeskError('VALIDATION', `offset ${offset} is past the end of the file (${size} bytes).`, [{ path: 'offset', message: 'past the end of the file' }]);
    const buffer = Buffer.alloc(Math.min(CHUNK_BYTES[encoding], size - offset));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    const end = encoding === 'utf8' && offset + bytesRead < size ? wholeCharactersEnd(buffer, bytesRead) : bytesRead;
    const nextOffset = offset + end;
    return { data: buffer.subarray(0, end).toString(encoding), nextOffset, done: nextOffset >= size };
  } finally {
    await handle.close();
  }
}

/** Where the first `length` bytes of UTF-8 `bytes` end if a character cut at the end is left for the next chunk. */
function wholeCharactersEnd(bytes: Buffer, length: number): number {
  // Back up to the start of the last character (continuation bytes are 10xxxxxx), then see if it fits.
  let start = length;
  while (start > 0 && ((bytes[start - 1] ?? 0) & 0xc0) === 0x80) start -= 1;
  const lead = bytes[start - 1] ?? 0;
  const characterLength = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return start > 0 && start - 1 + characterLength > length ? start - 1 : length;
}
