// `riskdesk cases list|show|assign|transition|note` in-process on a real encrypted workspace (with its keyring and
// users of every role): what each prints as text and as --json, how the workflow's refusals (missing disposition, four
// eyes, role) reach the user naming the case, the move and why, and what each leaves in the workspace.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Case, CaseRow } from '../../../preload/contract/cases.ts';
import type { Role } from '../../../preload/contract/permissions.ts';
import { Workspace } from '../../store/workspace.ts';
import { raiseManualAlert } from '../../services/alerts-service.ts';
import { attachToCase, caseDetail } from '../../services/cases-service.ts';
import { contextFor } from '../../services/context.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { capturedIo } from '../../test-support/captured-cli-io.ts';
import { FIXED_NOW } from '../../test-support/temp-workspace.ts';
import { runCli } from '../program.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

async function cases(ws: TestWorkspace, role: Role, ...args: string[]): Promise<Run> {
  const io = capturedIo({ RISKDESK_PASSPHRASE: ROLE_USERS[role].passphrase });
  const code = await runCli(['cases', ...args, '--db', ws.file, '--user', ROLE_USERS[role].username], io);
  return { code, out: io.out(), err: io.err() };
}

/** The case as the workspace holds it, read by the admin outside the CLI. */
async function stored(ws: TestWorkspace, caseId: number): Promise<Case> {
  const admin = await Workspace.open({ path: ws.file, passphrase: ADMIN_PASSPHRASE });
  try {
    return caseDetail(contextFor(admin), caseId);
  } finally {
    admin.close();
  }
}

const ATTACHMENT = Buffer.from('Statement of account, November\n');

describe('riskdesk cases', () => {
  let ws: TestWorkspace;

  before(async () => {
    ws = await createTestWorkspace({ roles: true });
    const admin = await Workspace.open({ path: ws.file, passphrase: ADMIN_PASSPHRASE });
    try {
      // Raised a month ago (FIXED_NOW): their cases and playbook steps are overdue by now.
      const ctx = contextFor(admin, { now: () => FIXED_NOW });
      raiseManualAlert(ctx, { subject: { type: 'loan', id: 'L1' }, severity: 'high', note: 'Borrower reported job loss' });
      raiseManualAlert(ctx, { subject: { type: 'account', id: 'A9' }, severity: 'medium', note: 'Phone changed twice this week' });
      raiseManualAlert(ctx, { subject: { type: 'loan', id: 'L3' }, severity: 'low', note: 'Collateral photo missing' });
    } finally {
      admin.close();
    }
    const analyst = await Workspace.open({ path: ws.file, username: ROLE_USERS.analyst.username, passphrase: ROLE_USERS.analyst.passphrase });
    try {
      attachToCase(contextFor(analyst, { now: () => FIXED_NOW }), 1, { name: 'statement.txt', mediaType: 'text/plain', content: ATTACHMENT });
    } finally {
      analyst.close();
    }
  });
  after(() => ws.dispose());

  it('lists the open cases, most urgent first, as JSON and as a table', async () => {
    const run = await cases(ws, 'analyst', 'list', '--json');
    assert.equal(run.code, 0, run.err);
    const parsed = JSON.parse(run.out) as { ok: boolean; view: string; cases: CaseRow[] };
    assert.equal(parsed.ok, true);
    assert.equal(parsed.view, 'open');
    assert.deepEqual(
      parsed.cases.map((c) => [c.case_id, c.type, c.title, c.priority, c.status, c.assignee, c.alert_count]),
      [
        [1, 'manual', 'loan L1', 'high', 'new', null, 1],
        [2, 'manual', 'account A9', 'medium', 'new', null, 1],
        [3, 'manual', 'loan L3', 'low', 'new', null, 1],
      ],
    );
    // The manual SLA: 48 hours for a high case, from when it opened.
    assert.equal(parsed.cases[0]?.due_at, '2026-11-03T09:00:00.000Z');

    const text = await cases(ws, 'analyst', 'list');
    assert.equal(text.code, 0, text.err);
    const lines = text.out.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^ID\s+PRIORITY\s+STATUS\s+ASSIGNEE\s+TYPE\s+TITLE\s+ALERTS\s+DUE$/);
    assert.match(lines[1] ?? '', /^1\s+high\s+new\s+-\s+manual\s+loan L1\s+1\s+2026-11-03T09:00:00\.000Z$/);
    assert.equal(lines.length, 4);

    const mine = await cases(ws, 'analyst', 'list', '--view', 'mine');
    assert.equal(mine.out, 'No cases in the mine view.\n');
    const wrong = await cases(ws, 'analyst', 'list', '--view', 'someday', '--json');
    assert.equal(wrong.code, 2);
    assert.match(wrong.out, /"code":"USAGE".*someday/);
  });

  it('refuses a case id that is not a positive whole number as a usage error, and names a case that is not there', async () => {
    for (const id of ['abc', '0', '-1', '1.5']) {
      const run = await cases(ws, 'analyst', 'show', id);
      assert.equal(run.code, 2, `${id}: ${run.err}`);
      assert.match(run.err, /case id is a whole number ≥ 1/);
      assert.match(run.err, /riskdesk cases show --help/);
    }
    const missing = await cases(ws, 'analyst', 'show', '99', '--json');
    assert.equal(missing.code, 1);
    assert.match(missing.out, /"code":"NOT_FOUND".*There is no case 99/);
  });

  it('assigns a case and moves it into review', async () => {
    const assigned = await cases(ws, 'analyst', 'assign', '1', '--to', 'ana');
    assert.equal(assigned.code, 0, assigned.err);
    assert.equal(assigned.out, 'Case 1 (loan L1): status assigned, assignee ana.\n');

    const reviewed = await cases(ws, 'analyst', 'transition', '1', '--to', 'in_review', '--json');
    assert.equal(reviewed.code, 0, reviewed.err);
    const parsed = JSON.parse(reviewed.out) as { ok: boolean; case: Case };
    assert.equal(parsed.case.caseId, 1);
    assert.equal(parsed.case.status, 'in_review');
    assert.equal(parsed.case.assignee, 'ana');

    const nobody = await cases(ws, 'analyst', 'assign', '2', '--to', 'nobody');
    assert.equal(nobody.code, 1);
    assert.match(nobody.err, /Case 2 cannot be assigned to nobody: there is no such user/);
    const state = await stored(ws, 1);
    assert.deepEqual([state.status, state.assignee], ['in_review', 'ana']);
  });

  it('refuses to propose closure without a disposition, naming the case, the move and the disposition', async () => {
    const text = await cases(ws, 'analyst', 'transition', '1', '--to', 'pending_approval');
    assert.equal(text.code, 1);
    assert.equal(text.out, '');
    assert.match(text.err, /^riskdesk: Case 1 cannot move from in review to pending approval: a closure needs a disposition \(confirmed_fraud, false_positive, .*\)\.\n$/);
    const json = await cases(ws, 'analyst', 'transition', '1', '--to', 'pending_approval', '--json');
    assert.equal(json.code, 1);
    const parsed = JSON.parse(json.out) as { ok: boolean; error: { code: string; message: string; details: { caseId: number; field: string } } };
    assert.equal(parsed.ok, false);
    assert.equal(parsed.error.code, 'INVALID_ARGUMENT');
    assert.deepEqual([parsed.error.details.caseId, parsed.error.details.field], [1, 'disposition']);
    assert.equal((await stored(ws, 1)).status, 'in_review');

    const unknown = await cases(ws, 'analyst', 'transition', '1', '--to', 'pending_approval', '--disposition', 'bad_luck');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /bad_luck/);
  });

  it('proposes closure with a disposition; four eyes refuses the proposer closing a high case, another user closes it', async () => {
    const proposed = await cases(ws, 'analyst', 'transition', '1', '--to', 'pending_approval', '--disposition', 'false_positive');
    assert.equal(proposed.code, 0, proposed.err);
    assert.equal(proposed.out, 'Case 1 (loan L1): status pending_approval (disposition false_positive), assignee ana.\n');

    const own = await cases(ws, 'analyst', 'transition', '1', '--to', 'closed');
    assert.equal(own.code, 1);
    assert.match(own.err, /Case 1 cannot move from pending approval to closed: ana proposed its closure, and a high case is closed by someone else \(four eyes\)/);
    const before = await stored(ws, 1);
    assert.deepEqual([before.status, before.proposedBy, before.closedBy], ['pending_approval', 'ana', null]);

    const closed = await cases(ws, 'compliance', 'transition', '1', '--to', 'closed', '--json');
    assert.equal(closed.code, 0, closed.err);
    const parsed = JSON.parse(closed.out) as { case: Case };
    assert.deepEqual([parsed.case.status, parsed.case.disposition, parsed.case.closedBy], ['closed', 'false_positive', 'cole']);
    const after = await stored(ws, 1);
    assert.deepEqual([after.status, after.disposition, after.proposedBy, after.closedBy], ['closed', 'false_positive', 'ana', 'cole']);
    assert.deepEqual(
      after.alerts.map((a) => a.status),
      ['closed'],
    );
  });

  it('adds a note', async () => {
    const noted = await cases(ws, 'analyst', 'note', '2', '--text', 'Called the customer; **documents requested**.');
    assert.equal(noted.code, 0, noted.err);
    assert.equal(noted.out, 'Added note 1 to case 2. Case 2 (account A9): status new, assignee (none).\n');
    const json = await cases(ws, 'compliance', 'note', '2', '--text', 'Second look', '--json');
    assert.equal(json.code, 0, json.err);
    assert.deepEqual(
      (JSON.parse(json.out) as { case: Case }).case.notes.map((n) => [n.author, n.markdown]),
      [
        ['ana', 'Called the customer; **documents requested**.'],
        ['cole', 'Second look'],
      ],
    );
    const empty = await cases(ws, 'analyst', 'note', '2', '--text', '   ');
    assert.equal(empty.code, 2);
    assert.match(empty.err, /--text/);
    const onClosed = await cases(ws, 'analyst', 'note', '1', '--text', 'Too late');
    assert.equal(onClosed.code, 1);
    assert.match(onClosed.err, /Case 1 is closed, so adding a note is not possible: reopen it first/);
    assert.equal((await stored(ws, 2)).notes.length, 2);
    assert.equal((await stored(ws, 1)).notes.length, 0);
  });

  it('refuses an analyst-only move by compliance, naming the role', async () => {
    assert.equal((await cases(ws, 'compliance', 'assign', '2', '--to', 'cole')).code, 0);
    assert.equal((await cases(ws, 'compliance', 'transition', '2', '--to', 'in_review')).code, 0);
    const escalate = await cases(ws, 'compliance', 'transition', '2', '--to', 'escalated');
    assert.equal(escalate.code, 1);
    assert.match(escalate.err, /^riskdesk: Case 2 cannot move from in review to escalated: cole is compliance, and this step is for analyst\.\n$/);
    assert.equal((await stored(ws, 2)).status, 'in_review');

    const auditor = await cases(ws, 'auditor', 'assign', '3', '--to', 'ana', '--json');
    assert.equal(auditor.code, 1);
    assert.match(auditor.out, /"code":"FORBIDDEN".*audrey \(auditor\) may not assign case 3/);
    assert.equal((await stored(ws, 3)).assignee, null);

    const escalated = await cases(ws, 'analyst', 'transition', '2', '--to', 'escalated');
    assert.equal(escalated.code, 0, escalated.err);
    assert.equal((await stored(ws, 2)).status, 'escalated');
  });

  it('shows a case with its alerts, playbook, attachments and timeline', async () => {
    const text = await cases(ws, 'auditor', 'show', '1');
    assert.equal(text.code, 0, text.err);
    const out = text.out;
    assert.match(out, /^Case 1: loan L1\n/);
    assert.match(out, /\n {2}priority +high\n/);
    assert.match(out, /\n {2}status +closed\n/);
    assert.match(out, /\n {2}assignee +ana\n/);
    assert.match(out, /\n {2}disposition +false_positive\n/);
    assert.match(out, /\n {2}proposed +by ana at /);
    assert.match(out, /\n {2}closed +by cole at /);
    assert.match(out, /\nAlerts \(1\):\n {2}ID +SEVERITY +TYPE +SUBJECT +SCORE +STATUS +EXPLANATION\n {2}1 +high +manual\.review +loan L1 +0 +closed +manual\.review; note: Borrower reported job loss\n/);
    // The step was due 48 hours after the case opened, a month before now, and nobody ticked it.
    assert.match(out, /\nPlaybook:\n.*\n {2}manual\.review +1 +review_subject +analyst +2026-11-03T09:00:00\.000Z +OVERDUE\n/);
    assert.match(out, /\nNotes:\n {2}\(none\)\n/);
    const sha = createHash('sha256').update(ATTACHMENT).digest('hex');
    assert.match(out, new RegExp(`\\nAttachments:\\n.*\\n {2}1 +statement\\.txt +${ATTACHMENT.length} B +${sha} +ana +`));
    const timeline = out.slice(out.indexOf('\nTimeline:\n'));
    const actions = [...timeline.matchAll(/^ {2}\d+ +\S+ +(\S+) +((?:case|alert)\.\S+)/gm)].map((m) => `${m[1]} ${m[2]}`);
    // It starts with how the case came to be: its alert raised.
    assert.deepEqual(actions, ['admin alert.raise', 'ana case.attach', 'ana case.assign', 'ana case.transition', 'ana case.transition', 'cole case.transition']);

    const json = await cases(ws, 'auditor', 'show', '2', '--json');
    assert.equal(json.code, 0, json.err);
    const parsed = JSON.parse(json.out) as { ok: boolean; case: Case; timeline: { actor: string; action: string; subject: string }[] };
    assert.equal(parsed.case.caseId, 2);
    assert.equal(parsed.case.title, 'account A9');
    assert.equal(parsed.case.status, 'escalated');
    assert.deepEqual(parsed.case.alerts[0]?.explanation, { key: 'manual.review', figures: [], note: 'Phone changed twice this week' });
    assert.deepEqual(
      parsed.timeline.map((e) => [e.actor, e.action, e.subject]),
      [
        ['admin', 'alert.raise', 'alert 2'],
        ['ana', 'case.note', 'case 2'],
        ['cole', 'case.note', 'case 2'],
        ['cole', 'case.assign', 'case 2'],
        ['cole', 'case.transition', 'case 2'],
        ['ana', 'case.transition', 'case 2'],
      ],
    );
  });
});
