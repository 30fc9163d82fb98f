import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { isRiskDeskError } from '../../../preload/contract/errors.ts';
import { tempDir } from '../../test-support/temp-workspace.ts';
import { readJobFileChunk } from './job-file-chunks.ts';
import { JobRegistry } from './job-registry.ts';
import { WriteLock } from './write-lock.ts';

const CONTENT = 'loan_id\nL1\nL2\n';
const CHUNK = 5;

/** A finished loan export job whose file holds CONTENT, on a real registry. */
async function finishedExport(dir: string): Promise<{ jobs: JobRegistry; jobId: string; file: string }> {
  let finished = (): void => {};
  const settled = new Promise<void>((resolve) => (finished = resolve));
  const jobs = new JobRegistry({
    emit: (name) => {
      if (name === 'job.done') finished();
    },
    writeLock: new WriteLock(),
    writerSpec: () => assert.fail('an export does not write'),
    now: () => new Date('2026-01-01T00:00:00Z'),
    log: (line) => assert.fail(line),
  });
  const file = path.join(dir, 'loans.csv');
  const jobId = jobs.start('export-loans', 'Loan export (CSV)', async (control) => {
    fs.writeFileSync(file, CONTENT, { mode: 0o600 });
    control.keepFile(file);
    return { fileName: 'loans.csv', rows: 2, bytes: CONTENT.length, sha256: '0'.repeat(64) };
  });
  await settled;
  return { jobs, jobId, file };
}

/** CHUNK bytes of `file` from `offset`, as the export handlers read them. */
async function readFrom(file: string, offset: number): Promise<{ chunk: string; nextOffset: number; done: boolean }> {
  const bytes = await fs.promises.readFile(file);
  const chunk = bytes.subarray(offset, offset + CHUNK);
  return { chunk: chunk.toString('utf8'), nextOffset: offset + chunk.length, done: offset + chunk.length >= bytes.length };
}

function refusedAsGone(error: unknown): boolean {
  return isRiskDeskError(error) && error.code === 'NOT_FOUND' && /is no longer here: it is removed once it has been read to its end\. Make it again/.test(error.message);
}

describe('reading a job’s plaintext file in chunks', () => {
  it('keeps the file while chunks remain, removes it once the last one is read, and then says it is gone', async () => {
    const { jobs, jobId, file } = await finishedExport(tempDir('riskdesk-job-file-'));
    const request = { jobId, kind: 'export-loans', what: 'The export' } as const;
    let text = '';
    for (let offset = 0; ; ) {
      assert.ok(fs.existsSync(file), `the file is there before the chunk at ${offset}`);
      const chunk = await readJobFileChunk({ jobs }, request, (f) => readFrom(f, offset));
      assert.equal(chunk.fileName, 'loans.csv');
      text += chunk.chunk;
      offset = chunk.nextOffset;
      if (chunk.done) break;
    }
    assert.equal(text, CONTENT);
    assert.ok(!fs.existsSync(file), 'the plaintext went with its last chunk');
    await assert.rejects(readJobFileChunk({ jobs }, request, (f) => readFrom(f, 0)), refusedAsGone);
  });

  it('answers a read racing the last one (the file removed under it) as gone, not as an internal error', async () => {
    const { jobs, jobId, file } = await finishedExport(tempDir('riskdesk-job-file-'));
    const request = { jobId, kind: 'export-loans', what: 'The export' } as const;
    const raced = readJobFileChunk({ jobs }, request, async (f) => {
      fs.rmSync(file);
      return readFrom(f, 0);
    });
    await assert.rejects(raced, refusedAsGone);
  });

  it('refuses a job of another kind, as the registry does', async () => {
    const { jobs, jobId, file } = await finishedExport(tempDir('riskdesk-job-file-'));
    await assert.rejects(
      readJobFileChunk({ jobs }, { jobId, kind: 'evidence-export', what: 'The evidence pack' }, (f) => readFrom(f, 0)),
      (error) => isRiskDeskError(error) && error.code === 'NOT_FOUND',
    );
    assert.ok(fs.existsSync(file), 'a refused read removes nothing');
  });
});
