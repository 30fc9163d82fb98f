// `riskdesk fraud run | alerts | score` in-process on a real encrypted workspace (keyring, users, a real worker) holding
// the hand-built transactions of test-support/fraud-test-data.ts, whose decisions fraud-run.test.ts works out by hand.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { createTestWorkspace, ROLE_USERS, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { capturedIo } from '../../test-support/captured-cli-io.ts';
import { activateRuleSet, HAND_RULE_SET, insertHandTransactions } from '../../test-support/fraud-test-data.ts';
import { runCli } from '../program.ts';

async function cli(ws: TestWorkspace, user: (typeof ROLE_USERS)[keyof typeof ROLE_USERS], args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
  const io = { ...capturedIo({ RISKDESK_PASSPHRASE: user.passphrase }), ...(stdin === undefined ? {} : { stdin: Readable.from([stdin]) }) };
  const code = await runCli([...args, '--db', ws.file, '--user', user.username], io);
  return { code, out: io.out(), err: io.err() };
}

const fraud = (ws: TestWorkspace, args: string[], stdin?: string) => cli(ws, ROLE_USERS.analyst, ['fraud', ...args], stdin);

describe('riskdesk fraud', () => {
  let ws: TestWorkspace;

  let handVersion = 0;

  before(async () => {
    ws = await createTestWorkspace({
      roles: true,
      seed: (db) => {
        insertHandTransactions(db);
        handVersion = activateRuleSet(db, HAND_RULE_SET);
      },
    });
  });
  after(() => ws.dispose());

  it('alerts before any run: none, and says so', async () => {
    const json = await fraud(ws, ['alerts', '--json']);
    assert.equal(json.code, 0, json.err);
    assert.deepEqual(JSON.parse(json.out), { ok: true, runId: null, alerts: [] });
    assert.match((await fraud(ws, ['alerts'])).out, /No fraud run yet/);
  });

  it('run prints its counts; alerts lists each flagged transaction with its rules, highest score first', async () => {
    const run = await fraud(ws, ['run', '--json']);
    assert.equal(run.code, 0, run.err);
    const counts = JSON.parse(run.out) as { transactions: number; alerts: number; review: number; block: number; run: { runId: number } };
    // Every transaction scored (no period): T01 and T02 are now scored too, and neither fires.
    assert.deepEqual([counts.transactions, counts.alerts, counts.review, counts.block], [7, 4, 3, 1]);
    const alerts = JSON.parse((await fraud(ws, ['alerts', '--json'])).out) as { runId: number; alerts: { tx_id: string; account_id: string; score: number; action: string; rules: string[] }[] };
    assert.equal(alerts.runId, counts.run.runId);
    assert.deepEqual(
      alerts.alerts.map((a) => [a.tx_id, a.account_id, a.score, a.action, a.rules]),
      [
        ['T07', 'A1', 4, 'block', ['burst', 'shared-device']],
        ['T03', 'A3', 2, 'review', ['burst']],
        ['T05', 'A2', 2, 'review', ['shared-device']],
        ['T06', 'A1', 2, 'review', ['shared-device']],
      ],
    );
  });

  it('refuses a date that is not one as a usage error, before unlocking', async () => {
    const run = await fraud(ws, ['run', '--from', '2024-02-30']);
    assert.equal(run.code, 2);
    assert.match(run.err, /--from takes a calendar date, YYYY-MM-DD; "2024-02-30"/);
  });

  it('score decides each line with the history carried, answers bad lines with their reason, and exits 1', async () => {
    const lines = [
      // A1's fourth payment in the hour after T04, T06 and T07 (history), in a ring: burst + shared-device = block.
      { tx_id: 'S1', account_id: 'A1', ts: '2024-03-02T16:30:00+08:00', amount: '12.50', currency: 'CNY', device_id: 'D1', ip: 'I1' },
      'not json',
      { tx_id: 'S2', account_id: 'NOPE', ts: '2024-03-02T08:31:00Z', amount: 1, currency: 'CNY' },
      { tx_id: 'S3', account_id: 'A3', ts: '2024-03-02T08:29:00Z', amount: '5.00', currency: 'CNY' },
      { tx_id: 'S4', account_id: 'A3', ts: '2024-03-02T08:40:00Z', amount: '5.001', currency: 'CNY' },
      // A3 alone, one payment in its hour: allowed.
      { tx_id: 'S5', account_id: 'A3', ts: '2024-03-02T08:45:00Z', amount: 7, currency: 'CNY', device_id: 'D3' },
    ];
    const stdin = lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
    const score = await fraud(ws, ['score'], `${stdin}\n`);
    assert.equal(score.code, 1, score.err);
    const decisions = score.out.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(decisions[0], { tx_id: 'S1', score: 4, action: 'block', rules: ['burst', 'shared-device'] });
    assert.deepEqual(decisions[1], { line: 2, tx_id: null, error: 'is not JSON: each line is one transaction object' });
    assert.deepEqual(decisions[2], { line: 3, tx_id: 'S2', error: 'field account_id: there is no account NOPE in the workspace' });
    assert.equal(decisions[3]?.['line'], 4);
    assert.match(String(decisions[3]?.['error']), /transaction S3 out of order: its ts 2024-03-02T08:29:00.000Z is earlier than the last one fed \(S1 at 2024-03-02T08:30:00.000Z\)/);
    assert.deepEqual(decisions[4], { line: 5, tx_id: 'S4', error: 'field amount: "5.001" has 3 decimals but CNY has 2' });
    assert.deepEqual(decisions[5], { tx_id: 'S5', score: 0, action: 'allow', rules: [] });
    assert.equal(decisions.length, 6);
    assert.match(score.err, /rule set v\d+, window state from 7 transactions/);
    assert.match(score.err, /4 of 6 lines could not be decided/);
  });

  it('rules backtest tests a version over a period as compliance, prints its figures and stores them', async () => {
    const json = await cli(ws, ROLE_USERS.compliance, ['rules', 'backtest', String(handVersion), '--from', '2024-03-02', '--json']);
    assert.equal(json.code, 0, json.err);
    const { backtest } = JSON.parse(json.out) as { backtest: { backtestId: number; result: { version: number; baselineVersion: number | null; transactions: number; candidate: { flagged: number; precision: number | null } } } };
    // The active version itself: nothing else to compare with. No labels in this workspace: every flag is a false alert.
    assert.deepEqual([backtest.result.version, backtest.result.baselineVersion, backtest.result.transactions, backtest.result.candidate.flagged, backtest.result.candidate.precision], [handVersion, null, 5, 4, 0]);
    const text = await cli(ws, ROLE_USERS.compliance, ['rules', 'backtest', String(handVersion)]);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, new RegExp(`Backtest ${backtest.backtestId + 1} of rule set v${handVersion} \\(no other version active\\): 7 transactions, 0 known fraud`));
    // burst fires on T03 and T07 (T07 would be flagged by shared-device alone: 4 − 2 = 2); shared-device on T05–T07.
    assert.match(text.out, /\nburst +2 +0 +0\.0 % +1 +0\n/);
    assert.match(text.out, /\nshared-device +3 +0 +0\.0 % +2 +0\n/);
    const auditor = await cli(ws, ROLE_USERS.auditor, ['rules', 'backtest', String(handVersion)]);
    assert.equal(auditor.code, 1);
    assert.match(auditor.err, /FORBIDDEN|may not|not allowed/i);
  });
});
