// Property-based, through the API: a rule set with one generated or hostile expression (cel-arbitrary.ts) in place of
// a shipped rule's is saved, or refused with VALIDATION whose message and details name that rule and where in its
// expression; rules.check answers the same expression with a located refusal or the features it reads. Never
// INTERNAL. tests/soak/fuzz-cel.ts is the long run of the expressions alone, and times them (a wall-clock bound here
// would fail on a loaded machine).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { ApiOutcome } from '../../../preload/contract/index.ts';
import type { RuleSet } from '../../../preload/contract/fraud-rules.ts';
import { checkRule } from '../../engines/fraud/index.ts';
import { createTestWorkspace, ROLE_USERS, type TestApi, type TestWorkspace } from '../../test-support/api-test-workspace.ts';
import { celExpression } from '../../test-support/cel-arbitrary.ts';
import { SHIPPED_RULE_SET_DOCUMENT } from '../../test-support/shipped-rule-set.ts';

const SEED = 20_261_208;

let workspace: TestWorkspace;
let compliance: TestApi;

function call(method: string, args: unknown): Promise<ApiOutcome<unknown>> {
  return compliance.api.call(method, args);
}

describe('rule sets with generated expressions, through the API', () => {
  before(async () => {
    workspace = await createTestWorkspace({ roles: true });
    compliance = workspace.service();
    await compliance.ok('session.unlock', { username: ROLE_USERS.compliance.username, passphrase: ROLE_USERS.compliance.passphrase });
  });
  after(() => workspace.dispose());

  it('saves the set, or refuses it with VALIDATION naming the rule and where', async () => {
    const rules = SHIPPED_RULE_SET_DOCUMENT.rules;
    await fc.assert(
      fc.asyncProperty(celExpression().filter((e) => e.length >= 1 && e.length <= 2_000), fc.nat({ max: rules.length - 1 }), async (expression, index) => {
        const target = rules[index]!;
        const ruleSet: RuleSet = { ...SHIPPED_RULE_SET_DOCUMENT, rules: rules.map((rule, i) => (i === index ? { ...rule, expression } : rule)) };
        const outcome = await call('rules.saveDraft', { ruleSet, note: 'fuzzed' });
        const check = checkRule(expression);
        if (check.ok) {
          assert.equal(outcome.ok, true, outcome.ok ? '' : outcome.error.message);
          return;
        }
        assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'VALIDATION');
        if (outcome.ok) return;
        assert.match(outcome.error.message, new RegExp(`^Invalid rule set: Rule '${target.id}': Line \\d+, column \\d+: `));
        const details = outcome.error.details as { ruleId: string; path: string; code: string; line: number; column: number }[];
        assert.deepEqual(details.map((d) => [d.ruleId, d.path, d.code]), [[target.id, `rules.${index}.expression`, check.error.code]]);
      }),
      { numRuns: 40, seed: SEED, includeErrorInReport: true },
    );
  });

  it('checks any expression with a located refusal or the features it reads', async () => {
    await fc.assert(
      fc.asyncProperty(celExpression(), async (expression) => {
        const outcome = await call('rules.check', { expression });
        // The check takes up to 20,000 characters (checkRuleArgsSchema), so that a long paste is answered too_long.
        if (expression.length > 20_000) {
          assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'VALIDATION');
          return;
        }
        assert.equal(outcome.ok, true, outcome.ok ? '' : `${outcome.error.code} ${outcome.error.message}`);
        assert.deepEqual(outcome.result, checkRule(expression));
      }),
      { numRuns: 150, seed: SEED, includeErrorInReport: true },
    );
    assert.deepEqual(compliance.logs.filter((line) => /failed unexpectedly|does not match the contract/.test(line)), []);
  });
});
