// `riskdesk cases sla|playbooks …` in-process on a real encrypted workspace: a compliance user drafts an SLA table from
// a JSON file (a bad one refused naming the file and the field), a second one approves it (four eyes), and cases opened
// after its activation are due by it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SlaTable } from '../../../preload/contract/cases.ts';
import { Workspace } from '../../store/workspace.ts';
import { raiseManualAlert } from '../../services/alerts-service.ts';
import { caseDetail, listCases } from '../../services/cases-service.ts';
import { contextFor } from '../../services/context.ts';
import { createTestWorkspace, ROLE_USERS, SECOND_COMPLIANCE, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { capturedIo } from '../../test-support/captured-cli-io.ts';
import { SHIPPED_SLA_HOURS } from '../../test-support/case-documents.ts';
import { runCli } from '../program.ts';


async function cli(ws: TestWorkspace, user: { username: string; passphrase: string }, ...args: string[]) {
  const io = capturedIo({ RISKDESK_PASSPHRASE: user.passphrase });
  const code = await runCli(['cases', ...args, '--db', ws.file, '--user', user.username], io);
  return { code, out: io.out(), err: io.err() };
}

describe('riskdesk cases sla and playbooks', () => {
  let ws: TestWorkspace;
  const cole = ROLE_USERS.compliance;

  before(async () => {
    ws = await createTestWorkspace({ roles: true, secondCompliance: true });
  });
  after(() => ws.dispose());

  it('refuses a draft whose file is not a valid SLA table, naming the file and the field; nothing is written', async () => {
    const bad = path.join(ws.dir, 'bad-sla.json');
    fs.writeFileSync(bad, JSON.stringify({ document: { ...SHIPPED_SLA_HOURS, fraud: { ...SHIPPED_SLA_HOURS.fraud, critical: 0 } } }));
    const run = await cli(ws, cole, 'sla', 'draft', '--file', bad, '--note', 'faster fraud');
    assert.equal(run.code, 1, run.out);
    assert.match(run.err, /SLA table in .*bad-sla\.json: fraud\.critical/);
    const missing = await cli(ws, cole, 'sla', 'draft', '--file', path.join(ws.dir, 'none.json'), '--note', 'x');
    assert.match(missing.err, /none\.json cannot be read \(ENOENT\)/);
    const list = await cli(ws, cole, 'sla', 'list', '--json');
    assert.deepEqual((JSON.parse(list.out) as { versions: SlaTable[] }).versions.map((v) => [v.version, v.status, v.createdBy]), [[1, 'active', 'system']]);
  });

  it('takes a draft through four eyes to active; cases opened after it are due by it', async () => {
    const file = path.join(ws.dir, 'sla.json');
    fs.writeFileSync(file, JSON.stringify({ note: 'faster manual review', document: { ...SHIPPED_SLA_HOURS, manual: { low: 10, medium: 8, high: 6, critical: 2 } } }));
    const drafted = await cli(ws, cole, 'sla', 'draft', '--file', file, '--note', 'faster manual review');
    assert.equal(drafted.code, 0, drafted.err);
    assert.match(drafted.out, /SLA table version 2 is saved as a draft/);
    assert.equal((await cli(ws, cole, 'sla', 'submit', '2')).code, 0);
    const own = await cli(ws, cole, 'sla', 'approve', '2', '--comment', 'mine');
    assert.equal(own.code, 1);
    assert.match(own.err, /cole cannot approve SLA table version 2: .*four eyes/);
    assert.equal((await cli(ws, ROLE_USERS.analyst, 'sla', 'approve', '2', '--comment', 'ok')).code, 1, 'an analyst may not approve SLA tables');
    assert.match((await cli(ws, SECOND_COMPLIANCE, 'sla', 'approve', '2', '--comment', 'Hours agreed with operations')).out, /SLA table version 2 is now approved/);
    assert.match((await cli(ws, SECOND_COMPLIANCE, 'sla', 'activate', '2', '--comment', 'From Monday')).out, /SLA table version 2 is now active/);
    const badId = await cli(ws, cole, 'sla', 'submit', 'two');
    assert.equal(badId.code, 2, 'a bad id is a usage error');

    const at = new Date('2026-12-01T10:00:00.000Z');
    const analyst = await Workspace.open({ path: ws.file, username: ROLE_USERS.analyst.username, passphrase: ROLE_USERS.analyst.passphrase });
    try {
      const ctx = contextFor(analyst, { now: () => at });
      raiseManualAlert(ctx, { subject: { type: 'device', id: 'D1' }, severity: 'high', note: 'n' });
      const row = listCases(ctx, 'all').find((c) => c.title === 'device D1');
      assert.ok(row);
      const opened = caseDetail(ctx, row.case_id);
      assert.deepEqual([opened.slaVersion, opened.dueAt], [2, '2026-12-01T16:00:00.000Z']);
    } finally {
      analyst.close();
    }
  });

  it('lists the shipped playbooks as version 1', async () => {
    const run = await cli(ws, ROLE_USERS.auditor, 'playbooks', 'list');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^version +status +note/m);
    assert.match(run.out, /^1 +active +Response playbooks shipped with RiskDesk +system/m);
  });
});
