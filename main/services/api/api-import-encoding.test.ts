// Issue 14 §2: the app imports a GBK file when told its encoding, as `riskdesk import --encoding gbk` does, and a
// refusal of a file that is not UTF-8 says (in its details) which encoding to try again with.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ADMIN_PASSPHRASE, createTestWorkspace, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { GBK_BORROWER_REGIONS, GBK_BORROWERS_CSV } from '../../test-support/gbk-csv.ts';

/** What a refusal's details say to retry with (the job.done error carries the details its schema allows: any). */
function retryEncodingOf(error: unknown): unknown {
  return (error as { details?: { retryEncoding?: unknown } } | undefined)?.details?.retryEncoding;
}

describe('importing a GBK file through the contract', () => {
  let ws: TestWorkspace;
  let t: TestApi;

  before(async () => {
    ws = await createTestWorkspace({ roles: true });
    t = ws.service();
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
  });
  after(() => ws.dispose());

  async function uploadAndImport(args: Record<string, unknown>): ReturnType<TestApi['jobDone']> {
    const { uploadId } = await t.ok<{ uploadId: string }>('uploads.start', { fileName: 'borrowers-gbk.csv', bytes: GBK_BORROWERS_CSV.length });
    await t.ok('uploads.append', { uploadId, offset: 0, data: GBK_BORROWERS_CSV.toString('base64') });
    return t.jobDone((await t.ok<{ jobId: string }>('jobs.importUpload', { kind: 'borrowers', uploadId, ...args })).jobId);
  }

  async function regions(): Promise<Record<string, string>> {
    const page = await t.ok<{ rows: Array<{ borrower_id: string; region: string }> }>('portfolio.borrowers', { startRow: 0, endRow: 10, sortModel: [{ colId: 'borrower_id', sort: 'asc' }] });
    return Object.fromEntries(page.rows.map((row) => [row.borrower_id, row.region]));
  }

  it('refuses an uploaded GBK file read as UTF-8, naming GBK in the message and gbk as the encoding to retry with', async () => {
    for (const args of [{}, { encoding: 'utf-8' }]) {
      const done = await uploadAndImport(args);
      assert.equal(done.job.state, 'failed');
      assert.equal(done.error?.code, 'IMPORT_REJECTED');
      assert.match(done.error?.message ?? '', /the file looks like GBK \(simplified Chinese\)/);
      assert.equal(retryEncodingOf(done.error), 'gbk', JSON.stringify(args));
    }
    assert.deepEqual(await regions(), {}, 'nothing was imported');
  });

  it('imports the same upload with encoding gbk, storing the Chinese text', async () => {
    const done = await uploadAndImport({ encoding: 'gbk' });
    assert.equal(done.job.state, 'done', done.error?.message);
    assert.equal((done.result as { rows: number }).rows, 2);
    assert.deepEqual(await regions(), GBK_BORROWER_REGIONS);
  });

  it('takes the encoding for a file named in the folder too, and offers no retry for a refusal that is not about encodings', async () => {
    const file = path.join(ws.dir, 'more-gbk.csv');
    fs.writeFileSync(file, Buffer.concat([GBK_BORROWERS_CSV, Buffer.from('GBK-3,x,plenty\n')]));
    const done = await t.jobDone((await t.ok<{ jobId: string }>('jobs.startImport', { kind: 'borrowers', path: file, encoding: 'gbk' })).jobId);
    assert.equal(done.error?.code, 'IMPORT_REJECTED');
    assert.match(done.error?.message ?? '', /row 4, column annual_income: "plenty"/);
    assert.equal(retryEncodingOf(done.error), undefined);
  });

  it('refuses an encoding RiskDesk does not import as VALIDATION, naming the choices', async () => {
    const outcome = await t.api.call('jobs.startImport', { kind: 'borrowers', path: 'x.csv', encoding: 'latin9' });
    assert.ok(!outcome.ok);
    assert.equal(outcome.error.code, 'VALIDATION');
    assert.match(outcome.error.message, /encoding/);
    assert.match(outcome.error.message, /gbk/);
  });
});
