/**
 * Generated and hostile CEL rule expressions for the fuzz tests of the fraud rule compiler (rules-fuzz.test.ts, the
 * API's rules.saveDraft) and tests/soak/fuzz-cel.ts: well-typed comparisons over the feature catalogue, random
 * expression trees that are usually ill-typed, and the known ways to make an expression expensive or escape it
 * (deep nesting, huge literals, long strings, macros over big lists, catastrophic regular expressions, prototype
 * names, unknown functions). Also random feature vectors, some with values of the wrong kind.
 */
import fc from 'fast-check';
import { FRAUD_FEATURES, type FeatureVector } from '../engines/fraud/index.ts';

const NUMERIC = FRAUD_FEATURES.filter((feature) => feature.type === 'int' || feature.type === 'double').map((feature) => feature.name);
const INTS = FRAUD_FEATURES.filter((feature) => feature.type === 'int').map((feature) => feature.name);
const BOOLS = FRAUD_FEATURES.filter((feature) => feature.type === 'bool').map((feature) => feature.name);
const STRINGS = FRAUD_FEATURES.filter((feature) => feature.type === 'string').map((feature) => feature.name);
const ALL = FRAUD_FEATURES.map((feature) => feature.name);

const BIG_LIST = `[${Array.from({ length: 300 }, (_, index) => index).join(',')}]`;

/** Expressions that try to be expensive or to reach outside the features; every one must be refused or bounded. */
export const HOSTILE_EXPRESSIONS: readonly string[] = [
  'channel.matches("(a+)+$")',
  'channel.matches("^(a|a)*$") && amount > 0',
  'matches(channel, "(x+x+)+y")',
  `${BIG_LIST}.exists(x, ${BIG_LIST}.exists(y, ${BIG_LIST}.exists(z, x + y + z == -1)))`,
  '[1,2,3,4,5,6,7,8,9,10].map(a, [1,2,3,4,5,6,7,8,9,10].map(b, [1,2,3,4,5,6,7,8,9,10].map(c, channel + channel))).size() > 0',
  '[1,2,3].all(x, x > 0)',
  '[1,2,3].filter(x, x > 0).size() > 0',
  '[1,2,3].exists_one(x, x > 0)',
  'cel.bind(s, channel + channel, cel.bind(t, s + s, cel.bind(u, t + t, u.size() > 0)))',
  'has(channel.x)',
  'dyn(amount) > 1',
  'channel.split(",").size() > 1',
  `"${'a'.repeat(1_990)}" == channel`,
  `channel == "${'\\u0041'.repeat(300)}"`,
  '(' + Array.from({ length: 150 }, () => 'channel').join(' + ') + ').size() > 0',
  '('.repeat(900) + 'amount > 1' + ')'.repeat(900),
  '('.repeat(20_000) + 'amount > 1' + ')'.repeat(20_000),
  '!'.repeat(1_999) + 'first_use_ip',
  '-'.repeat(1_900) + 'ring_size > 0',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]].size() > 0',
  `amount > ${'9'.repeat(400)}`,
  'amount > 1e309',
  'ring_size > 9223372036854775807',
  'ring_size > 18446744073709551616',
  'ring_size * ring_size * ring_size * ring_size > 0',
  'amount / 0.0 > 1.0',
  'ring_size / 0 > 1',
  'ring_size % 0 == 0',
  '__proto__ == 1',
  'constructor.constructor("return process")() == 1',
  'channel.__proto__ == ""',
  'channel.constructor.name == "String"',
  'this == 1',
  'globalThis.process.exit(1) == 1',
  'require("fs") == 1',
  'eval("1") == 1',
  'channel.toString() == ""',
  'channel.valueOf() == ""',
  'unknown_function(amount) > 1',
  'timestamp("2024-01-01T00:00:00Z") < timestamp("2025-01-01T00:00:00Z")',
  'duration("1000000000000h") > duration("1s")',
  'channel.substring(0, 100000000) == ""',
  'channel.indexOf(channel + channel + channel + channel) > 0',
  `{${Array.from({ length: 150 }, (_, index) => `"k${index}": ${index}`).join(', ')}}.size() > 0`,
  `${BIG_LIST}.size() > 0`,
  'amount > 1 ? true : false',
  'amount in [1, 2.0, "x"]',
  'amount',
  '"x"',
  '',
  '   \n\t ',
  '\u0000',
  'amount > 1 // a comment',
  'amount >',
  'amount > 1 &&',
];

function literal(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((value) => (Number.isInteger(value) ? `${value}.0` : String(value))),
    fc.constantFrom('9223372036854775807', '-9223372036854775808', '18446744073709551615u', '1e308', '1e-320', '0x7fffffffffffffff', 'true', 'false', 'null', '""', '"\\u0000"', `"${'z'.repeat(500)}"`, "b'abc'"),
    fc.string({ maxLength: 12, unit: 'grapheme-ascii' }).map((text) => JSON.stringify(text)),
  );
}

/** Well-typed rules: what an author writes (comparisons over features, joined by && and ||). */
function typedRule(): fc.Arbitrary<string> {
  const numeric = fc.tuple(fc.constantFrom(...NUMERIC), fc.constantFrom('<', '<=', '>', '>='), fc.integer({ min: -100, max: 10_000 })).map(([name, op, value]) => `${name} ${op} ${value}`);
  const equalInt = fc.tuple(fc.constantFrom(...INTS), fc.constantFrom('==', '!='), fc.integer({ min: 0, max: 100 })).map(([name, op, value]) => `${name} ${op} ${value}`);
  const bool = fc.tuple(fc.constantFrom(...BOOLS), fc.boolean()).map(([name, negate]) => (negate ? `!${name}` : name));
  const text = fc.tuple(fc.constantFrom(...STRINGS), fc.constantFrom('startsWith', 'endsWith', 'contains'), fc.string({ maxLength: 6, unit: 'grapheme-ascii' })).map(([name, fn, value]) => `${name}.${fn}(${JSON.stringify(value)})`);
  const inList = fc.tuple(fc.constantFrom(...STRINGS), fc.array(fc.string({ maxLength: 4, unit: 'grapheme-ascii' }), { minLength: 1, maxLength: 5 })).map(([name, values]) => `${name} in ${JSON.stringify(values)}`);
  const arithmetic = fc.tuple(fc.constantFrom(...INTS), fc.constantFrom(...INTS), fc.constantFrom('+', '-', '*', '/', '%')).map(([a, b, op]) => `${a} ${op} ${b} > 1`);
  const atom = fc.oneof(numeric, equalInt, bool, text, inList, arithmetic);
  return fc.array(fc.tuple(atom, fc.constantFrom(' && ', ' || ')), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([expression, join], index) => (index === 0 ? expression : `${join}(${expression})`)).join(''));
}

/** Random expression trees: mostly ill-typed, sometimes deep, with any operator, call or member access. */
function randomTree(): fc.Arbitrary<string> {
  const { tree } = fc.letrec<{ tree: string; leaf: string }>((tie) => ({
    leaf: fc.oneof(fc.constantFrom(...ALL, '__proto__', 'constructor', 'prototype', 'this', 'x', 'cel', 'dyn'), literal()),
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      tie('leaf'),
      fc.tuple(tie('tree'), fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||', 'in'), tie('tree')).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(fc.constantFrom('!', '-', '(', '['), tie('tree')).map(([op, inner]) => (op === '(' ? `(${inner})` : op === '[' ? `[${inner}]` : `${op}${inner}`)),
      fc.tuple(tie('tree'), tie('tree'), tie('tree')).map(([a, b, c]) => `${a} ? ${b} : ${c}`),
      fc.tuple(tie('tree'), fc.constantFrom('size', 'startsWith', 'contains', 'matches', 'exists', 'map', 'all', 'substring', 'indexOf', '__proto__', 'constructor', 'toString', 'nope'), fc.array(tie('tree'), { maxLength: 3 })).map(([target, fn, args]) => `${target}.${fn}(${args.join(', ')})`),
      fc.tuple(fc.constantFrom('size', 'int', 'double', 'string', 'matches', 'has', 'dyn', 'timestamp', 'eval', 'nope'), fc.array(tie('tree'), { maxLength: 3 })).map(([fn, args]) => `${fn}(${args.join(', ')})`),
      fc.tuple(tie('tree'), fc.constantFrom('__proto__', 'constructor', 'length', 'x')).map(([target, field]) => `${target}.${field}`),
      fc.tuple(tie('tree'), tie('tree')).map(([target, index]) => `${target}[${index}]`),
    ),
  }));
  return tree;
}

/** Nesting pushed towards and past the limits: parentheses, negations, lists. */
function deepNesting(): fc.Arbitrary<string> {
  return fc.tuple(fc.integer({ min: 1, max: 1_200 }), fc.constantFrom('(', '!', '-', '[')).map(([depth, opener]) => {
    if (opener === '(') return '('.repeat(depth) + 'amount > 1' + ')'.repeat(depth);
    if (opener === '[') return '['.repeat(depth) + '1' + ']'.repeat(depth) + '.size() > 0';
    return opener.repeat(depth) + (opener === '!' ? 'first_use_ip' : 'ring_size > 0');
  });
}

/** Any expression a rule's author (or an attacker with rules.edit) could send. */
export function celExpression(): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: typedRule(), weight: 3 }, { arbitrary: randomTree(), weight: 4 }, { arbitrary: deepNesting(), weight: 1 }, { arbitrary: fc.constantFrom(...HOSTILE_EXPRESSIONS), weight: 2 }, { arbitrary: fc.string({ maxLength: 60 }), weight: 1 });
}

/** The longest free text an import accepts (README, Data formats): the longest string feature there can be. */
const MAX_TEXT = 500;

/** A feature vector of the catalogue's kinds, mostly; sometimes a value of the wrong kind or the longest text. */
export function featureVector(): fc.Arbitrary<FeatureVector> {
  const value = (type: string): fc.Arbitrary<unknown> => {
    const right =
      type === 'int' ? fc.oneof(fc.integer({ min: -5, max: 5_000 }), fc.constantFrom(0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER))
      : type === 'double' ? fc.double({ min: -1e9, max: 1e9 })
      : type === 'bool' ? fc.boolean()
      : fc.oneof(fc.string({ maxLength: 16 }), fc.constant('a'.repeat(MAX_TEXT)));
    return fc.oneof({ arbitrary: right, weight: 12 }, { arbitrary: fc.constantFrom<unknown>(null, undefined, Number.NaN, '1', 1.5, true, {}), weight: 1 });
  };
  return fc.record(Object.fromEntries(FRAUD_FEATURES.map((feature) => [feature.name, value(feature.type)]))) as unknown as fc.Arbitrary<FeatureVector>;
}
