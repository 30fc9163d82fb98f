// End-to-end tests of the workspace credit commands: bin/riskdesk.mjs in child processes on a real encrypted
// workspace with the small demo portfolio. develop → submit → reject with a reason → submit → approve (neither by
// the author nor the submitter) → activate → run.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { tempDir } from '../main/test-support/temp-workspace.ts';

const BIN = fileURLToPath(new URL('../bin/riskdesk.mjs', import.meta.url));
const USERS = {
  admin: 'admin passphrase for credit',
  ana: 'analyst passphrase for credit',
  cole: 'compliance passphrase for credit',
} as const;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function riskdesk(args: string[], user: keyof typeof USERS = 'admin', newUser?: keyof typeof USERS): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args, ...(args[0] === 'init' ? [] : ['--user', user])],
      { env: { PATH: process.env.PATH ?? '', RISKDESK_PASSPHRASE: USERS[user], ...(newUser ? { RISKDESK_NEW_PASSPHRASE: USERS[newUser] } : {}) }, timeout: 180_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

function expectExit(run: Run, code: number): void {
  assert.equal(run.code, code, `exit ${run.code}, expected ${code}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
}

function json<T>(run: Run): T {
  expectExit(run, 0);
  return JSON.parse(run.stdout.trim()) as T;
}

describe('riskdesk credit develop, model and run on a workspace', () => {
  const db = path.join(tempDir('riskdesk-credit-ws-'), 'w.rdw');
  let modelId = 0;

  before(async () => {
    expectExit(await riskdesk(['init', '--db', db, '--user', 'admin']), 0);
    expectExit(await riskdesk(['demo', '--db', db, '--scale', 'small']), 0);
    for (const [username, role] of [
      ['ana', 'analyst'],
      ['cole', 'compliance'],
    ] as const) {
      expectExit(await riskdesk(['user', 'add', '--name', username, '--role', role, '--db', db], 'admin', username), 0);
    }
  });

  it('develops and saves a draft as the analyst', async () => {
    const out = json<{ model: { modelId: number; status: string; createdBy: string }; metrics: { holdout: { auc: number } } }>(
      await riskdesk(['credit', 'develop', '--db', db, '--name', 'CLI scorecard', '--json'], 'ana'),
    );
    assert.equal(out.model.status, 'draft');
    assert.equal(out.model.createdBy, 'ana');
    assert.ok(out.metrics.holdout.auc > 0.6);
    modelId = out.model.modelId;
  });

  it('refuses a run before a model is active, an approval by the analyst, and an approval before submission', async () => {
    const early = await riskdesk(['credit', 'run', '--db', db], 'ana');
    expectExit(early, 1);
    assert.match(early.stderr, /No scorecard is active/);
    const own = await riskdesk(['credit', 'model', 'approve', String(modelId), '--db', db, '--comment', 'mine'], 'ana');
    expectExit(own, 1);
    assert.match(own.stderr, /may not models\.approve/);
    const unsubmitted = await riskdesk(['credit', 'model', 'approve', String(modelId), '--db', db, '--comment', 'too early'], 'cole');
    expectExit(unsubmitted, 1);
    assert.match(unsubmitted.stderr, /is a draft, so it cannot be approved: submit it for review first/);
  });

  it('submits as the analyst; compliance sends it back with a reason (which it must give), and it is submitted again', async () => {
    const submitted = await riskdesk(['credit', 'model', 'submit', String(modelId), '--db', db], 'ana');
    expectExit(submitted, 0);
    assert.equal(submitted.stdout.trim(), `Model ${modelId} "CLI scorecard" is now submitted.`);
    const noReason = await riskdesk(['credit', 'model', 'reject', String(modelId), '--db', db], 'cole');
    expectExit(noReason, 2);
    assert.match(noReason.stderr, /--reason/);
    const rejected = json<{ model: { status: string; rejectedBy: string; rejectionReason: string } }>(
      await riskdesk(['credit', 'model', 'reject', String(modelId), '--db', db, '--reason', 'Name the holdout seed', '--json'], 'cole'),
    );
    assert.deepEqual([rejected.model.status, rejected.model.rejectedBy, rejected.model.rejectionReason], ['draft', 'cole', 'Name the holdout seed']);
    expectExit(await riskdesk(['credit', 'model', 'submit', String(modelId), '--db', db], 'ana'), 0);
  });

  it('approves and activates as compliance, then runs and prints totals by stage and grade', async () => {
    const noComment = await riskdesk(['credit', 'model', 'approve', String(modelId), '--db', db], 'cole');
    expectExit(noComment, 2);
    assert.match(noComment.stderr, /--comment/);
    expectExit(await riskdesk(['credit', 'model', 'approve', String(modelId), '--db', db, '--comment', 'Holdout seed named'], 'cole'), 0);
    const active = json<{ model: { status: string; approvalComment: string; activationComment: string } }>(
      await riskdesk(['credit', 'model', 'activate', String(modelId), '--db', db, '--comment', 'First model', '--json'], 'cole'),
    );
    assert.deepEqual([active.model.status, active.model.approvalComment, active.model.activationComment], ['active', 'Holdout seed named', 'First model']);
    const text = await riskdesk(['credit', 'run', '--db', db], 'ana');
    expectExit(text, 0);
    assert.match(text.stdout, /^Credit run 1 as of \d{4}-\d{2}-\d{2}: [\d,]+ loans scored with model/m);
    assert.match(text.stdout, /stage\s+loans\s+EAD\s+ECL\s+coverage/);
    const { run } = json<{ run: { runId: number; asOf: string; totals: { loans: number; eclMinor: number; byStage: { stage: string; loans: number; eclMinor: number }[]; byGrade: { grade: string; loans: number }[] } } }>(
      await riskdesk(['credit', 'run', '--db', db, '--as-of', '2030-01-31', '--json'], 'ana'),
    );
    assert.equal(run.runId, 2);
    assert.equal(run.asOf, '2030-01-31');
    assert.deepEqual(
      run.totals.byStage.map((s) => s.stage),
      ['1', '2', '3'],
    );
    assert.equal(run.totals.byStage.reduce((s, x) => s + x.loans, 0), run.totals.loans);
    assert.equal(run.totals.byGrade.reduce((s, x) => s + x.loans, 0), run.totals.loans);
    assert.ok(run.totals.eclMinor > 0);
    const listed = json<{ models: { modelId: number; status: string; submittedBy: string; approvedBy: string }[] }>(await riskdesk(['credit', 'model', 'list', '--db', db, '--json'], 'cole'));
    assert.deepEqual(listed.models.map((m) => [m.modelId, m.status, m.submittedBy, m.approvedBy]), [[modelId, 'active', 'ana', 'cole']]);
  });

  it('develops on a chosen score scale with whole points, and refuses a scale or a feature the contract does not allow', async () => {
    const out = json<{ model: { status: string }; scaling: { pdo: number; base_score: number; base_odds: number; round_points: boolean } }>(
      await riskdesk(['credit', 'develop', '--db', db, '--name', 'CLI scale 500 at 20:1', '--pdo', '40', '--base-score', '500', '--base-odds', '20', '--whole-points', '--exclude', 'region', '--json'], 'ana'),
    );
    assert.equal(out.model.status, 'draft');
    assert.deepEqual(out.scaling, { pdo: 40, base_score: 500, base_odds: 20, round_points: true });
    const zeroPdo = await riskdesk(['credit', 'develop', '--db', db, '--name', 'Bad scale', '--pdo', '0'], 'ana');
    expectExit(zeroPdo, 2);
    assert.match(zeroPdo.stderr, /--pdo takes a number > 0 and ≤ 1000/);
    const unknown = await riskdesk(['credit', 'develop', '--db', db, '--name', 'Bad feature', '--exclude', 'shoe_size'], 'ana');
    expectExit(unknown, 1);
    assert.match(unknown.stderr, /"shoe_size" cannot be excluded: it is not a credit feature/);
  });

  it('rejects a reporting date that is not a calendar date', async () => {
    const run = await riskdesk(['credit', 'run', '--db', db, '--as-of', '2024-02-30'], 'ana');
    expectExit(run, 2);
    assert.match(run.stderr, /--as-of takes a calendar date/);
  });
});
