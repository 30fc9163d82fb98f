import fs from 'node:fs';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

const CHUNK_BYTES = 512 * 1024;

/** About half a megabyte of a binary file (a zip) from byte `offset`, base64, so that a large pack is never one message. */
export async function readBinaryChunk(file: string, offset: number): Promise<{ data: string; nextOffset: number; done: boolean }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (offset > size) throw new RiskDeskError('VALIDATION', `offset ${offset} is past the end of the file (${size} bytes).`, [{ path: 'offset', message: 'past the end of the file' }]);
    const buffer = Buffer.alloc(Math.min(CHUNK_BYTES, size - offset));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    const nextOffset = offset + bytesRead;
    return { data: buffer.subarray(0, bytesRead).toString('base64'), nextOffset, done: nextOffset >= size };
  } finally {
    await handle.close();
  }
}
