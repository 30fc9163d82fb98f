import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { ApiOutcome, ExportSummary, Job, SessionStatus } from '../../../preload/contract/index.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, seedSmallPortfolio, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';

function borrowersCsv(file: string, rows: number, prefix = 'X'): string {
  const lines = ['borrower_id,region,annual_income'];
  for (let i = 0; i < rows; i += 1) lines.push(`${prefix}${String(i).padStart(7, '0')},north,${1000 + i}.50`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('jobs: progress, completion, cancellation, serialised writes, export, backup and restore', () => {
  let ws: TestWorkspace;
  let t: TestApi;
  let bigCsv: string;

  before(async () => {
    ws = await createTestWorkspace({ seed: seedSmallPortfolio });
    bigCsv = borrowersCsv(path.join(ws.dir, 'many-borrowers.csv'), 20_000);
    t = ws.service();
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
  });
  after(() => ws.dispose());

  async function borrowerCount(api: TestApi = t): Promise<number> {
    return (await api.ok<{ rowCount: number }>('portfolio.borrowers', { startRow: 0, endRow: 1 })).rowCount;
  }

  function progressOf(api: TestApi, jobId: string): Job[] {
    return api.events.filter((e) => e.name === 'job.progress' && (e.payload as Job).jobId === jobId).map((e) => e.payload as Job);
  }

  it('cancels a running import: job.done says cancelled and nothing was written', async () => {
    const { jobId } = await t.ok<{ jobId: string }>('jobs.startImport', { kind: 'borrowers', path: bigCsv });
    await until(() => progressOf(t, jobId).some((p) => p.phase !== 'queued'));
    assert.deepEqual(await t.ok('jobs.cancel', { jobId }), { ok: true });
    const done = await t.jobDone(jobId);
    assert.equal(done.job.state, 'cancelled');
    assert.equal(done.error?.code, 'JOB_CANCELLED');
    assert.equal(await borrowerCount(), 4);
    assert.equal((await t.ok<Job[]>('jobs.list')).find((j) => j.jobId === jobId)?.state, 'cancelled');
    const unknown = await t.api.call('jobs.cancel', { jobId: 'no-such-job' });
    assert.ok(!unknown.ok && unknown.error.code === 'NOT_FOUND');
  });

  it('reports throttled progress and then the result; a write made meanwhile waits for the import', async () => {
    const started = performance.now();
    const { jobId } = await t.ok<{ jobId: string }>('jobs.startImport', { kind: 'borrowers', path: bigCsv });
    await t.ok('settings.update', { theme: 'dark' });
    const doneBeforeSettings = t.events.some((e) => e.name === 'job.done' && (e.payload as { job: Job }).job.jobId === jobId);
    assert.ok(doneBeforeSettings, 'settings.update ran only after the import had finished');
    const done = await t.jobDone(jobId);
    const elapsed = performance.now() - started;
    assert.equal(done.job.state, 'done');
    assert.deepEqual((done.result as { rows: number }).rows, 20_000);
    const progress = progressOf(t, jobId);
    assert.equal(progress[0]?.phase, 'queued');
    assert.ok(progress.length >= 1 && progress.length <= 2 + elapsed / 100, `${progress.length} progress events in ${elapsed.toFixed(0)} ms`);
    assert.ok(progress.every((p) => p.kind === 'import' && p.state === 'running'));
    assert.equal(await borrowerCount(), 20_004);
  });

  it('reports a failed job with its error', async () => {
    const bad = path.join(ws.dir, 'bad.csv');
    fs.writeFileSync(bad, 'borrower_id,region,annual_income\nB1,north,lots\n');
    const { jobId } = await t.ok<{ jobId: string }>('jobs.startImport', { kind: 'borrowers', path: bad });
    const done = await t.jobDone(jobId);
    assert.equal(done.job.state, 'failed');
    assert.equal(done.error?.code, 'IMPORT_REJECTED');
  });

  it('checks the audit chain on a worker', async () => {
    const { jobId } = await t.ok<{ jobId: string }>('audit.verify');
    const done = await t.jobDone(jobId);
    assert.equal(done.job.state, 'done');
    assert.deepEqual((done.result as { ok: boolean }).ok, true);
  });

  it('exports the filtered, sorted view as CSV with major-unit money and the currency, read back in chunks', async () => {
    const { jobId } = await t.ok<{ jobId: string }>('portfolio.exportLoans', {
      sortModel: [{ colId: 'dpd', sort: 'desc' }],
      filterModel: { product: { filterType: 'text', type: 'equals', filter: 'card' } },
      columns: ['loan_id', 'principal_minor', 'outstanding_balance_minor', 'channel'],
    });
    const done = await t.jobDone(jobId);
    assert.equal(done.job.state, 'done');
    const [file, ...others] = filesUnder(ws.temporaryRoot);
    assert.deepEqual(others, [], 'one export, in one session folder');
    assert.equal(fs.statSync(file ?? '').mode & 0o777, 0o600);
    assert.equal(path.dirname(path.dirname(file ?? '')), ws.temporaryRoot, 'beside the workspace, in a folder of the session');
    assert.equal(fs.statSync(path.dirname(file ?? '')).mode & 0o777, 0o700);
    assert.equal(fs.statSync(ws.temporaryRoot).mode & 0o777, 0o700);
    const past = await t.api.call('jobs.readExport', { jobId, offset: (done.result as ExportSummary).bytes + 1 });
    assert.ok(!past.ok && past.error.code === 'VALIDATION');
    const read = await t.ok<{ chunk: string; nextOffset: number; done: boolean; fileName: string }>('jobs.readExport', { jobId, offset: 0 });
    assert.equal(
      read.chunk,
      '\uFEFFloan_id,principal,outstanding_balance,channel,currency\r\n' + 'L05,400.00,400.00,app,CNY\r\n' + 'L02,500.00,,"50%_promo, ""web""",CNY\r\n' + 'L08,300.00,300.00,APP,CNY\r\n',
    );
    assert.ok(read.done);
    assert.equal(read.nextOffset, Buffer.byteLength(read.chunk));
    assert.match(read.fileName, /^loans-20261101-090000-[0-9a-f]{8}\.csv$/);
    assert.equal(path.basename(file ?? ''), read.fileName);
    assert.ok(!fs.existsSync(file ?? ''), 'the plaintext goes once the page has read it to its end');
    const again = await t.api.call('jobs.readExport', { jobId, offset: 0 });
    assert.ok(!again.ok && again.error.code === 'NOT_FOUND' && /removed once it has been read to its end/.test(again.error.message));
    const notExport = await t.api.call('jobs.readExport', { jobId: (await t.ok<Job[]>('jobs.list'))[0]?.jobId, offset: 0 });
    assert.ok(!notExport.ok && notExport.error.code === 'NOT_FOUND');

    const all = await t.ok<{ jobId: string }>('portfolio.exportLoans', { sortModel: [], filterModel: {} });
    await t.jobDone(all.jobId);
    const whole = await t.ok<{ chunk: string }>('jobs.readExport', { jobId: all.jobId, offset: 0 });
    const lines = whole.chunk.trimEnd().split('\r\n');
    assert.equal(lines[0], '\uFEFFloan_id,borrower_id,region,product,origination_date,maturity_date,principal,outstanding_balance,undrawn_amount,currency,interest_rate,term_months,status,dpd,collateral_type,channel,pd_12m,grade,stage,ecl');
    assert.equal(lines[1], 'L01,B1,north,cash,2024-01-15,2025-01-15,1000.00,800.00,,CNY,0.1,12,current,0,,app,,,,');
    assert.equal(lines.length, 1 + 8);
  });

  it('backs up as a job, and restores: the session locks (reason restore) and the backup’s data is back', async () => {
    const target = path.join(ws.dir, 'backup.rdw');
    const { jobId } = await t.ok<{ jobId: string }>('workspace.backup', { path: target });
    const done = await t.jobDone(jobId);
    assert.equal(done.job.state, 'done');
    assert.equal((done.result as { path: string }).path, target);
    await t.jobDone((await t.ok<{ jobId: string }>('portfolio.exportLoans', { sortModel: [], filterModel: {} })).jobId);
    assert.ok(filesUnder(ws.temporaryRoot).length > 0, 'an export the page has not read yet');

    const more = borrowersCsv(path.join(ws.dir, 'more.csv'), 3, 'Y');
    await t.jobDone((await t.ok<{ jobId: string }>('jobs.startImport', { kind: 'borrowers', path: more })).jobId);
    assert.equal(await borrowerCount(), 20_007);
    const refused = await t.api.call('workspace.restore', { from: ws.file, passphrase: ADMIN_PASSPHRASE });
    assert.ok(!refused.ok && refused.error.code === 'INVALID_ARGUMENT');
    assert.equal((await t.ok<SessionStatus>('session.status')).state, 'unlocked', 'a refused restore leaves the session alone');

    const status = await t.ok<SessionStatus>('workspace.restore', { from: target, passphrase: ADMIN_PASSPHRASE });
    assert.equal(status.state, 'locked');
    assert.deepEqual(t.events.filter((e) => e.name === 'session.locked').map((e) => e.payload), [{ reason: 'restore' }]);
    assert.deepEqual(fs.readdirSync(ws.temporaryRoot), [], 'exports go with the session, and so does its folder');
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    assert.equal(await borrowerCount(), 20_004);
    // The restore is the restored workspace's last change; this unlock's session follows it.
    const audit = await t.ok<{ rows: { action: string }[] }>('audit.events', { startRow: 0, endRow: 2, sortModel: [{ colId: 'seq', sort: 'desc' }] });
    assert.deepEqual(audit.rows.map((row) => row.action), ['session.unlock', 'workspace.restore']);
  });

  it('re-keys: the session locks (reason rekey), the same passphrase unlocks, and a failed re-key says so', async () => {
    const saltOf = () => (JSON.parse(fs.readFileSync(`${ws.file}.keyring`, 'utf8')) as { dbSalt: string }).dbSalt;
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    const before = { salt: saltOf(), borrowers: await borrowerCount() };
    t.events.length = 0;
    const status = await t.ok<SessionStatus>('workspace.rekey', {});
    assert.equal(status.state, 'locked');
    assert.deepEqual(t.events.filter((e) => e.name === 'session.locked').map((e) => e.payload), [{ reason: 'rekey' }]);
    assert.notEqual(saltOf(), before.salt);
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    assert.equal(await borrowerCount(), before.borrowers);

    // Something in the way of the staged copy (a folder of that name) fails the re-key after the lock.
    fs.mkdirSync(`${ws.file}.rekeying`);
    t.events.length = 0;
    const failed = await t.api.call('workspace.rekey', {});
    assert.ok(!failed.ok && failed.error.code === 'REKEY_FAILED', JSON.stringify(failed));
    const locked = t.events.filter((e) => e.name === 'session.locked').map((e) => e.payload as { reason: string; message?: string });
    assert.deepEqual(locked.map((e) => e.reason), ['rekeyFailed']);
    assert.match(locked[0]?.message ?? '', /unchanged under its old key/);
    fs.rmdirSync(`${ws.file}.rekeying`);
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    assert.equal(await borrowerCount(), before.borrowers);
  });

  it('cancels running jobs when the idle lock ends the session', async () => {
    const { jobId } = await t.ok<{ jobId: string }>('jobs.startImport', { kind: 'borrowers', path: borrowersCsv(path.join(ws.dir, 'idle.csv'), 20_000, 'Z') });
    t.timers.fireAll();
    const done = await t.jobDone(jobId);
    assert.equal(done.job.state, 'cancelled');
    const outcome: ApiOutcome<unknown> = await t.api.call('jobs.list', {});
    assert.ok(!outcome.ok && outcome.error.code === 'LOCKED');
    assert.deepEqual(t.logs, []);
  });
});

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(condition(), 'timed out waiting');
}
