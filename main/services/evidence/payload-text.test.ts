import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inChunks, PAYLOAD_CHUNK_CHARS } from './payload-text.ts';

async function chunkLengths(lines: string[]): Promise<number[]> {
  const lengths: number[] = [];
  for await (const chunk of inChunks(lines)) lengths.push(chunk.length);
  return lengths;
}

describe('inChunks', () => {
  const quarter = 'x'.repeat(PAYLOAD_CHUNK_CHARS / 4);

  it('fills a chunk up to the limit and starts the next with the line that would overflow it', async () => {
    // Nine quarters: four, four, one.
    assert.deepEqual(await chunkLengths(Array<string>(9).fill(quarter)), [PAYLOAD_CHUNK_CHARS, PAYLOAD_CHUNK_CHARS, PAYLOAD_CHUNK_CHARS / 4]);
    // A quarter and one character more each: three fit, the fourth would overflow.
    const over = `${quarter}y`;
    assert.deepEqual(await chunkLengths([over, over, over, over]), [3 * over.length, over.length]);
  });

  it('never splits a line: a longer one is a chunk of its own', async () => {
    const long = 'z'.repeat(PAYLOAD_CHUNK_CHARS + 10);
    assert.deepEqual(await chunkLengths(['a', long, 'b']), [1, long.length, 1]);
  });

  it('yields nothing for no lines', async () => {
    assert.deepEqual(await chunkLengths([]), []);
  });
});
