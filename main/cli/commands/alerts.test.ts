// `riskdesk alerts list` in-process on a real encrypted workspace (with its keyring and users): what it prints as
// text and as --json, filtered by source and status, as a role that may only read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AlertRow } from '../../../preload/contract/alerts.ts';
import { emitAlerts } from '../../store/alerts.ts';
import { inTransaction } from '../../store/database.ts';
import { insertRun } from '../../store/runs.ts';
import { Workspace } from '../../store/workspace.ts';
import { raiseManualAlert } from '../../services/alerts-service.ts';
import { contextFor } from '../../services/context.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { capturedIo } from '../../test-support/captured-cli-io.ts';
import { closeAlert } from '../../test-support/closed-alerts.ts';
import { runCli } from '../program.ts';

async function alertsList(ws: TestWorkspace, ...options: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = capturedIo({ RISKDESK_PASSPHRASE: ROLE_USERS.auditor.passphrase });
  const code = await runCli(['alerts', 'list', '--db', ws.file, '--user', ROLE_USERS.auditor.username, ...options], io);
  return { code, out: io.out(), err: io.err() };
}

describe('riskdesk alerts list', () => {
  let ws: TestWorkspace;

  before(async () => {
    ws = await createTestWorkspace({ roles: true });
    const admin = await Workspace.open({ path: ws.file, passphrase: ADMIN_PASSPHRASE });
    try {
      const { db } = admin;
      inTransaction(db, () => {
        const runId = insertRun(db, { engine: 'credit', asOf: '2024-12-31', artefacts: { 'credit.model': 1 }, startedBy: 'ana', startedAt: 't0', currency: 'CNY' });
        emitAlerts(db, {
          source: 'credit',
          runId,
          artefacts: { 'credit.model': 1 },
          raisedBy: null,
          at: '2025-01-01T00:00:00.000Z',
          alerts: [
            { type: 'credit.stage_migration', subject: { type: 'loan', id: 'L1' }, severity: 'critical', score: 1, explanation: { key: 'credit.stage_migration', figures: [{ name: 'stage', value: 3, previous: 1 }] } },
            { type: 'credit.dpd_crossing', subject: { type: 'loan', id: 'L2' }, severity: 'low', score: 0.31, explanation: { key: 'credit.dpd_crossing', figures: [{ name: 'dpd', value: 31, threshold: 30, unit: 'days' }] } },
          ],
        });
        closeAlert(db, 2);
      });
      raiseManualAlert(contextFor(admin), { subject: { type: 'account', id: 'A9' }, severity: 'medium', note: 'Phone changed twice this week' });
    } finally {
      admin.close();
    }
  });
  after(() => ws.dispose());

  it('prints the open alerts as one JSON object, most severe first', async () => {
    const run = await alertsList(ws, '--json');
    assert.equal(run.code, 0, run.err);
    const parsed = JSON.parse(run.out) as { ok: boolean; alerts: AlertRow[] };
    assert.equal(parsed.ok, true);
    assert.deepEqual(
      parsed.alerts.map((a) => [a.alert_id, a.source, a.type, a.subject_type, a.subject_id, a.severity, a.status, a.occurrences]),
      [
        [1, 'credit', 'credit.stage_migration', 'loan', 'L1', 'critical', 'open', 1],
        [3, 'manual', 'manual.review', 'account', 'A9', 'medium', 'open', 1],
      ],
    );
    assert.equal(parsed.alerts[1]?.raised_by, 'admin');
  });

  it('filters by source, and shows closed ones with --status all', async () => {
    const credit = JSON.parse((await alertsList(ws, '--source', 'credit', '--status', 'all', '--json')).out) as { alerts: AlertRow[] };
    assert.deepEqual(
      credit.alerts.map((a) => [a.subject_id, a.status]),
      [
        ['L1', 'open'],
        ['L2', 'closed'],
      ],
    );
    const fraud = await alertsList(ws, '--source', 'fraud');
    assert.equal(fraud.code, 0, fraud.err);
    assert.equal(fraud.out, 'No open alerts from fraud.\n');
  });

  it('prints a table as text, and refuses a source that does not exist as a usage error', async () => {
    const text = await alertsList(ws);
    assert.equal(text.code, 0, text.err);
    const lines = text.out.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^ID\s+SEVERITY\s+TYPE\s+SUBJECT\s+SCORE\s+STATUS\s+SEEN\s+LAST SEEN$/);
    assert.match(lines[1] ?? '', /^1\s+critical\s+credit\.stage_migration\s+loan L1\s+1\s+open\s+1×\s+2025-01-01T00:00:00\.000Z$/);
    assert.equal(lines.length, 3);
    const wrong = await alertsList(ws, '--source', 'rumour', '--json');
    assert.equal(wrong.code, 2);
    assert.match(wrong.out, /"code":"USAGE".*rumour/);
  });
});
