// Property-based: generated and hostile CEL expressions (cel-arbitrary.ts) are either refused with a located error
// of a known code, or compile into a rule whose every evaluation ends without a throw, deciding or listing the rule in
// `errors`. Nothing they do reaches the prototypes. tests/soak/fuzz-cel.ts is the long run, and the one that times
// checks and evaluations: a wall-clock bound here would fail on a loaded machine (the soak saw 705 ms there).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { celExpression, featureVector, HOSTILE_EXPRESSIONS } from '../../test-support/cel-arbitrary.ts';
import { checkRule, compileRuleSet, MAX_EXPRESSION_LENGTH } from './index.ts';

const CODES = new Set(['too_long', 'syntax', 'limit', 'unknown_feature', 'forbidden', 'type', 'not_boolean']);
const SEED = 20_261_207;

/** The expression's check, asserted: refused with a located error of a known code, or ok. */
function checked(expression: string): boolean {
  const check = checkRule(expression);
  if (check.ok) return true;
  assert.ok(CODES.has(check.error.code), check.error.code);
  assert.ok(check.error.line >= 1 && check.error.column >= 1, 'a 1-based position');
  assert.match(check.error.message, /^Line \d+, column \d+: ./);
  return false;
}

describe('generated CEL expressions', () => {
  it('are refused with a located error of a known code, or compile; never a throw', () => {
    fc.assert(fc.property(celExpression(), (expression) => void checked(expression)), { numRuns: 1_500, seed: SEED, includeErrorInReport: true });
  });

  it('that compile evaluate on any vector without a throw', () => {
    const compiles = celExpression().filter((expression) => checkRule(expression).ok);
    fc.assert(
      fc.property(compiles, fc.array(featureVector(), { minLength: 1, maxLength: 5 }), (expression, vectors) => {
        const compiled = compileRuleSet({ rules: [{ id: 'fuzzed', expression, score: 1, action: 'review', description: 'fuzzed', enabled: true }], thresholds: { review: 1, block: 2 } });
        assert.ok(compiled.ok, 'a rule that checks compiles');
        for (const vector of vectors) {
          const decision = compiled.evaluator.evaluate(vector);
          assert.ok(decision.fired.length + decision.errors.length <= 1);
          assert.ok(['allow', 'review'].includes(decision.action));
        }
      }),
      { numRuns: 400, seed: SEED, includeErrorInReport: true },
    );
  });

  it('refuses every hostile expression that could run long or escape, and bounds the rest', () => {
    let refusedCount = 0;
    for (const expression of HOSTILE_EXPRESSIONS) if (!checked(expression)) refusedCount += 1;
    for (const expected of ['matches(', '.exists(', '.map(', 'cel.bind(', 'has(', 'dyn(', 'constructor.constructor', 'globalThis', 'require(', 'eval(', 'unknown_function(']) {
      for (const expression of HOSTILE_EXPRESSIONS.filter((e) => e.includes(expected))) assert.equal(checkRule(expression).ok, false, expression.slice(0, 80));
    }
    assert.equal(checkRule('('.repeat(20_000) + 'amount > 1' + ')'.repeat(20_000)).ok, false);
    assert.ok(HOSTILE_EXPRESSIONS.some((e) => e.length > MAX_EXPRESSION_LENGTH));
    assert.ok(refusedCount >= HOSTILE_EXPRESSIONS.length - 12, `${refusedCount} of ${HOSTILE_EXPRESSIONS.length} refused`);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
