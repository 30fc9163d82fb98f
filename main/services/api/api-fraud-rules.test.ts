// Fraud rule sets through the API on a real encrypted workspace: what the rule editor needs (catalogue, expression
// check, refusals with each problem's rule, line and column in the error details), and a signed file out and back in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiOutcome } from '../../../preload/contract/index.ts';
import type { RuleSet, RuleSetDiff, RuleSetVersion } from '../../../preload/contract/fraud-rules.ts';
import { createTestWorkspace, ROLE_USERS, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';

const RULES: RuleSet = {
  rules: [{ id: 'velocity', description: 'Many payments in an hour', expression: 'account_count_1h > 5', score: 40, action: 'review', enabled: true }],
  thresholds: { review: 40, block: 100 },
};

describe('fraud rule sets through the API', () => {
  let ws: TestWorkspace;
  let compliance: TestApi;

  before(async () => {
    ws = await createTestWorkspace({ roles: true });
    compliance = ws.service();
    await compliance.ok('session.unlock', ROLE_USERS.compliance);
  });
  after(() => ws.dispose());

  it('gives the editor the catalogue and checks an expression as typed', async () => {
    const { features } = await compliance.ok<{ features: { name: string; type: string; description: { en: string; 'zh-CN': string } }[] }>('rules.catalogue');
    assert.ok(features.some((f) => f.name === 'first_use_device' && f.type === 'bool' && f.description['zh-CN'].length > 0));
    assert.deepEqual(await compliance.ok('rules.check', { expression: 'amount > 100 && first_use_ip' }), { ok: true, reads: ['amount', 'first_use_ip'] });
    const refused = await compliance.ok<{ ok: false; error: { code: string; line: number; column: number; suggestion: string } }>('rules.check', { expression: 'amount > 100 &&\n first_use_ipp' });
    assert.deepEqual([refused.ok, refused.error.code, refused.error.line, refused.error.column, refused.error.suggestion], [false, 'unknown_feature', 2, 2, 'first_use_ip']);
  });

  it('refuses a draft that does not compile with every problem in the error details, and saves one that does', async () => {
    const bad = { ...RULES, rules: [{ ...RULES.rules[0]!, expression: 'account_count_1h > 5.5 +' }] };
    const outcome = (await compliance.api.call('rules.saveDraft', { ruleSet: bad, note: 'broken' })) as ApiOutcome<unknown>;
    assert.equal(outcome.ok, false);
    if (outcome.ok) return;
    assert.equal(outcome.error.code, 'VALIDATION');
    assert.match(outcome.error.message, /^Invalid rule set: Rule 'velocity': Line 1, column \d+: /);
    assert.deepEqual((outcome.error.details as { ruleId: string; path: string; code: string; line: number }[]).map((p) => [p.ruleId, p.path, p.code, p.line]), [['velocity', 'rules.0.expression', 'syntax', 1]]);
    assert.deepEqual((await compliance.ok<RuleSetVersion[]>('rules.list')).map((v) => v.version), [1]);

    const saved = await compliance.ok<RuleSetVersion>('rules.saveDraft', { ruleSet: RULES, note: 'velocity only' });
    assert.deepEqual([saved.version, saved.status, saved.ruleSet], [2, 'draft', RULES]);
  });

  it('exports a version (any role that reads) and imports it back as a new draft with its signer', async () => {
    const auditor = ws.service();
    await auditor.ok('session.unlock', ROLE_USERS.auditor);
    const exported = await auditor.ok<{ fileName: string; content: string }>('rules.export', { version: 2 });
    assert.equal(exported.fileName, 'fraud-rule-set-v2.json');
    const imported = await compliance.ok<{ version: RuleSetVersion; signer: { fingerprint: string; ownKey: boolean } }>('rules.import', { content: exported.content, fileName: exported.fileName });
    assert.deepEqual([imported.version.version, imported.version.status, imported.signer.ownKey], [3, 'draft', true]);
    assert.match(imported.signer.fingerprint, /^[0-9a-f]{16}$/);
    const diff = await auditor.ok<RuleSetDiff>('rules.diff', { from: 2, to: 3 });
    assert.deepEqual(diff, { from: 2, to: 3, thresholds: null, added: [], removed: [], changed: [], reordered: false });
    const notJson = (await compliance.api.call('rules.import', { content: 'not json', fileName: 'x.json' })) as ApiOutcome<unknown>;
    assert.deepEqual(notJson.ok ? null : [notJson.error.code, /^x\.json is not JSON/.test(notJson.error.message)], ['FILE_UNREADABLE', true]);
  });
});
