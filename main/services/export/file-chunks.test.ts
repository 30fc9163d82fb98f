import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { readFileChunk, type ChunkEncoding } from './file-chunks.ts';

let folder: string;

function fileWith(name: string, content: string | Buffer): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, content);
  return file;
}

/** Every chunk of `file` from offset 0, as a client reads them: each from the previous one's nextOffset. */
async function readAll(file: string, encoding: ChunkEncoding): Promise<{ data: string; bytes: number }[]> {
  const chunks: { data: string; bytes: number }[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await readFileChunk(file, offset, encoding);
    chunks.push({ data: chunk.data, bytes: chunk.nextOffset - offset });
    offset = chunk.nextOffset;
    if (chunk.done) return chunks;
  }
}

describe('readFileChunk', () => {
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'riskdesk-file-chunks-'));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('splits a large text file into chunks of about 1 MB without cutting a character in two', async () => {
    // 'a' first, so that the 1 MiB mark falls inside a 3-byte character; the emoji put one inside a 4-byte one.
    for (const [text, count] of [['a' + '风险'.repeat(400_000), 3], ['ab' + '😀'.repeat(300_000), 2]] as const) {
      const chunks = await readAll(fileWith('wide.csv', text), 'utf8');
      assert.equal(chunks.length, count);
      assert.ok(chunks.every(({ data }) => !data.includes('\uFFFD')));
      assert.equal(chunks.map(({ data }) => data).join(''), text);
      // Each but the last stops at most three bytes short of 1 MiB (a character is at most four).
      for (const { bytes } of chunks.slice(0, -1)) assert.ok(bytes <= 1 << 20 && bytes > (1 << 20) - 4, `${bytes} bytes`);
    }
  });

  it('splits a binary file into base64 chunks of exactly 512 KiB, whatever the bytes look like as UTF-8', async () => {
    // UTF-8 whose 512 KiB mark falls inside a character: a text read would move the cut, a binary one must not.
    const bytes = Buffer.concat([randomBytes(1), Buffer.from('风险'.repeat(250_000))]);
    const chunks = await readAll(fileWith('pack.zip', bytes), 'base64');
    assert.deepEqual(
      chunks.map((chunk) => chunk.bytes),
      [512 * 1024, 512 * 1024, bytes.length - 1024 * 1024],
    );
    assert.ok(Buffer.concat(chunks.map(({ data }) => Buffer.from(data, 'base64'))).equals(bytes));
  });

  it('answers an empty chunk, done, at the end of the file and for an empty file', async () => {
    const file = fileWith('short.csv', 'x,y\r\n');
    assert.deepEqual(await readFileChunk(file, 5, 'utf8'), { data: '', nextOffset: 5, done: true });
    assert.deepEqual(await readFileChunk(fileWith('empty.zip', ''), 0, 'base64'), { data: '', nextOffset: 0, done: true });
  });

  it('refuses an offset past the end as VALIDATION on the offset, naming the size', async () => {
    const file = fileWith('short.csv', 'x,y\r\n');
    await assert.rejects(readFileChunk(file, 6, 'utf8'), (error) => {
      assert.ok(error instanceof RiskDeskError);
      assert.equal(error.code, 'VALIDATION');
      assert.equal(error.message, 'offset 6 is past the end of the file (5 bytes).');
      assert.deepEqual(error.details, [{ path: 'offset', message: 'past the end of the file' }]);
      return true;
    });
  });
});
