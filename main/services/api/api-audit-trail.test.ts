// The audit trail as an auditor reads it through the API, on a real encrypted workspace: readable details (money in
// major units with its currency, names for ids), sessions and failed unlocks recorded, and the CSV export, whose
// hashes re-verify the chain from the file alone and whose filters are the grid's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuditTrailRow } from '../../../preload/contract/index.ts';
import { appendAuditEvent } from '../../store/audit.ts';
import { createTestWorkspace, ROLE_USERS, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { parseAuditExport, verifyAuditExport } from '../../test-support/audit-export-csv.ts';
import { readableDetailsText } from '../audit-readable.ts';

/** A credit run's event as the worker writes it: totals in minor units of the base currency (CNY), ids of what it used. */
const RUN_EVENT = {
  actor: 'ana',
  action: 'credit.run',
  subject: 'credit run 7',
  // 16:30 UTC on 31 October is 00:30 on 1 November in Shanghai (UTC+08:00).
  at: '2026-10-31T16:30:00.000Z',
  details: { runId: 7, modelId: 42, parameterVersion: 1, loans: 3, eadMinor: 500_000, eclMinor: 123_456_789 },
};

async function events(t: TestApi, filterModel: Record<string, unknown>): Promise<AuditTrailRow[]> {
  return (await t.ok<{ rows: AuditTrailRow[] }>('audit.events', { startRow: 0, endRow: 200, sortModel: [{ colId: 'seq', sort: 'asc' }], filterModel })).rows;
}

async function unlockAs(t: TestApi, role: keyof typeof ROLE_USERS): Promise<void> {
  await t.ok('session.unlock', { username: ROLE_USERS[role].username, passphrase: ROLE_USERS[role].passphrase });
}

async function exported(t: TestApi, args: unknown): Promise<string> {
  const { jobId } = await t.ok<{ jobId: string }>('audit.export', args);
  const done = await t.jobDone(jobId);
  assert.equal(done.job.state, 'done', done.error?.message);
  let text = '';
  for (let offset = 0; ; ) {
    const chunk = await t.ok<{ chunk: string; nextOffset: number; done: boolean; fileName: string }>('jobs.readExport', { jobId, offset });
    text += chunk.chunk;
    assert.match(chunk.fileName, /^audit-trail-\d{8}-\d{6}-[0-9a-f]{8}\.csv$/);
    if (chunk.done) return text;
    offset = chunk.nextOffset;
  }
}

describe('the audit trail for auditors', () => {
  let ws: TestWorkspace;

  before(async () => {
    ws = await createTestWorkspace({ roles: true, seed: (db) => void appendAuditEvent(db, RUN_EVENT) });
  });
  after(() => ws.dispose());

  it('reads details as items: money in major units with its currency, names for ids, the subject named', async () => {
    const t = ws.service();
    await unlockAs(t, 'auditor');
    const [run] = await events(t, { action: { filterType: 'text', type: 'equals', filter: 'credit.run' } });
    assert.ok(run);
    // In the stored (canonical JSON) order of the keys.
    assert.deepEqual(run.items, [
      { key: 'ead', value: { kind: 'money', minor: 500_000, currency: 'CNY' } },
      { key: 'ecl', value: { kind: 'money', minor: 123_456_789, currency: 'CNY' } },
      { key: 'loans', value: { kind: 'number', value: 3 } },
      // Model 42 was never saved in this workspace: the id stays, with no name.
      { key: 'modelId', value: { kind: 'ref', ref: 'model', id: 42, name: null } },
      { key: 'parameterVersion', value: { kind: 'ref', ref: 'creditParameters', id: 1, name: 'Defaults shipped with RiskDesk' } },
      { key: 'runId', value: { kind: 'number', value: 7 } },
    ]);
    assert.equal(JSON.parse(run.details).eclMinor, 123_456_789, 'the raw JSON is there as stored');
    assert.match(run.hash, /^[0-9a-f]{64}$/);
    // 123,456,789 fen is 1,234,567.89 yuan; 500,000 fen is 5,000.00.
    assert.equal(
      readableDetailsText(run),
      'ead: 5000.00 CNY; ecl: 1234567.89 CNY; loans: 3; model id: #42; parameter version: Defaults shipped with RiskDesk (#1); run id: 7',
    );
    const [seed] = await events(t, { action: { filterType: 'text', type: 'equals', filter: 'credit.parameters.seed' } });
    assert.equal(seed?.subjectName, 'Defaults shipped with RiskDesk');
    const [admin] = await events(t, { action: { filterType: 'text', type: 'equals', filter: 'user.add' } });
    assert.deepEqual(admin?.items, [{ key: 'role', value: { kind: 'code', code: 'admin' } }]);
    await t.ok('session.lock');
  });

  it('records unlocks with the role, locks with their reason, and failed unlocks (at the next success) under the name tried', async () => {
    const t = ws.service();
    await unlockAs(t, 'analyst');
    await t.ok('session.lock');
    const wrong = await t.api.call('session.unlock', { username: 'cole', passphrase: 'not cole’s passphrase' });
    assert.equal(wrong.ok ? 'ok' : wrong.error.code, 'BAD_PASSPHRASE');
    await unlockAs(t, 'auditor');
    const sessionEvents = await events(t, { action: { filterType: 'text', type: 'startsWith', filter: 'session.' } });
    const last = sessionEvents.slice(-4).map((e) => [e.actor, e.action, e.details]);
    assert.deepEqual(last, [
      ['ana', 'session.unlock', '{"role":"analyst"}'],
      ['ana', 'session.lock', '{"reason":"user"}'],
      ['cole', 'session.unlock_failed', '{"outcome":"bad_passphrase","recordedAtUnlockBy":"audrey"}'],
      ['audrey', 'session.unlock', '{"role":"auditor"}'],
    ]);
    await t.ok('session.lock');
  });

  it('exports the trail as CSV in chain order whose hashes re-verify from the file, and records the export', async () => {
    const t = ws.service();
    await unlockAs(t, 'auditor');
    const rows = parseAuditExport(await exported(t, { filterModel: {}, timeZone: 'Asia/Shanghai' }));
    assert.deepEqual(
      rows.map((row) => Number(row.seq)),
      rows.map((_, i) => i + 1),
    );
    const runs = verifyAuditExport(rows);
    assert.deepEqual(runs, [{ ok: true, events: rows.length, head: rows.at(-1)?.hash }]);
    const run = rows.find((row) => row.action === 'credit.run');
    assert.equal(run?.at_utc, RUN_EVENT.at);
    assert.equal(run?.at_local, '2026-11-01 00:30:00 UTC+08:00');
    assert.match(run?.details_readable ?? '', /ecl: 1234567\.89 CNY/);

    // One changed detail in the file is caught at its event.
    const tampered = rows.map((row) => (row === run ? { ...row, details_json: row.details_json.replace('123456789', '123') } : row));
    const broken = verifyAuditExport(tampered)[0];
    assert.equal(broken?.ok, false);
    assert.equal(!broken?.ok && broken?.firstBadSeq, Number(run?.seq));

    const [recorded] = (await events(t, { action: { filterType: 'text', type: 'equals', filter: 'audit.export' } })).map((e) => JSON.parse(e.details) as Record<string, unknown>);
    assert.deepEqual([recorded?.rows, recorded?.timeZone, recorded?.filterModel], [rows.length, 'Asia/Shanghai', {}]);
    await t.ok('session.lock');
  });

  it("applies the grid's filters (who, what, which days); each kept event still re-verifies on its own", async () => {
    const t = ws.service();
    await unlockAs(t, 'admin');
    const byAna = parseAuditExport(await exported(t, { filterModel: { actor: { filterType: 'text', type: 'equals', filter: 'ana' } }, timeZone: 'UTC' }));
    assert.ok(byAna.length >= 3);
    assert.deepEqual([...new Set(byAna.map((row) => row.actor))], ['ana']);
    assert.ok(verifyAuditExport(byAna).every((run) => run.ok));
    // The date range leaves out its two ends (the grid's): 30 Oct < day < 1 Nov keeps 31 October (UTC) only.
    const day = parseAuditExport(await exported(t, { filterModel: { at: { filterType: 'date', type: 'inRange', dateFrom: '2026-10-30', dateTo: '2026-11-01' } }, timeZone: 'UTC' }));
    assert.deepEqual(
      day.map((row) => [row.action, row.at_local]),
      [['credit.run', '2026-10-31 16:30:00 UTC+00:00']],
    );
    await t.ok('session.lock');
  });

  it('refuses the export to an analyst and a time zone nobody knows', async () => {
    const t = ws.service();
    await unlockAs(t, 'analyst');
    const refused = await t.api.call('audit.export', { filterModel: {}, timeZone: 'UTC' });
    assert.equal(refused.ok ? 'ok' : refused.error.code, 'FORBIDDEN');
    const zone = await t.api.call('audit.export', { filterModel: {}, timeZone: 'Mars/Olympus_Mons' });
    assert.equal(zone.ok ? 'ok' : zone.error.code, 'VALIDATION');
    await t.ok('session.lock');
  });
});
