// Evidence packs and risk reports through the API, as the app uses them, on a real encrypted workspace holding the small
// demo portfolio and cases raised by hand: an auditor previews, exports, lists and downloads a pack; anyone checks a
// pack they upload; a byte flipped in the download is named; a cancelled export leaves nothing; two exports of the same
// workspace state at the same clock are byte-identical; a report is generated, kept, previewed and read back as a PDF;
// compliance's schedule makes the report it owes at the next unlock, once.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BagVerification, EvidenceExport, EvidencePreview } from '../../../preload/contract/evidence.ts';
import type { ReportFigures, StoredReport } from '../../../preload/contract/reports.ts';
import { createTestWorkspace, ROLE_USERS, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { tempDir } from '../../test-support/temp-workspace.ts';

const PERIOD = { from: '2026-10-01', to: '2026-11-30' };
const NOW = new Date('2026-12-03T08:00:00.000Z');

async function signIn(ws: TestWorkspace, role: keyof typeof ROLE_USERS, now = NOW): Promise<TestApi> {
  const t = ws.service({ now: () => now });
  await t.ok('session.unlock', { username: ROLE_USERS[role].username, passphrase: ROLE_USERS[role].passphrase });
  return t;
}

async function finished<T>(t: TestApi, method: string, args: unknown): Promise<T> {
  const { jobId } = await t.ok<{ jobId: string }>(method, args);
  const done = await t.jobDone(jobId);
  assert.equal(done.job.state, 'done', `${method}: ${done.error?.message ?? ''} ${t.logs.join('\n')}`);
  return done.result as T;
}

async function download(t: TestApi, method: 'evidence.readPack' | 'reports.readPdf', args: Record<string, unknown>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ; ) {
    const chunk = await t.ok<{ data: string; nextOffset: number; done: boolean }>(method, { ...args, offset });
    parts.push(Buffer.from(chunk.data, 'base64'));
    offset = chunk.nextOffset;
    if (chunk.done) return Buffer.concat(parts);
  }
}

/** The trail's `reports.export` events, newest first. */
async function reportExports(t: TestApi): Promise<{ details: string }[]> {
  const filterModel = { action: { filterType: 'text', type: 'equals', filter: 'reports.export' } };
  const page = await t.ok<{ rows: { details: string }[] }>('audit.events', { startRow: 0, endRow: 100, sortModel: [{ colId: 'seq', sort: 'desc' }], filterModel });
  return page.rows;
}

async function upload(t: TestApi, name: string, bytes: Buffer): Promise<string> {
  const { uploadId } = await t.ok<{ uploadId: string }>('uploads.start', { fileName: name, bytes: bytes.length });
  await t.ok('uploads.append', { uploadId, offset: 0, data: bytes.toString('base64') });
  return uploadId;
}

describe('evidence packs and risk reports through the API', () => {
  const dir = tempDir('riskdesk-api-evidence-');
  let ws: TestWorkspace;
  let pack: Buffer;
  let exported: EvidenceExport;

  before(async () => {
    ws = await createTestWorkspace({ roles: true, demo: true });
    // Cases in the period: two alerts raised by hand on 2026-11-10 (each files a case).
    const analyst = await signIn(ws, 'analyst', new Date('2026-11-10T10:00:00.000Z'));
    await analyst.ok('alerts.raise', { subject: { type: 'borrower', id: 'B000001' }, severity: 'high', note: 'income does not match =1+1' });
    await analyst.ok('alerts.raise', { subject: { type: 'account', id: 'A0000001' }, severity: 'low', note: 'dormant account woke up' });
    await analyst.ok('session.lock', {});
  });
  after(() => ws.dispose());

  it('lets auditors and admins export, and refuses analysts and compliance', async () => {
    for (const role of ['analyst', 'compliance'] as const) {
      const t = await signIn(ws, role);
      const outcome = await t.api.call('evidence.preview', PERIOD);
      assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'FORBIDDEN', role);
      await t.ok('session.lock', {});
    }
  });

  it('previews the files and rows of a scope, refusing chosen ids that do not exist', async () => {
    const t = await signIn(ws, 'auditor');
    const preview = await t.ok<EvidencePreview>('evidence.preview', PERIOD);
    assert.equal(preview.files[0]?.path, 'report/risk-report.pdf');
    const rows = Object.fromEntries(preview.files.map((f) => [f.path, f.rows]));
    assert.equal(rows['cases/cases.csv'], 2, 'the two cases raised in the period');
    assert.equal(rows['cases/alerts.csv'], 2);
    assert.ok(preview.estimatedBytes > 0);
    const unknown = await t.api.call('evidence.preview', { ...PERIOD, cases: [1, 999] });
    assert.equal(unknown.ok ? 'ok' : unknown.error.code, 'VALIDATION');
    assert.match(unknown.ok ? '' : unknown.error.message, /999/);
    await t.ok('session.lock', {});
  });

  it('exports a pack that verifies line by line, unzips to a bag that sha256sum accepts, and is listed and audited', async () => {
    const t = await signIn(ws, 'auditor');
    const { jobId } = await t.ok<{ jobId: string }>('evidence.startExport', PERIOD);
    const done = await t.jobDone(jobId);
    assert.equal(done.job.state, 'done', `${done.error?.message ?? ''} ${t.logs.join('\n')}`);
    exported = done.result as EvidenceExport;
    pack = await download(t, 'evidence.readPack', { jobId });
    assert.equal(pack.length, exported.bytes);
    assert.deepEqual(fs.readdirSync(ws.temporaryRoot, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.zip')), [], 'the plaintext pack goes once read to its end');
    const again = await t.api.call('evidence.readPack', { jobId, offset: 0 });
    assert.ok(!again.ok && again.error.code === 'NOT_FOUND' && /removed once it has been read to its end/.test(again.error.message));
    assert.equal(exported.exportedBy, ROLE_USERS.auditor.username);
    assert.match(exported.fileName, /^riskdesk-evidence-2026-10-01-to-2026-11-30-20261203T080000Z\.zip$/);

    const listed = await t.ok<EvidenceExport[]>('evidence.exports', {});
    assert.deepEqual(listed[0], exported);

    const verification = await finished<BagVerification>(t, 'evidence.startVerify', { uploadId: await upload(t, 'pack.zip', pack) });
    assert.equal(verification.ok, true, JSON.stringify(verification.checks.filter((c) => !c.ok)));
    assert.equal(verification.ownWorkspace, true);
    assert.equal(verification.fingerprint, exported.fingerprint);
    for (const check of ['bag-declaration', 'payload-file', 'payload-oxum', 'tag-file', 'signature', 'audit-slice'] as const) {
      assert.ok(verification.checks.some((c) => c.check === check && c.ok), check);
    }
    assert.equal(verification.bagInfo.find((l) => l.label === 'Contact-Name')?.value, ROLE_USERS.auditor.username);

    const file = path.join(dir, exported.fileName);
    fs.writeFileSync(file, pack);
    const unpacked = path.join(dir, 'unpacked');
    assert.equal(spawnSync('unzip', ['-q', file, '-d', unpacked]).status, 0);
    const bag = path.join(unpacked, exported.fileName.replace(/\.zip$/, ''));
    for (const manifest of ['manifest-sha256.txt', 'tagmanifest-sha256.txt']) {
      const check = spawnSync('sha256sum', ['--strict', '-c', manifest], { cwd: bag, encoding: 'utf8' });
      assert.equal(check.status, 0, `${manifest}: ${check.stdout}${check.stderr}`);
    }
    // A formula in a note leaves neutralised: the analyst's "=1+1" is text in the CSV.
    assert.match(fs.readFileSync(path.join(bag, 'data/cases/alerts.csv'), 'utf8') + fs.readFileSync(path.join(bag, 'data/cases/cases.csv'), 'utf8'), /income does not match =1\+1/);

    const audit = await t.ok<{ rows: Array<{ action: string; details: string }> }>('audit.events', { startRow: 0, endRow: 5, sortModel: [{ colId: 'seq', sort: 'desc' }], filterModel: {} });
    const event = audit.rows.find((r) => r.action === 'evidence.export');
    assert.ok(event, 'the export is in the audit trail');
    assert.equal((JSON.parse(event.details) as { sha256: string }).sha256, exported.sha256);
    await t.ok('session.lock', {});
  });

  it('names the file whose byte was flipped, for anyone who checks the pack', async () => {
    const t = await signIn(ws, 'analyst');
    // Entries are deflated, so a byte flipped in the zip itself would break its compression, not its content: rebuild
    // the zip with one byte of one CSV flipped, keeping every other entry.
    const unpacked = path.join(dir, 'tamper');
    const file = path.join(dir, 'original.zip');
    fs.writeFileSync(file, pack);
    assert.equal(spawnSync('unzip', ['-q', file, '-d', unpacked]).status, 0);
    const bagName = exported.fileName.replace(/\.zip$/, '');
    const csv = path.join(unpacked, bagName, 'data/cases/cases.csv');
    const bytes = fs.readFileSync(csv);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 3) ^ 0x01, bytes.length - 3);
    fs.writeFileSync(csv, bytes);
    const tampered = path.join(dir, 'tampered.zip');
    assert.equal(spawnSync('zip', ['-q', '-r', tampered, bagName], { cwd: unpacked }).status, 0);
    const verification = await finished<BagVerification>(t, 'evidence.startVerify', { uploadId: await upload(t, 'tampered.zip', fs.readFileSync(tampered)) });
    assert.equal(verification.ok, false);
    assert.ok(verification.checks.some((c) => !c.ok && c.check === 'payload-file' && c.file === 'data/cases/cases.csv'), JSON.stringify(verification.checks.filter((c) => !c.ok)));
    assert.ok(verification.checks.every((c) => c.ok || c.file === 'data/cases/cases.csv'), 'nothing else fails');
    await t.ok('session.lock', {});
  });

  it('leaves no file and no record behind when an export is cancelled', async () => {
    const t = await signIn(ws, 'admin');
    const before = (await t.ok<EvidenceExport[]>('evidence.exports', {})).length;
    const { jobId } = await t.ok<{ jobId: string }>('evidence.startExport', { from: '2020-01-01', to: '2026-12-31' });
    await t.ok('jobs.cancel', { jobId });
    assert.equal((await t.jobDone(jobId)).job.state, 'cancelled');
    assert.equal((await t.ok<EvidenceExport[]>('evidence.exports', {})).length, before);
    const leftovers = fs.existsSync(ws.temporaryRoot) ? fs.readdirSync(ws.temporaryRoot, { recursive: true, encoding: 'utf8' }).filter((f) => /\.zip|partial/.test(f)) : [];
    assert.deepEqual(leftovers, []);
    await t.ok('session.lock', {});
  });

  it('writes byte-identical packs from the same workspace state at the same clock', async () => {
    // Two copies of the workspace (same data, same signing key), each exporting the same scope at the same instant.
    const packs: Buffer[] = [];
    for (const copy of ['a', 'b']) {
      const copyDir = path.join(dir, `copy-${copy}`);
      fs.mkdirSync(copyDir);
      for (const name of fs.readdirSync(ws.dir).filter((f) => f.startsWith('desk.rdw') && fs.statSync(path.join(ws.dir, f)).isFile())) fs.copyFileSync(path.join(ws.dir, name), path.join(copyDir, name));
      const { createApiService, fixedWorkspaceLocator } = await import('./api-service.ts');
      const { folderFileAccess } = await import('./file-access.ts');
      const api = createApiService({ workspaces: fixedWorkspaceLocator(path.join(copyDir, 'desk.rdw')), files: folderFileAccess(copyDir), log: () => {}, now: () => NOW });
      try {
        const events: Array<{ job: { jobId: string; state: string } }> = [];
        api.onEvent((name, payload) => name === 'job.done' && events.push(payload as never));
        const unlocked = await api.call('session.unlock', { username: ROLE_USERS.auditor.username, passphrase: ROLE_USERS.auditor.passphrase });
        assert.ok(unlocked.ok);
        const started = await api.call('evidence.startExport', PERIOD);
        assert.ok(started.ok);
        const { jobId } = started.result as { jobId: string };
        while (!events.some((e) => e.job.jobId === jobId)) await new Promise((r) => setTimeout(r, 20));
        const parts: Buffer[] = [];
        for (let offset = 0; ; ) {
          const chunk = await api.call('evidence.readPack', { jobId, offset });
          assert.ok(chunk.ok);
          const { data, nextOffset, done } = chunk.result as { data: string; nextOffset: number; done: boolean };
          parts.push(Buffer.from(data, 'base64'));
          offset = nextOffset;
          if (done) break;
        }
        packs.push(Buffer.concat(parts));
      } finally {
        await api.close();
      }
    }
    assert.ok(packs[0]!.equals(packs[1]!), 'the two packs are the same bytes');
  });

  it('generates a report, keeps it, previews its figures and reads its PDF back', async () => {
    const t = await signIn(ws, 'analyst');
    const stored = await finished<StoredReport>(t, 'reports.generate', { period: '2026-11', language: 'zh-CN' });
    assert.equal(stored.scheduled, false);
    const figures = await t.ok<ReportFigures>('reports.figures', { reportId: stored.reportId });
    assert.deepEqual(figures.period, { label: '2026-11', kind: 'month', from: '2026-11-01', to: '2026-11-30' });
    assert.equal(figures.cases?.opened, 2);
    const exportsBefore = await reportExports(t);
    const pdf = await download(t, 'reports.readPdf', { reportId: stored.reportId });
    assert.equal(pdf.length, stored.bytes);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    // Taking the PDF out is one export in the audit trail, however many chunks it took.
    const exportsAfter = await reportExports(t);
    assert.equal(exportsAfter.length, exportsBefore.length + 1);
    assert.deepEqual(JSON.parse(exportsAfter[0]!.details), { reportId: stored.reportId, language: 'zh-CN', file: stored.fileName, bytes: stored.bytes, sha256: stored.sha256 });
    assert.equal((await t.ok<StoredReport[]>('reports.list', {}))[0]?.reportId, stored.reportId);
    await t.ok('session.lock', {});
  });

  it('makes the report the schedule owes at the next unlock, once, and only compliance sets the schedule', async () => {
    const analyst = await signIn(ws, 'analyst');
    const refused = await analyst.api.call('reports.setSchedule', { frequency: 'monthly', language: 'en' });
    assert.equal(refused.ok ? 'ok' : refused.error.code, 'FORBIDDEN');
    await analyst.ok('session.lock', {});
    const compliance = await signIn(ws, 'compliance');
    await compliance.ok('reports.setSchedule', { frequency: 'monthly', language: 'en' });
    await compliance.ok('session.lock', {});

    // On 2026-12-03 the latest complete month is 2026-11: the next unlock makes its report as a job of the session.
    const t = await signIn(ws, 'auditor');
    const jobs = await t.ok<Array<{ jobId: string; kind: string; label: string }>>('jobs.list', {});
    const scheduled = jobs.find((j) => j.kind === 'risk-report');
    assert.ok(scheduled, 'a report job started at unlock');
    assert.match(scheduled.label, /2026-11/);
    const report = (await t.jobDone(scheduled.jobId)).result as StoredReport;
    assert.deepEqual([report.period, report.language, report.scheduled], ['2026-11', 'en', true]);
    await t.ok('session.lock', {});

    const again = await signIn(ws, 'auditor');
    assert.equal((await again.ok<Array<{ kind: string }>>('jobs.list', {})).filter((j) => j.kind === 'risk-report').length, 0, 'made once');
    await again.ok('session.lock', {});
  });
});
