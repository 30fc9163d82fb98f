// `riskdesk liquidity params …` in-process on a real encrypted workspace: the shipped version 1 is there from creation,
// a compliance user exports it and drafts an edited copy from the file (a bad file refused with VALIDATION naming the
// file and the JSON path, nothing written), a second one approves it (four eyes), and activating it retires version 1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LiquidityParameters, LiquidityParameterSet } from '../../../preload/contract/liquidity.ts';
import { Workspace } from '../../store/workspace.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS, SECOND_COMPLIANCE, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { capturedIo } from '../../test-support/captured-cli-io.ts';
import { SHIPPED_LIQUIDITY_PARAMETERS_DOCUMENT as SHIPPED } from '../../test-support/shipped-liquidity-parameters.ts';
import { runCli } from '../program.ts';

async function cli(ws: TestWorkspace, user: { username: string; passphrase: string }, ...args: string[]) {
  const io = capturedIo({ RISKDESK_PASSPHRASE: user.passphrase });
  const code = await runCli(['liquidity', 'params', ...args, '--db', ws.file, '--user', user.username], io);
  return { code, out: io.out(), err: io.err() };
}

/** The --json answer of a command that succeeded. */
async function ok<T>(ws: TestWorkspace, user: { username: string; passphrase: string }, ...args: string[]): Promise<T> {
  const run = await cli(ws, user, ...args, '--json');
  assert.equal(run.code, 0, `${args.join(' ')}: ${run.err}`);
  return JSON.parse(run.out) as T;
}

describe('riskdesk liquidity params', () => {
  let ws: TestWorkspace;
  const cole = ROLE_USERS.compliance;
  const versions = async (): Promise<[number, string][]> =>
    (await ok<{ versions: LiquidityParameterSet[] }>(ws, ROLE_USERS.auditor, 'list')).versions.map((v) => [v.version, v.status]);
  const auditActions = async (): Promise<string[]> => {
    const workspace = await Workspace.open({ path: ws.file, passphrase: ADMIN_PASSPHRASE });
    try {
      return workspace.db.prepare(`SELECT action FROM audit_events WHERE action LIKE 'liquidity.%' ORDER BY seq`).pluck().all() as string[];
    } finally {
      workspace.close();
    }
  };

  before(async () => {
    ws = await createTestWorkspace({ roles: true, secondCompliance: true });
  });
  after(() => ws.dispose());

  it('lists and shows the shipped version 1, and exports it as a file draft reads back; never over an existing file', async () => {
    assert.deepEqual(await versions(), [[1, 'active']]);
    const listed = await cli(ws, ROLE_USERS.analyst, 'list');
    assert.match(listed.out, /^1 +active +3 +Defaults shipped with RiskDesk/m);
    const shown = await cli(ws, ROLE_USERS.analyst, 'show', '1');
    assert.equal(shown.code, 0, shown.err);
    assert.match(shown.out, /^Liquidity parameter set version 1 \(active\): Defaults shipped with RiskDesk/m);
    assert.match(shown.out, /^hqla_l2a +0\.85$/m);
    assert.match(shown.out, /^asf_retail_stable +0\.95$/m);
    assert.match(shown.out, /^fixed_90d +0 +90$/m);
    assert.match(shown.out, /^market_wide +90 +1\.5 +0\.8 +0\.5 +0\/0\.1\/0\.25 +10 +0\.75 +1\.5$/m);
    assert.match(shown.out, /^Monte Carlo: 10000 paths over 90 days, blocks of 5 days from the last 365 days of flows/m);
    assert.match(shown.out, /^survivalDays +30 +critical +under idiosyncratic_run$/m);
    assert.deepEqual((await ok<{ version: LiquidityParameterSet }>(ws, ROLE_USERS.auditor, 'show', '1')).version.parameters, SHIPPED);
    const missing = await cli(ws, ROLE_USERS.auditor, 'show', '9', '--json');
    assert.equal(missing.code, 1);
    assert.equal((JSON.parse(missing.out) as { error: { code: string } }).error.code, 'NOT_FOUND');

    const file = path.join(ws.dir, 'liquidity-v1.json');
    assert.deepEqual(await ok(ws, ROLE_USERS.auditor, 'export', '1', '--out', file), { ok: true, file, plaintext: true });
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    const text = await cli(ws, ROLE_USERS.auditor, 'export', '1', '--out', `${file}.text`);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /\nNote: .*liquidity-v1\.json\.text is not encrypted\. Keep it somewhere safe, or delete it when you are done\.\n$/);
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { note: 'Defaults shipped with RiskDesk: the Basel III LCR and NSFR factors (DOMAIN.md), three 90-day stress scenarios, Monte Carlo settings and early-warning thresholds.', parameters: SHIPPED });
    const again = await cli(ws, ROLE_USERS.auditor, 'export', '1', '--out', file);
    assert.equal(again.code, 1);
    assert.match(again.err, /Liquidity parameter set version 1 is not exported: .*liquidity-v1\.json exists already; choose another --out/);
  });

  it('refuses a bad draft file with VALIDATION naming the file and the JSON path; a missing note is a usage error; nothing is written', async () => {
    const bad = path.join(ws.dir, 'bad.json');
    const wrong = { ...SHIPPED, monteCarlo: { ...SHIPPED.monteCarlo, blockDays: 45, historyDays: 30 } };
    fs.writeFileSync(bad, JSON.stringify({ note: 'long blocks', parameters: wrong }));
    const run = await cli(ws, cole, 'draft', '--file', bad, '--json');
    assert.equal(run.code, 1);
    const { error } = JSON.parse(run.out) as { error: { code: string; message: string; details: { path: string }[] } };
    assert.equal(error.code, 'VALIDATION');
    assert.match(error.message, /^Invalid liquidity parameter set in .*bad\.json: monteCarlo\.blockDays: a bootstrap block of 45 days/);
    assert.deepEqual(error.details.map((d) => d.path), ['monteCarlo.blockDays']);
    fs.writeFileSync(bad, JSON.stringify({ ...SHIPPED, lcr: { factors: { ...SHIPPED.lcr.factors, hqla_l2a: 'high' } } }));
    assert.match((await cli(ws, cole, 'draft', '--file', bad, '--note', 'x')).err, /Invalid liquidity parameter set in .*bad\.json: lcr\.factors\.hqla_l2a: /);
    const bare = path.join(ws.dir, 'bare.json');
    fs.writeFileSync(bare, JSON.stringify(SHIPPED));
    const noNote = await cli(ws, cole, 'draft', '--file', bare);
    assert.equal(noNote.code, 2, 'no note is a usage error');
    assert.match(noNote.err, /--note, or a "note" in .*bare\.json/);
    const analyst = await cli(ws, ROLE_USERS.analyst, 'draft', '--file', bare, '--note', 'mine');
    assert.equal(analyst.code, 1);
    assert.match(analyst.err, /may not parameters\.edit/);
    assert.deepEqual(await versions(), [[1, 'active']]);
    // The two exports of the first test are in the trail; the refused drafts and the refused export are not.
    assert.deepEqual(await auditActions(), ['liquidity.parameters.seed', 'liquidity.parameters.export', 'liquidity.parameters.export']);
  });

  it('takes a draft through four eyes to active, retiring version 1; a rejected one goes back to draft; every step audited', async () => {
    const exported = JSON.parse(fs.readFileSync(path.join(ws.dir, 'liquidity-v1.json'), 'utf8')) as { note: string; parameters: LiquidityParameters };
    const harsher = { ...exported.parameters, indicators: { ...exported.parameters.indicators, lcrFloor: { threshold: 1.1, severity: 'critical' } } };
    const file = path.join(ws.dir, 'harsher.json');
    fs.writeFileSync(file, JSON.stringify({ note: exported.note, parameters: harsher }));
    const drafted = await ok<{ version: LiquidityParameterSet }>(ws, cole, 'draft', '--file', file, '--note', 'LCR floor at 110 %');
    assert.deepEqual([drafted.version.version, drafted.version.status, drafted.version.note, drafted.version.parameters], [2, 'draft', 'LCR floor at 110 %', harsher]);
    assert.equal((await ok<{ version: LiquidityParameterSet }>(ws, cole, 'submit', '2')).version.status, 'submitted');
    const own = await cli(ws, cole, 'approve', '2', '--comment', 'mine', '--json');
    assert.equal(own.code, 1);
    assert.equal((JSON.parse(own.out) as { error: { code: string } }).error.code, 'FOUR_EYES');
    const analyst = await cli(ws, ROLE_USERS.analyst, 'approve', '2', '--comment', 'looks fine');
    assert.equal(analyst.code, 1, 'an analyst may not approve parameter sets');
    assert.match(analyst.err, /parameters\.edit/);
    const noComment = await cli(ws, SECOND_COMPLIANCE, 'approve', '2');
    assert.equal(noComment.code, 2, 'an approval without --comment is a usage error');
    assert.match(noComment.err, /--comment/);
    const approved = await ok<{ version: LiquidityParameterSet }>(ws, SECOND_COMPLIANCE, 'approve', '2', '--comment', '  LCR floor agreed with treasury  ');
    assert.deepEqual([approved.version.status, approved.version.approvedBy, approved.version.approvalComment], ['approved', 'cara', 'LCR floor agreed with treasury']);
    assert.equal((await cli(ws, SECOND_COMPLIANCE, 'activate', '2', '--comment', ' ')).code, 1, 'a blank comment is refused by the service');
    assert.match((await cli(ws, SECOND_COMPLIANCE, 'activate', '2', '--comment', 'From the November report')).out, /^Liquidity parameter set version 2 is now active\.$/m);
    assert.deepEqual(await versions(), [[2, 'active'], [1, 'retired']]);

    assert.equal((await cli(ws, cole, 'draft', '--file', file)).code, 0, 'the note from the file');
    await ok(ws, cole, 'submit', '3');
    const rejected = await ok<{ version: LiquidityParameterSet }>(ws, SECOND_COMPLIANCE, 'reject', '3', '--reason', 'same as version 2');
    assert.deepEqual([rejected.version.status, rejected.version.rejectionReason, rejected.version.note], ['draft', 'same as version 2', exported.note]);
    assert.equal((await cli(ws, cole, 'reject', '3')).code, 2, 'a rejection without --reason is a usage error');
    assert.deepEqual(await versions(), [[3, 'draft'], [2, 'active'], [1, 'retired']]);
    assert.deepEqual(await auditActions(), [
      'liquidity.parameters.seed',
      'liquidity.parameters.export',
      'liquidity.parameters.export',
      'liquidity.parameters.draft',
      'liquidity.parameters.submit',
      'liquidity.parameters.approve.refused',
      'liquidity.parameters.approve.refused',
      'liquidity.parameters.approve',
      'liquidity.parameters.activate',
      'liquidity.parameters.draft',
      'liquidity.parameters.submit',
      'liquidity.parameters.reject',
    ]);
  });
});
