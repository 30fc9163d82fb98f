// `riskdesk rules …` in-process on a real encrypted workspace: a compliance user drafts a rule set from a JSON file
// (one that does not compile refused naming the file and the rule), a second one approves it (four eyes), and a
// version goes out as a signed file and comes back as a draft; a tampered file is refused with nothing written.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RuleSet, RuleSetDiff, RuleSetVersion } from '../../../preload/contract/fraud-rules.ts';
import { Workspace } from '../../store/workspace.ts';
import { ADMIN_PASSPHRASE, createTestWorkspace, ROLE_USERS, SECOND_COMPLIANCE, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { capturedIo } from '../../test-support/captured-cli-io.ts';
import { runCli } from '../program.ts';

const RULES: RuleSet = {
  rules: [
    { id: 'velocity', description: 'Many payments in an hour', expression: 'account_count_1h > 5', score: 40, action: 'review', enabled: true },
    { id: 'ring', description: 'Shared-device ring', expression: 'ring_size >= 4', score: 60, action: 'block', enabled: true },
  ],
  thresholds: { review: 40, block: 100 },
};

async function cli(ws: TestWorkspace, user: { username: string; passphrase: string }, ...args: string[]) {
  const io = capturedIo({ RISKDESK_PASSPHRASE: user.passphrase });
  const code = await runCli(['rules', ...args, '--db', ws.file, '--user', user.username], io);
  return { code, out: io.out(), err: io.err() };
}

describe('riskdesk rules', () => {
  let ws: TestWorkspace;
  const cole = ROLE_USERS.compliance;
  const versions = async (): Promise<[number, string][]> => {
    const run = await cli(ws, ROLE_USERS.auditor, 'list', '--json');
    return (JSON.parse(run.out) as { versions: RuleSetVersion[] }).versions.map((v) => [v.version, v.status]);
  };

  const exportEvents = async (): Promise<number> => {
    const workspace = await Workspace.open({ path: ws.file, passphrase: ADMIN_PASSPHRASE });
    try {
      return workspace.db.prepare(`SELECT count(*) FROM audit_events WHERE action = 'fraud.rules.export'`).pluck().get() as number;
    } finally {
      workspace.close();
    }
  };

  before(async () => {
    ws = await createTestWorkspace({ roles: true, secondCompliance: true });
  });
  after(() => ws.dispose());

  it('refuses a draft that does not compile, naming the file and the rule; a missing file or note; nothing is written', async () => {
    const bad = path.join(ws.dir, 'bad-rules.json');
    fs.writeFileSync(bad, JSON.stringify({ note: 'typo', ruleSet: { ...RULES, rules: [{ ...RULES.rules[0]!, expression: 'acount_count_1h > 5' }] } }));
    const run = await cli(ws, cole, 'draft', '--file', bad);
    assert.equal(run.code, 1, run.out);
    assert.match(run.err, /Invalid rule set in .*bad-rules\.json: Rule 'velocity': Line 1, column 1: Unknown feature 'acount_count_1h'; did you mean 'account_count_1h'\?/);
    const missing = await cli(ws, cole, 'draft', '--file', path.join(ws.dir, 'none.json'), '--note', 'x');
    assert.match(missing.err, /none\.json cannot be read \(ENOENT\)/);
    const bare = path.join(ws.dir, 'bare.json');
    fs.writeFileSync(bare, JSON.stringify(RULES));
    const noNote = await cli(ws, cole, 'draft', '--file', bare);
    assert.equal(noNote.code, 2, 'no note is a usage error');
    assert.match(noNote.err, /--note, or a "note" in .*bare\.json/);
    assert.deepEqual(await versions(), [[1, 'active']]);
  });

  it('takes a draft through four eyes to active, and shows and diffs versions', async () => {
    const file = path.join(ws.dir, 'rules.json');
    fs.writeFileSync(file, JSON.stringify({ note: 'velocity and rings', ruleSet: RULES }));
    const drafted = await cli(ws, cole, 'draft', '--file', file);
    assert.equal(drafted.code, 0, drafted.err);
    assert.match(drafted.out, /Fraud rule set version 2 is saved as a draft/);
    assert.equal((await cli(ws, cole, 'submit', '2')).code, 0);
    const own = await cli(ws, cole, 'approve', '2', '--comment', 'mine');
    assert.equal(own.code, 1);
    assert.match(own.err, /cole cannot approve fraud rule set version 2: .*four eyes/);
    const analyst = await cli(ws, ROLE_USERS.analyst, 'approve', '2', '--comment', 'looks fine');
    assert.equal(analyst.code, 1, 'an analyst may not approve rule sets');
    assert.match(analyst.err, /rules\.edit/);
    assert.match((await cli(ws, SECOND_COMPLIANCE, 'approve', '2', '--comment', 'Backtested on March')).out, /Fraud rule set version 2 is now approved/);
    assert.match((await cli(ws, SECOND_COMPLIANCE, 'activate', '2', '--comment', 'Backtest reviewed')).out, /Fraud rule set version 2 is now active/);
    assert.deepEqual(await versions(), [[2, 'active'], [1, 'retired']]);
    assert.equal((await cli(ws, cole, 'show', 'two')).code, 2, 'a bad version is a usage error');

    const shown = await cli(ws, ROLE_USERS.auditor, 'show', '2');
    assert.match(shown.out, /^Fraud rule set version 2 \(active\): velocity and rings$/m);
    assert.match(shown.out, /^Thresholds: review at 40, block at 100\.$/m);
    assert.match(shown.out, /^ring +block +60 +yes +ring_size >= 4$/m);
    const shownJson = JSON.parse((await cli(ws, ROLE_USERS.auditor, 'show', '2', '--json')).out) as { version: RuleSetVersion };
    assert.deepEqual(shownJson.version.ruleSet, RULES);

    const edited = path.join(ws.dir, 'edited.json');
    fs.writeFileSync(edited, JSON.stringify({ rules: [{ ...RULES.rules[0]!, expression: 'account_count_1h >= 8' }], thresholds: { review: 40, block: 90 } }));
    assert.equal((await cli(ws, cole, 'draft', '--file', edited, '--note', 'no ring rule')).code, 0);
    const diff = await cli(ws, ROLE_USERS.analyst, 'diff', '2', '3');
    assert.equal(diff.code, 0, diff.err);
    assert.deepEqual(diff.out.trimEnd().split('\n'), [
      'Fraud rule set version 2 → 3',
      'Thresholds: review 40 → 40, block 100 → 90.',
      '- ring (block, score 60): ring_size >= 4',
      '~ velocity',
      '    account_count_1h >{+=+} [-5-]{+8+}',
    ]);
    const diffJson = JSON.parse((await cli(ws, ROLE_USERS.analyst, 'diff', '2', '3', '--json')).out) as { diff: RuleSetDiff };
    assert.deepEqual(diffJson.diff.changed.map((c) => [c.id, c.fields]), [['velocity', ['expression']]]);
  });

  it('exports a signed file and imports it as a new draft; a tampered one is refused and nothing is written', async () => {
    const out = path.join(ws.dir, 'export-v2.json');
    const exported = await cli(ws, ROLE_USERS.auditor, 'export', '2', '--out', out, '--json');
    assert.equal(exported.code, 0, exported.err);
    assert.deepEqual(JSON.parse(exported.out), { ok: true, file: out, plaintext: true });
    assert.equal(fs.statSync(out).mode & 0o777, 0o600);
    const again = await cli(ws, ROLE_USERS.auditor, 'export', '2', '--out', out);
    assert.equal(again.code, 1);
    assert.match(again.err, /Fraud rule set version 2 is not exported: .*export-v2\.json exists already; choose another --out/);
    assert.equal(await exportEvents(), 1, 'a refused export is not audited');

    const tampered = path.join(ws.dir, 'tampered.json');
    const file = JSON.parse(fs.readFileSync(out, 'utf8')) as { payload: { ruleSet: RuleSet } };
    file.payload.ruleSet.thresholds.block = 1000;
    fs.writeFileSync(tampered, JSON.stringify(file));
    const refused = await cli(ws, cole, 'import', tampered);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /tampered\.json cannot be imported: its signature does not hold \(the file was changed after it was exported/);
    assert.equal((await cli(ws, ROLE_USERS.analyst, 'import', out)).code, 1, 'an analyst may not import rule sets');
    assert.deepEqual(await versions(), [[3, 'draft'], [2, 'active'], [1, 'retired']]);

    const imported = await cli(ws, SECOND_COMPLIANCE, 'import', out, '--note', 'round trip');
    assert.equal(imported.code, 0, imported.err);
    assert.match(imported.out, /^Imported as draft fraud rule set version 4; submit it for review\.\nSigned by key [0-9a-f]{16} \(this workspace's own key\)\.$/m);
    const importedJson = JSON.parse((await cli(ws, cole, 'show', '4', '--json')).out) as { version: RuleSetVersion };
    assert.deepEqual([importedJson.version.status, importedJson.version.note, importedJson.version.createdBy, importedJson.version.ruleSet], ['draft', 'round trip', 'cara', RULES]);
  });

  it('lists versions as a table', async () => {
    const run = await cli(ws, ROLE_USERS.auditor, 'list');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /^version +status +rules +note/m);
    // A long note is cut to 60 characters in the table.
    assert.match(run.out, /^1 +retired +14 +Default fraud rules shipped with RiskDesk\. Each rule is one… +system/m);
  });
});
