import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Environment } from '@marcbachmann/cel-js';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import {
  FRAUD_FEATURES,
  MAX_EXPRESSION_LENGTH,
  checkRule,
  compileRuleSet,
  type CompiledRuleSet,
  type FeatureVector,
  type FiredRule,
  type Rule,
  type RuleCheck,
  type RuleError,
  type RuleSet,
  type RuleSetDecision,
  type RuleSetEvaluator,
  type RuleSetProblem,
} from './index.ts';

/** A vector with every feature at 0, false or '', then the overrides. */
function vector(overrides: Record<string, number | boolean | string> = {}): FeatureVector {
  const base: Record<string, number | boolean | string> = {};
  for (const feature of FRAUD_FEATURES) {
    base[feature.name] = feature.type === 'bool' ? false : feature.type === 'string' ? '' : 0;
  }
  return { ...base, ...overrides } as unknown as FeatureVector;
}

function rule(id: string, expression: string, score: number, extra: Partial<Rule> = {}): Rule {
  return { id, expression, score, action: 'review', description: id, enabled: true, ...extra };
}

function evaluator(set: RuleSet): RuleSetEvaluator {
  const compiled = compileRuleSet(set);
  assert.ok(compiled.ok, compiled.ok ? '' : compiled.problems.map((problem) => problem.message).join('\n'));
  return compiled.evaluator;
}

function refused(check: RuleCheck): RuleError {
  assert.equal(check.ok, false, 'expected a refusal');
  return (check as Extract<RuleCheck, { ok: false }>).error;
}

describe('checkRule', () => {
  it('accepts boolean expressions over the catalogue and lists the features they read, in catalogue order', () => {
    const check = checkRule('ring_size >= 3 && first_use_device && merchant_category in ["7995", "6051"] && amount_to_median > 4.0');
    assert.deepEqual(check, { ok: true, reads: ['amount_to_median', 'first_use_device', 'ring_size', 'merchant_category'] });
    assert.ok(checkRule('channel.startsWith("web") || size(merchant_category) == 0').ok);
  });

  it('keeps int and double apart as CEL does: comparisons across them pass, equality and arithmetic do not', () => {
    assert.ok(checkRule('ring_size > 2.5').ok);
    assert.ok(checkRule('amount_to_median >= 3').ok);
    assert.ok(checkRule('double(amount) > 1.5 * double(account_sum_24h)').ok);
    assert.equal(refused(checkRule('ring_size == 3.0')).code, 'type');
    assert.equal(refused(checkRule('amount + 1.0 > 2.0')).code, 'type');
  });

  it('refuses a non-boolean expression', () => {
    const error = refused(checkRule('amount * 2'));
    assert.equal(error.code, 'not_boolean');
    assert.match(error.message, /int/);
  });

  it('names an unknown identifier with its line and column and suggests the nearest feature', () => {
    const error = refused(checkRule('amount > 100 &&\n  ring_sise >= 3'));
    assert.equal(error.code, 'unknown_feature');
    assert.equal(error.identifier, 'ring_sise');
    assert.equal(error.suggestion, 'ring_size');
    assert.deepEqual([error.line, error.column], [2, 3]);
    assert.match(error.message, /^Line 2, column 3: Unknown feature 'ring_sise'; did you mean 'ring_size'\?$/);
  });

  it('gives syntax and type errors a 1-based line and column', () => {
    const syntax = refused(checkRule('amount >'));
    assert.equal(syntax.code, 'syntax');
    assert.deepEqual([syntax.line, syntax.column], [1, 9]);
    const type = refused(checkRule('first_use_ip &&\nchannel + 1 > 0'));
    assert.equal(type.code, 'type');
    assert.deepEqual([type.line, type.column], [2, 1]);
    assert.match(type.message, /^Line 2, column 1: /);
  });

  it('refuses an expression over the length limit before parsing it, and an empty one', () => {
    const long = 'amount > 0 || '.repeat(200) + 'true';
    assert.ok(long.length > MAX_EXPRESSION_LENGTH);
    const error = refused(checkRule(long));
    assert.equal(error.code, 'too_long');
    assert.match(error.message, /at most 2000/);
    assert.equal(refused(checkRule('  ')).code, 'syntax');
  });
});

describe('hostile expressions', () => {
  it('cannot reach prototypes or anything but the features', () => {
    for (const expression of ['__proto__ == 1', 'constructor', 'channel.__proto__ == ""', 'channel.constructor == ""', 'amount.constructor.name == "x"', 'this == 1', 'globalThis == 1', 'process.env == 1']) {
      const check = checkRule(expression);
      assert.equal(check.ok, false, expression);
    }
    assert.equal(refused(checkRule('constructor')).code, 'unknown_feature');
  });

  it('refuses regular expressions: matches() can backtrack for minutes', () => {
    const error = refused(checkRule('channel.matches("(a+)+$")'));
    assert.equal(error.code, 'forbidden');
    assert.match(error.message, /matches\(\) is not allowed: regular expressions/);
    assert.deepEqual([error.line, error.column], [1, 1]);
  });

  it('refuses comprehension macros, cel.bind, has() and dyn() (their cost multiplies with nesting)', () => {
    const blowUp = '[1,2,3,4,5,6,7,8,9,10].map(a, [1,2,3,4,5,6,7,8,9,10].map(b, [1,2,3,4,5,6,7,8,9,10].map(c, channel + channel))).size() > 0';
    for (const expression of [blowUp, '[1, 2].exists(x, x > 1)', '[1].all(x, x > 0)', 'cel.bind(s, channel + channel, s == "")', 'has(channel.x)', 'dyn(amount) > 1', 'channel.split(",").size() > 1']) {
      assert.equal(refused(checkRule(expression)).code, 'forbidden', expression);
    }
  });

  it('refuses huge string construction that the types allow no way to write', () => {
    assert.equal(refused(checkRule('"a" * 1000000000 == ""')).code, 'type');
  });

  it('refuses deep nesting with a limit error, not a stack overflow', () => {
    const deep = '('.repeat(10_000) + 'amount > 1' + ')'.repeat(10_000);
    const error = refused(checkRule(deep));
    assert.equal(error.code, 'too_long');
    const deepButShort = '('.repeat(900) + 'amount > 1' + ')'.repeat(900);
    assert.equal(refused(checkRule(deepButShort)).code, 'limit');
    assert.equal(refused(checkRule('!'.repeat(1500) + 'first_use_ip')).code, 'limit');
    assert.ok(checkRule('!'.repeat(300) + 'first_use_ip').ok);
    assert.ok(checkRule('((((amount > 1))))').ok);
  });

  it('evaluates the largest allowed expressions, whose cost the length limit bounds', () => {
    // Longest string an expression can build: concatenation, each node evaluated once, so the work is bounded by the
    // number of nodes, which MAX_EXPRESSION_LENGTH bounds. (No wall-clock bound here: a loaded CI machine made a
    // generous one fail; bench/fraud-features.ts measures rule speed.)
    const concat = '(' + Array.from({ length: 150 }, () => 'channel').join(' + ') + ').size() > 0';
    assert.ok(concat.length <= MAX_EXPRESSION_LENGTH);
    const ors = Array.from({ length: 120 }, (_, index) => `amount > ${index}`).join(' || ');
    const set = evaluator({ rules: [rule('concat', concat, 1), rule('ors', ors, 1)], thresholds: { review: 1, block: 2 } });
    const decision: RuleSetDecision = set.evaluate(vector({ channel: 'x'.repeat(10_000), amount: 5 }));
    assert.equal(decision.action, 'block');
    assert.deepEqual(decision.fired.map((f) => f.id).sort(), ['concat', 'ors']);
  });

  it('records a run-time failure (int overflow, division by zero) without firing or throwing', () => {
    const set = evaluator({
      rules: [rule('overflow', 'amount * amount * amount > 0', 1), rule('zero', 'amount / ring_size > 1', 1), rule('ok', 'amount > 0', 1)],
      thresholds: { review: 1, block: 3 },
    });
    const decision = set.evaluate(vector({ amount: 9_000_000_000_000, ring_size: 0 }));
    assert.deepEqual(decision.fired.map((fired) => fired.id), ['ok']);
    assert.deepEqual(decision.errors.map((error) => error.id), ['overflow', 'zero']);
    assert.equal(decision.score, 1);
  });
});

describe('compileRuleSet', () => {
  const thresholds = { review: 50, block: 100 };
  const rules = [
    rule('new-device-big', 'first_use_device && amount_to_median >= 5.0', 40, { action: 'review' }),
    rule('ring', 'ring_size >= 4', 10),
    rule('velocity', 'account_count_10m > 5', 60, { action: 'block' }),
    rule('night', 'hour_of_day < 5', 30, { enabled: false }),
  ];
  const set = evaluator({ rules, thresholds });

  it('allows when no rule fires', () => {
    assert.deepEqual(set.evaluate(vector()), { score: 0, action: 'allow', fired: [], errors: [] });
  });

  it('sums the scores of the rules that fire and compares with the thresholds at or above (≥)', () => {
    const below = set.evaluate(vector({ first_use_device: true, amount_to_median: 5 }));
    assert.equal(below.score, 40);
    assert.equal(below.action, 'allow');
    const review = set.evaluate(vector({ first_use_device: true, amount_to_median: 5, ring_size: 4 }));
    assert.equal(review.score, 50);
    assert.equal(review.action, 'review');
    const block = set.evaluate(vector({ first_use_device: true, amount_to_median: 5, ring_size: 4, account_count_10m: 6 }));
    assert.equal(block.score, 110);
    assert.equal(block.action, 'block');
    const exactlyBlock = evaluator({ rules, thresholds: { review: 50, block: 110 } }).evaluate(vector({ first_use_device: true, amount_to_median: 5, ring_size: 4, account_count_10m: 6 }));
    assert.equal(exactlyBlock.action, 'block');
  });

  it("decides on the summed score only: a fired block rule below the block threshold is recorded, not obeyed", () => {
    const decision = set.evaluate(vector({ account_count_10m: 6 }));
    assert.equal(decision.score, 60);
    assert.equal(decision.action, 'review');
    assert.deepEqual(decision.fired, [{ id: 'velocity', score: 60, action: 'block', reads: { account_count_10m: 6 } }]);
  });

  it('skips disabled rules', () => {
    const decision = set.evaluate(vector({ hour_of_day: 2 }));
    assert.equal(decision.score, 0);
    assert.deepEqual(decision.fired, []);
    assert.ok(!set.reads.includes('hour_of_day'));
  });

  it('keeps rule-set order in fired, with the feature values each rule read', () => {
    const decision = set.evaluate(vector({ first_use_device: true, amount_to_median: 7.5, ring_size: 9, account_count_10m: 6, amount: 123 }));
    const expected: FiredRule[] = [
      { id: 'new-device-big', score: 40, action: 'review', reads: { first_use_device: true, amount_to_median: 7.5 } },
      { id: 'ring', score: 10, action: 'review', reads: { ring_size: 9 } },
      { id: 'velocity', score: 60, action: 'block', reads: { account_count_10m: 6 } },
    ];
    assert.deepEqual(decision.fired, expected);
    const reversed = evaluator({ rules: [...rules].reverse(), thresholds }).evaluate(vector({ first_use_device: true, amount_to_median: 7.5, ring_size: 9, account_count_10m: 6 }));
    assert.deepEqual(reversed.fired.map((fired) => fired.id), ['velocity', 'ring', 'new-device-big']);
  });

  it('reads every feature the expression names, also one a short-circuit skipped', () => {
    const either = evaluator({ rules: [rule('either', 'first_use_device || ring_size > 3', 5)], thresholds: { review: 5, block: 10 } });
    assert.deepEqual(either.evaluate(vector({ first_use_device: true, ring_size: 1 })).fired[0]!.reads, { first_use_device: true, ring_size: 1 });
  });

  it('lists the features the enabled rules read, in catalogue order', () => {
    assert.deepEqual(set.reads, FRAUD_FEATURES.map((f) => f.name).filter((name) => ['first_use_device', 'amount_to_median', 'ring_size', 'account_count_10m'].includes(name)));
  });

  it('treats string features as strings and reads them back', () => {
    const strings = evaluator({ rules: [rule('gambling', 'merchant_category in ["7995"] && channel == "web"', 5)], thresholds: { review: 5, block: 10 } });
    const decision = strings.evaluate(vector({ merchant_category: '7995', channel: 'web' }));
    assert.equal(decision.action, 'review');
    assert.deepEqual(decision.fired[0]!.reads, { merchant_category: '7995', channel: 'web' });
  });

  it('names a feature of the wrong kind in the vector instead of throwing', () => {
    const decision = set.evaluate(vector({ ring_size: 4.5 }));
    assert.deepEqual(decision.errors, [{ id: 'ring', message: 'feature ring_size is not an integer (4.5)' }]);
  });

  it('refuses a set with bad thresholds, ids, scores, actions or expressions, with every problem', () => {
    const compiled = compileRuleSet({
      rules: [
        rule('Bad Id', 'amount > 1', 1),
        rule('dup', 'amount > 1', 0),
        rule('dup', 'amount > 1', 1, { action: 'allow' as never }),
        rule('broken', 'amout > 1', 1, { enabled: false }),
      ],
      thresholds: { review: 10, block: 5 },
    });
    assert.equal(compiled.ok, false);
    const problems: readonly RuleSetProblem[] = (compiled as Extract<CompiledRuleSet, { ok: false }>).problems;
    assert.deepEqual(problems.map((problem) => problem.ruleId), [null, 'Bad Id', 'dup', 'dup', 'dup', 'broken']);
    assert.match(problems[0]!.message, /review threshold \(10\) must not be above the block threshold \(5\)/);
    assert.equal(problems[5]!.error?.suggestion, 'amount');
    const zero = compileRuleSet({ rules: [], thresholds: { review: 0, block: Number.NaN } });
    assert.equal(zero.ok ? 0 : zero.problems.length, 2);
  });

  it('accepts review equal to block', () => {
    const equal = evaluator({ rules: [rule('a', 'amount > 0', 5)], thresholds: { review: 5, block: 5 } });
    assert.equal(equal.evaluate(vector({ amount: 1 })).action, 'block');
  });
});

describe('evaluation agrees with cel-js', () => {
  // The evaluator runs most rules as closures of its own (rule-closures.ts); this runs each expression through a
  // plain cel-js environment over the catalogue, ints as BigInt, on seeded vectors near the literals' edges.
  const environment = new Environment({});
  for (const feature of FRAUD_FEATURES) environment.registerVariable(feature.name, feature.type);
  const expressions = [
    'account_count_10m >= 5', 'account_count_1h > 2.5', 'amount_to_median >= 3', 'amount_to_median > 8.0 && amount > 50000',
    'first_use_device && !first_use_ip', 'ring_size == 3', 'ring_size != -1', '5 < ring_size', '-1.5 >= amount_robust_z',
    'merchant_category in ["gaming", "luxury"]', 'hour_of_day in [1, 2, 3]', 'amount_to_median in [0.0, 0.5, 2.0]',
    'channel == "ecommerce" || channel < "b"', 'first_use_device ? ring_size >= 3 : amount > 9223372036854775807',
    'account_sum_1h > account_sum_24h', 'amount_to_median < amount_robust_z', 'ring_size <= amount_to_median',
    'first_use_country == false', 'first_use_ip != first_use_device', 'true', 'false || first_use_ip',
    'amount > -9223372036854775808', 'ring_size in [9007199254740993, 3]', 'amount_robust_z == -0.0',
    'amount + 1 > 100000', 'size(channel) > 3', 'double(amount) * 1.5 > 3000.0', 'account_sum_7d * 9223372036854775807 > 0',
    '!(ring_size > 3 && (channel.startsWith("e") || amount_to_median > 2.0))',
  ];
  const ints = [-1, 0, 1, 2, 3, 4, 5, 50_000, 50_001, 100_000, 2 ** 53 - 1, -(2 ** 53 - 1)];
  const doubles = [-1.5, -0, 0, 0.5, 2, 2.5, 3, 3.000001, 8, 8.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const strings = ['', 'gaming', 'luxury', 'ecommerce', 'Gaming', 'app', 'b'];

  it('fires, and fails, on exactly the vectors cel-js says', () => {
    const rng = xoroshiro128plus(11);
    const pick = <T>(list: readonly T[]): T => list[uniformInt(rng, 0, list.length - 1)]!;
    const vectors = Array.from({ length: 400 }, () => {
      const values: Record<string, number | boolean | string> = {};
      for (const feature of FRAUD_FEATURES) {
        values[feature.name] = { int: pick(ints), double: pick(doubles), bool: pick([true, false]), string: pick(strings) }[feature.type];
      }
      return values;
    });
    for (const expression of expressions) {
      const run = environment.parse(expression);
      assert.ok(run.check().valid, expression);
      const set = evaluator({ rules: [rule('r', expression, 1)], thresholds: { review: 1, block: 2 } });
      for (const values of vectors) {
        const context: Record<string, unknown> = {};
        for (const feature of FRAUD_FEATURES) {
          const value = values[feature.name];
          context[feature.name] = feature.type === 'int' ? BigInt(value as number) : value;
        }
        let expected: 'fired' | 'quiet' | 'error';
        try {
          expected = run(context) === true ? 'fired' : 'quiet';
        } catch {
          expected = 'error';
        }
        const decision = set.evaluate(values as unknown as FeatureVector);
        const actual = decision.errors.length > 0 ? 'error' : decision.fired.length > 0 ? 'fired' : 'quiet';
        assert.equal(actual, expected, `${expression} on ${JSON.stringify(values)}`);
      }
    }
  });
});
