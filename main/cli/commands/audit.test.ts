// `riskdesk audit export` in-process on a real encrypted workspace: a new 0600 CSV with the plaintext note, its filters
// (actor, action prefix, whole UTC days both included), a file that re-verifies, the export recorded, and refusals.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appendAuditEvent } from '../../store/audit.ts';
import { Workspace } from '../../store/workspace.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { parseAuditExport, verifyAuditExport } from '../../test-support/audit-export-csv.ts';
import { capturedIo } from '../../test-support/captured-cli-io.ts';
import { runCli } from '../program.ts';

async function auditExport(ws: TestWorkspace, role: keyof typeof ROLE_USERS, ...options: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capturedIo({ RISKDESK_PASSPHRASE: ROLE_USERS[role].passphrase });
  const code = await runCli(['audit', 'export', '--db', ws.file, '--user', ROLE_USERS[role].username, ...options], io);
  return { code, out: io.out(), err: io.err() };
}

describe('riskdesk audit export', () => {
  let ws: TestWorkspace;

  before(async () => {
    ws = await createTestWorkspace({
      roles: true,
      seed: (db) => {
        // Two days in UTC; the second is already 2 November in Shanghai.
        appendAuditEvent(db, { actor: 'ana', action: 'credit.model.submit', subject: 'credit model 3', at: '2026-10-30T10:00:00.000Z', details: { name: 'Retail' } });
        appendAuditEvent(db, { actor: 'cole', action: 'credit.model.approve', subject: 'credit model 3', at: '2026-11-01T20:00:00.000Z', details: { author: 'ana', name: 'Retail', submitter: 'ana' } });
      },
    });
  });
  after(() => ws.dispose());

  it('writes the filtered events to a new 0600 file with the plaintext note, and the export is an event of the trail', async () => {
    const file = path.join(ws.dir, 'approvals.csv');
    const run = await auditExport(ws, 'auditor', '--out', file, '--action', 'credit.model', '--from', '2026-11-01', '--to', '2026-11-01', '--zone', 'Asia/Shanghai');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^1 audit event written to .*approvals\.csv \(SHA-256 [0-9a-f]{64}\)\.\nNote: .*approvals\.csv is not encrypted\./);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const rows = parseAuditExport(fs.readFileSync(file, 'utf8'));
    // 20:00 UTC on 1 November is 04:00 on 2 November in Shanghai.
    assert.deepEqual(
      rows.map((row) => [row.actor, row.action, row.at_utc, row.at_local, row.details_readable]),
      [['cole', 'credit.model.approve', '2026-11-01T20:00:00.000Z', '2026-11-02 04:00:00 UTC+08:00', 'author: ana; name: Retail; submitter: ana']],
    );
    assert.ok(verifyAuditExport(rows).every((verified) => verified.ok));
    assert.equal(fs.readdirSync(ws.dir).filter((name) => name.includes('.partial-')).length, 0, 'no partial file is left');

    const workspace = await Workspace.open({ path: ws.file, passphrase: ADMIN_PASSPHRASE });
    try {
      const event = workspace.db.prepare(`SELECT actor, details FROM audit_events WHERE action = 'audit.export'`).get() as { actor: string; details: string };
      const details = JSON.parse(event.details) as { file: string; rows: number; timeZone: string };
      assert.deepEqual([event.actor, details.file, details.rows, details.timeZone], ['audrey', 'approvals.csv', 1, 'Asia/Shanghai']);
    } finally {
      workspace.close();
    }
  });

  it('refuses an existing file, an analyst, an unknown zone and a reversed range, writing nothing', async () => {
    const existing = path.join(ws.dir, 'approvals.csv');
    const before = fs.readFileSync(existing);
    const again = await auditExport(ws, 'auditor', '--out', existing);
    assert.equal(again.code, 1);
    assert.match(again.err, /approvals\.csv already exists: give --out a new file name/);
    assert.deepEqual(fs.readFileSync(existing), before);
    const analyst = await auditExport(ws, 'analyst', '--out', path.join(ws.dir, 'mine.csv'));
    assert.equal(analyst.code, 1);
    assert.match(analyst.err, /audit\.export/);
    assert.equal(fs.existsSync(path.join(ws.dir, 'mine.csv')), false);
    assert.equal((await auditExport(ws, 'auditor', '--out', path.join(ws.dir, 'z.csv'), '--zone', 'Mars/Base')).code, 2);
    assert.equal((await auditExport(ws, 'auditor', '--out', path.join(ws.dir, 'r.csv'), '--from', '2026-11-02', '--to', '2026-11-01')).code, 2);
  });
});
