// Fraud rule sets through the services on a real encrypted database: drafts checked by the engine's compiler,
// four eyes and one active version, every change audited, and the shipped default seeded and checked like a draft.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Rule, RuleSet } from '../../../preload/contract/fraud-rules.ts';
import type { Role } from '../../../preload/contract/permissions.ts';
import { verifyAuditChain } from '../../store/audit.ts';
import { databaseContext } from '../../test-support/service-context.ts';
import { createTempDatabase, type TempDatabase } from '../../test-support/temp-database.ts';
import { tempDir } from '../../test-support/temp-workspace.ts';
import type { ServiceContext } from '../context.ts';
import { takeLifecycleStep } from '../lifecycle-service.ts';
import { resourcesFolder } from '../resources-folder.ts';
import { seedShippedDefaults } from '../shipped-defaults.ts';
import { checkRuleExpression, listRuleSets, ruleCatalogue, ruleSetDiff, ruleSetVersion, RULE_SETS, saveDraftRuleSet, SHIPPED_RULE_SET } from './rule-sets.ts';

const NOW = new Date('2026-12-04T09:00:00.000Z');
const velocity: Rule = { id: 'velocity', description: 'Many payments in an hour', expression: 'account_count_1h > 5', score: 40, action: 'review', enabled: true };
const ring: Rule = { id: 'ring', description: 'Shared-device ring', expression: 'ring_size >= 4', score: 60, action: 'block', enabled: true };
const RULES: RuleSet = { rules: [velocity, ring], thresholds: { review: 40, block: 100 } };

interface EventRow {
  actor: string;
  action: string;
  subject: string;
  details: string;
}

describe('fraud rule sets through the services', () => {
  let temp: TempDatabase;
  const as = (username: string, role: Role): ServiceContext => databaseContext(temp, { username, role }, { now: () => NOW });
  const events = (): EventRow[] => temp.db.prepare(`SELECT actor, action, subject, details FROM audit_events ORDER BY seq`).all() as EventRow[];
  const versions = (): [number, string][] => listRuleSets(as('audrey', 'auditor')).map((v) => [v.version, v.status]);
  const refused = (code: string, fragment: RegExp) => (error: Error & { code?: string }) => {
    assert.equal(error.code, code);
    assert.match(error.message, fragment);
    return true;
  };
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-rule-sets-');
  });
  afterEach(() => temp.dispose());

  it('lets compliance save a draft, audited with its note and rules; analysts, auditors and admins may not', () => {
    for (const [username, role] of [['ana', 'analyst'], ['audrey', 'auditor'], ['admin', 'admin']] as const) {
      assert.throws(() => saveDraftRuleSet(as(username, role), RULES, 'n'), refused('FORBIDDEN', /may not rules\.edit/), role);
    }
    const draft = saveDraftRuleSet(as('cole', 'compliance'), RULES, 'tighter velocity');
    assert.deepEqual([draft.version, draft.status, draft.createdBy, draft.note, draft.ruleSet], [2, 'draft', 'cole', 'tighter velocity', RULES]);
    assert.deepEqual(ruleSetVersion(as('ana', 'analyst'), 2), draft);
    const [event] = events();
    assert.deepEqual({ ...event, details: JSON.parse(event?.details ?? '{}') as unknown }, { actor: 'cole', action: 'fraud.rules.draft', subject: 'fraud rule set v2', details: { note: 'tighter velocity', document: RULES } });
  });

  it('refuses a set the engine does not compile with VALIDATION naming each rule, line and column; nothing is written', () => {
    const bad: RuleSet = {
      rules: [velocity, { ...ring, expression: 'ring_size >= 4 &&\n  devise_distinct_accounts > 2' }, { ...velocity, id: 'velocity', expression: 'amount' }],
      thresholds: { review: 40, block: 100 },
    };
    let caught: (Error & { code?: string; details?: unknown }) | undefined;
    assert.throws(
      () => saveDraftRuleSet(as('cole', 'compliance'), bad, 'n'),
      (error: Error & { code?: string; details?: unknown }) => {
        caught = error;
        return true;
      },
    );
    assert.equal(caught?.code, 'VALIDATION');
    assert.match(caught?.message ?? '', /^Invalid rule set: Rule 'ring': Line 2, column 3: Unknown feature 'devise_distinct_accounts'; did you mean 'device_distinct_accounts'\? \(and 2 more\)$/);
    const problems = caught?.details as { ruleId: string; path: string; code?: string; line?: number; column?: number; message: string }[];
    assert.deepEqual(
      problems.map(({ ruleId, path: at, code, line, column }) => [ruleId, at, code, line, column]),
      [
        ['ring', 'rules.1.expression', 'unknown_feature', 2, 3],
        ['velocity', 'rules.2', undefined, undefined, undefined],
        ['velocity', 'rules.2.expression', 'not_boolean', 1, 1],
      ],
    );
    assert.match(problems[1]?.message ?? '', /used twice/);
    assert.throws(() => saveDraftRuleSet(as('cole', 'compliance'), { ...RULES, thresholds: { review: 200, block: 100 } }, 'n'), refused('VALIDATION', /thresholds\.review: the review threshold must not be above the block threshold/));
    assert.deepEqual(versions(), [[1, 'active']]);
    assert.deepEqual(events(), []);
  });

  it('takes a draft through four eyes to active, retiring the one before; every step audited, and every refusal after it', () => {
    const cole = as('cole', 'compliance');
    const cara = as('cara', 'compliance');
    const { version } = saveDraftRuleSet(cole, RULES, 'v2');
    assert.throws(() => takeLifecycleStep(as('audrey', 'auditor'), RULE_SETS, 'submit', version), refused('FORBIDDEN', /rules\.edit/));
    takeLifecycleStep(cole, RULE_SETS, 'submit', version);
    assert.throws(() => takeLifecycleStep(cole, RULE_SETS, 'approve', version, 'looks fine'), refused('FOUR_EYES', /cole cannot approve fraud rule set version 2/));
    assert.throws(() => takeLifecycleStep(as('ana', 'analyst'), RULE_SETS, 'approve', version, 'looks fine'), refused('FORBIDDEN', /rules\.edit/));
    assert.throws(() => takeLifecycleStep(cara, RULE_SETS, 'activate', version, 'go live'), refused('INVALID_STATE', /approve it first/));
    takeLifecycleStep(cara, RULE_SETS, 'approve', version, 'Backtested on March: 12 more alerts, all ring members');
    const active = takeLifecycleStep(cara, RULE_SETS, 'activate', version, 'Approved and backtested');
    assert.deepEqual([active.status, active.approvedBy, active.approvalComment, active.activatedBy, active.activationComment], ['active', 'cara', 'Backtested on March: 12 more alerts, all ring members', 'cara', 'Approved and backtested']);
    assert.deepEqual(versions(), [[2, 'active'], [1, 'retired']]);

    const third = saveDraftRuleSet(cara, RULES, 'v3').version;
    takeLifecycleStep(cara, RULE_SETS, 'submit', third);
    const rejected = takeLifecycleStep(cole, RULE_SETS, 'reject', third, 'velocity threshold too low');
    assert.deepEqual([rejected.status, rejected.rejectedBy, rejected.rejectionReason], ['draft', 'cole', 'velocity threshold too low']);
    assert.deepEqual(versions(), [[3, 'draft'], [2, 'active'], [1, 'retired']]);
    assert.deepEqual(
      events().map((e) => [e.actor, e.action, e.subject]),
      [
        ['cole', 'fraud.rules.draft', 'fraud rule set v2'],
        ['audrey', 'fraud.rules.submit.refused', 'fraud rule set v2'],
        ['cole', 'fraud.rules.submit', 'fraud rule set v2'],
        ['cole', 'fraud.rules.approve.refused', 'fraud rule set v2'],
        ['ana', 'fraud.rules.approve.refused', 'fraud rule set v2'],
        ['cara', 'fraud.rules.activate.refused', 'fraud rule set v2'],
        ['cara', 'fraud.rules.approve', 'fraud rule set v2'],
        ['cara', 'fraud.rules.activate', 'fraud rule set v2'],
        ['cara', 'fraud.rules.draft', 'fraud rule set v3'],
        ['cara', 'fraud.rules.submit', 'fraud rule set v3'],
        ['cole', 'fraud.rules.reject', 'fraud rule set v3'],
      ],
    );
    assert.equal(verifyAuditChain(temp.db).ok, true);
  });

  it('reads versions, diffs and the catalogue for every role, and NOT_FOUND for a version that is not there', () => {
    const analyst = as('ana', 'analyst');
    saveDraftRuleSet(as('cole', 'compliance'), { ...RULES, rules: [ring] }, 'ring only');
    const shipped = ruleSetVersion(analyst, 1).ruleSet;
    const diff = ruleSetDiff(analyst, 1, 2);
    assert.deepEqual([diff.from, diff.to, diff.added, diff.removed.length], [1, 2, [ring], shipped.rules.length]);
    assert.throws(() => ruleSetVersion(analyst, 9), refused('NOT_FOUND', /no fraud rule set version 9/));
    assert.throws(() => ruleSetDiff(analyst, 1, 9), refused('NOT_FOUND', /version 9/));

    const { features } = ruleCatalogue(as('audrey', 'auditor'));
    const ringSize = features.find((f) => f.name === 'ring_size');
    assert.deepEqual([ringSize?.type, ringSize?.unit, typeof ringSize?.description['zh-CN']], ['int', 'accounts', 'string']);
    assert.deepEqual(checkRuleExpression(analyst, 'first_use_device && account_count_1h > 3'), { ok: true, reads: ['account_count_1h', 'first_use_device'] });
    const typo = checkRuleExpression(analyst, 'rng_size > 3');
    assert.equal(typo.ok, false);
    assert.deepEqual(typo.ok ? null : [typo.error.code, typo.error.line, typo.error.column, typo.error.suggestion], ['unknown_feature', 1, 1, 'ring_size']);
  });
});

describe('the shipped fraud rule set', () => {
  let temp: TempDatabase;
  beforeEach(() => {
    temp = createTempDatabase('riskdesk-rule-sets-');
    // A workspace from before rule sets shipped (createTempDatabase gives every kind its version 1).
    temp.db.prepare('DELETE FROM fraud_rule_sets').run();
  });
  afterEach(() => temp.dispose());

  it('is seeded as active version 1 by system, with its seed event, once', () => {
    assert.deepEqual(seedShippedDefaults(temp.db, NOW, [SHIPPED_RULE_SET]), ['rule-sets/fraud-default.json']);
    assert.deepEqual(seedShippedDefaults(temp.db, NOW, [SHIPPED_RULE_SET]), []);
    const [set, ...others] = listRuleSets(databaseContext(temp, { username: 'ana', role: 'analyst' }));
    assert.deepEqual(others, []);
    assert.deepEqual([set?.version, set?.status, set?.createdBy, set?.activatedAt], [1, 'active', 'system', NOW.toISOString()]);
    assert.ok((set?.ruleSet.rules.length ?? 0) > 0);
    const seeds = temp.db.prepare(`SELECT actor, subject, details FROM audit_events WHERE action = 'fraud.rules.seed'`).all() as { actor: string; subject: string; details: string }[];
    assert.deepEqual(
      seeds.map((e) => [e.actor, e.subject, (JSON.parse(e.details) as { file: string }).file]),
      [['system', 'fraud rule set v1', 'rule-sets/fraud-default.json']],
    );
  });

  it('is refused, naming the rule, when one of its expressions does not compile; nothing is written', () => {
    const folder = path.join(tempDir(), 'resources');
    fs.mkdirSync(path.join(folder, 'rule-sets'), { recursive: true });
    const shipped = JSON.parse(fs.readFileSync(path.join(resourcesFolder(), 'rule-sets/fraud-default.json'), 'utf8')) as { ruleSet: RuleSet };
    const [first, ...rest] = shipped.ruleSet.rules;
    assert.ok(first);
    fs.writeFileSync(path.join(folder, 'rule-sets/fraud-default.json'), JSON.stringify({ ...shipped, ruleSet: { ...shipped.ruleSet, rules: [{ ...first, expression: 'amount +' }, ...rest] } }));
    assert.throws(
      () => seedShippedDefaults(temp.db, NOW, [SHIPPED_RULE_SET], folder),
      (error: Error & { code?: string }) => error.code === 'FILE_UNREADABLE' && new RegExp(`fraud-default\\.json is not valid \\(ruleSet\\.rules\\.0\\.expression: Rule '${first.id}'`).test(error.message),
    );
    assert.equal(temp.db.prepare('SELECT count(*) FROM fraud_rule_sets').pluck().get(), 0);
    assert.equal(temp.db.prepare('SELECT count(*) FROM audit_events').pluck().get(), 0);
  });
});
