// Issue 8, item 7: the renderer is untrusted, so the files it names must be inside the allowed folder (links
// followed), and files from elsewhere arrive by upload. Reproduces the hostile test's calls: an auditor's
// backup to /etc and an import of /etc/passwd whose first line came back in the problem list.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ApiOutcome, SessionStatus } from '../../../preload/contract/index.ts';
import { UPLOAD_CHUNK_BYTES } from '../../../preload/contract/index.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';

const PASSWD_LINE = 'root:x:0:0:root:/root:/bin/bash';

function failure(outcome: ApiOutcome<unknown>): { code: string; message: string } {
  assert.ok(!outcome.ok, 'the call should have been refused');
  return outcome.error;
}

describe('files named by the renderer, and uploads', () => {
  let ws: TestWorkspace;
  let t: TestApi;
  let outside: string;

  before(async () => {
    ws = await createTestWorkspace({ roles: true });
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'riskdesk-outside-'));
    fs.writeFileSync(path.join(outside, 'passwd'), `${PASSWD_LINE}\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n`);
    t = ws.service();
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
  });
  after(async () => {
    await ws.dispose();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  async function borrowers(api: TestApi = t): Promise<number> {
    return (await api.ok<{ rowCount: number }>('portfolio.borrowers', { startRow: 0, endRow: 1 })).rowCount;
  }

  it('tells the page which folder it may name files in', async () => {
    assert.deepEqual(await t.ok('workspace.fileFolder'), { folder: ws.dir });
  });

  it('refuses to import a file outside the folder, by absolute path, by ../ or through a link, and echoes none of it', async () => {
    fs.symlinkSync(path.join(outside, 'passwd'), path.join(ws.dir, 'innocent.csv'));
    for (const requested of ['/etc/passwd', path.join(outside, 'passwd'), `../${path.basename(outside)}/passwd`, 'innocent.csv']) {
      const refused = failure(await t.api.call('jobs.startImport', { kind: 'borrowers', path: requested }));
      assert.equal(refused.code, 'INVALID_ARGUMENT', requested);
      assert.match(refused.message, new RegExp(`must be inside ${ws.dir.replaceAll('/', '\\/')}`), requested);
      assert.ok(!refused.message.includes('root:x'), `nothing of the file is echoed: ${refused.message}`);
    }
    assert.equal(await borrowers(), 0);
    const missing = failure(await t.api.call('jobs.startImport', { kind: 'borrowers', path: 'no-such.csv' }));
    assert.equal(missing.code, 'NOT_FOUND');
  });

  it('imports a file inside the folder named relatively or absolutely', async () => {
    fs.writeFileSync(path.join(ws.dir, 'b.csv'), 'borrower_id,region,annual_income\nB1,north,1000.00\n');
    for (const requested of ['b.csv', path.join(ws.dir, 'b.csv')]) {
      const done = await t.jobDone((await t.ok<{ jobId: string }>('jobs.startImport', { kind: 'borrowers', path: requested })).jobId);
      assert.equal(done.job.state, 'done', done.error?.message);
    }
    assert.equal(await borrowers(), 1);
  });

  it('refuses a backup outside the folder (the auditor’s /etc/riskdesk-evil.rdw), through a link too, and writes it inside', async () => {
    const auditor = ws.service();
    await auditor.ok('session.unlock', ROLE_USERS.auditor);
    const evil = path.join(outside, 'riskdesk-evil.rdw');
    fs.symlinkSync(outside, path.join(ws.dir, 'escape'));
    for (const requested of ['/etc/riskdesk-evil.rdw', evil, 'escape/riskdesk-evil.rdw']) {
      assert.equal(failure(await auditor.api.call('workspace.backup', { path: requested })).code, 'INVALID_ARGUMENT', requested);
    }
    assert.ok(!fs.existsSync(evil) && !fs.existsSync('/etc/riskdesk-evil.rdw'));
    const done = await auditor.jobDone((await auditor.ok<{ jobId: string }>('workspace.backup', { path: 'by-auditor.rdw' })).jobId);
    assert.equal(done.job.state, 'done', done.error?.message);
    assert.ok(fs.existsSync(path.join(ws.dir, 'by-auditor.rdw')) && fs.existsSync(path.join(ws.dir, 'by-auditor.rdw.keyring')));
    await auditor.ok('session.lock');
  });

  it('refuses a restore from outside the folder before locking the session', async () => {
    fs.copyFileSync(path.join(ws.dir, 'by-auditor.rdw'), path.join(outside, 'copy.rdw'));
    fs.copyFileSync(path.join(ws.dir, 'by-auditor.rdw.keyring'), path.join(outside, 'copy.rdw.keyring'));
    assert.equal(failure(await t.api.call('workspace.restore', { from: path.join(outside, 'copy.rdw'), passphrase: ADMIN_PASSPHRASE })).code, 'INVALID_ARGUMENT');
    // A backup in the folder whose keyring is a link to a file outside it.
    fs.copyFileSync(path.join(outside, 'copy.rdw'), path.join(ws.dir, 'linked.rdw'));
    fs.symlinkSync(path.join(outside, 'copy.rdw.keyring'), path.join(ws.dir, 'linked.rdw.keyring'));
    assert.equal(failure(await t.api.call('workspace.restore', { from: 'linked.rdw', passphrase: ADMIN_PASSPHRASE })).code, 'INVALID_ARGUMENT');
    assert.equal((await t.ok<SessionStatus>('session.status')).state, 'unlocked');
  });

  it('imports an uploaded file sent in chunks, under its own name, and removes the upload when the job ends', async () => {
    const lines = ['borrower_id,region,annual_income'];
    for (let i = 0; lines.join('\n').length < UPLOAD_CHUNK_BYTES * 1.5; i += 1) lines.push(`U${String(i).padStart(7, '0')},west,${1000 + i}.00`);
    const bytes = Buffer.from(`${lines.join('\n')}\n`);
    const { uploadId } = await t.ok<{ uploadId: string }>('uploads.start', { fileName: '../../etc/新 borrowers.csv', bytes: bytes.length });
    const first = bytes.subarray(0, UPLOAD_CHUNK_BYTES);
    assert.deepEqual(await t.ok('uploads.append', { uploadId, offset: 0, data: first.toString('base64') }), { received: first.length, complete: false });
    const early = failure(await t.api.call('jobs.importUpload', { kind: 'borrowers', uploadId }));
    assert.equal(early.code, 'INVALID_STATE');
    const skipped = failure(await t.api.call('uploads.append', { uploadId, offset: first.length + 1, data: 'eA==' }));
    assert.match(skipped.message, new RegExp(`continues at byte ${first.length}`));
    await t.ok('uploads.append', { uploadId, offset: first.length, data: bytes.subarray(first.length).toString('base64') });
    const before = await borrowers();
    const { jobId } = await t.ok<{ jobId: string }>('jobs.importUpload', { kind: 'borrowers', uploadId });
    const done = await t.jobDone(jobId);
    assert.equal(done.job.state, 'done', done.error?.message);
    assert.equal(await borrowers(), before + lines.length - 1);
    const audit = await t.ok<{ rows: { action: string; details: string }[] }>('audit.events', { startRow: 0, endRow: 1, sortModel: [{ colId: 'seq', sort: 'desc' }] });
    assert.equal(audit.rows[0]?.action, 'data.import');
    assert.equal((JSON.parse(audit.rows[0]?.details ?? '{}') as { file: string }).file, '新 borrowers.csv', 'the file’s own name, without its folders');
    assert.deepEqual(uploadedFiles(), [], 'the upload is gone with its job');
    assert.equal(failure(await t.api.call('jobs.importUpload', { kind: 'borrowers', uploadId })).code, 'NOT_FOUND', 'an upload is imported once');
  });

  it('reports a rejected upload under its own name, and removes it too', async () => {
    const bytes = Buffer.from('borrower_id,region,annual_income\nB2,north,plenty\n');
    const { uploadId } = await t.ok<{ uploadId: string }>('uploads.start', { fileName: 'bad.csv', bytes: bytes.length });
    await t.ok('uploads.append', { uploadId, offset: 0, data: bytes.toString('base64') });
    const done = await t.jobDone((await t.ok<{ jobId: string }>('jobs.importUpload', { kind: 'borrowers', uploadId })).jobId);
    assert.equal(done.error?.code, 'IMPORT_REJECTED');
    assert.match(done.error?.message ?? '', /^bad\.csv was not imported/);
    assert.ok(!(done.error?.message ?? '').includes('upload-'), 'the private file name stays private');
    assert.deepEqual(uploadedFiles(), []);
  });

  it('refuses a chunk past the announced size and discards the upload; another session cannot use it', async () => {
    const { uploadId } = await t.ok<{ uploadId: string }>('uploads.start', { fileName: 'x.csv', bytes: 4 });
    assert.equal(failure(await t.api.call('uploads.append', { uploadId, offset: 0, data: Buffer.from('12345').toString('base64') })).code, 'VALIDATION');
    assert.equal(failure(await t.api.call('uploads.append', { uploadId, offset: 0, data: 'MTIz' })).code, 'NOT_FOUND');
    const kept = await t.ok<{ uploadId: string }>('uploads.start', { fileName: 'y.csv', bytes: 3 });
    const other = ws.service();
    await other.ok('session.unlock', ROLE_USERS.analyst);
    assert.equal(failure(await other.api.call('uploads.append', { uploadId: kept.uploadId, offset: 0, data: 'MTIz' })).code, 'NOT_FOUND');
    await other.ok('session.lock');
    assert.equal(uploadedFiles().length, 1);
    await t.ok('session.lock');
    assert.deepEqual(uploadedFiles(), [], 'locking removes uploads not imported');
  });

  function uploadedFiles(): string[] {
    if (!fs.existsSync(ws.temporaryRoot)) return [];
    return (fs.readdirSync(ws.temporaryRoot, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile() && e.name.startsWith('upload-')).map((e) => e.name);
  }
});
