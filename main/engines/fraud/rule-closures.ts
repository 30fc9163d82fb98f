// Rules as JS closures. Nearly every fraud rule compares features with literals and joins the comparisons with &&,
// || and !; cel-js runs such an expression by walking its AST and dispatching every node through its overload
// registry, with a fresh context object per call and ints as BigInt: measured at about 0.5 µs per rule, so that 20
// rules cost three quarters of the feature pass again (bench/fraud-features.ts). An expression made only of the forms below is compiled once into closures over the feature
// values as they are (ints as numbers); anything else (arithmetic, functions, conversions, …) returns null and stays
// with cel-js.
//
// Why the closures decide exactly as cel-js does (rules.test.ts compares the two on seeded vectors):
// - The evaluator checks every feature a rule reads before running it (ints safe integers, doubles numbers, bools
//   booleans, strings strings), so no operand here can be of the wrong kind and no form here can fail; CEL's && and
//   || differ from JS's only on errors, so without errors they are JS's.
// - cel-js compares with JS's own <, <=, >, >= (bigint and number operands alike, which JS compares exactly), and
//   ints for equality with ===. An int feature is a safe integer, so as a number it compares with a literal exactly
//   as its BigInt would; int literals outside the safe range stay BigInt, which JS also compares exactly, and can
//   never equal a safe integer (nor does the BigInt of one).
// - `x in [literals]` is true when an element === x (cel-js's isEqual for same-typed operands); the literals of a
//   list are one type, checked as x's type, and none can be NaN, so a Set (SameValueZero) answers the same.
import { FRAUD_FEATURES, type FeatureType } from './feature-catalogue.ts';

/** The values of the features the rule set reads, by their index in its reads (see compileTest). */
type Values = readonly unknown[];
type Test = (values: Values) => boolean;
type Scalar = number | bigint | string | boolean;

interface Node {
  readonly op: string;
  readonly args: unknown;
  readonly checkedType?: { readonly name: string };
}

const FEATURE_TYPES: ReadonlyMap<string, FeatureType> = new Map(FRAUD_FEATURES.map((feature) => [feature.name, feature.type]));

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { op?: unknown }).op === 'string';
}

/** The node's two or three operands, if it has that many. */
function operands(node: Node, count: number): Node[] | null {
  const args = node.args;
  return Array.isArray(args) && args.length === count && args.every(isNode) ? args : null;
}

/** The index of each feature the rule set reads in the values a Test is given. */
type Slots = ReadonlyMap<string, number>;

/** A feature the rule set reads, named by an identifier node, with its index and type; else null. */
function feature(node: Node, slots: Slots): { name: number; type: FeatureType } | null {
  if (node.op !== 'id' || typeof node.args !== 'string') return null;
  const type = FEATURE_TYPES.get(node.args);
  const slot = slots.get(node.args);
  return type === undefined || slot === undefined || node.checkedType?.name !== type ? null : { name: slot, type };
}

/** A literal int, double, string or bool (a negated number included), ints as numbers when safe; else undefined. */
function literal(node: Node): Scalar | undefined {
  if (node.op === '-_' && isNode(node.args)) {
    const value = literal(node.args);
    return typeof value === 'number' || typeof value === 'bigint' ? -value : undefined;
  }
  if (node.op !== 'value') return undefined;
  const value = node.args;
  const type = node.checkedType?.name;
  if (type === 'int' && typeof value === 'bigint') return value >= -Number.MAX_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER ? Number(value) : value;
  if ((type === 'double' && typeof value === 'number') || (type === 'string' && typeof value === 'string') || (type === 'bool' && typeof value === 'boolean')) return value;
  return undefined;
}

/** `feature op literal`, `literal op feature` or `feature op feature`. */
function comparison(op: string, node: Node, slots: Slots): Test | null {
  const pair = operands(node, 2);
  if (pair === null) return null;
  const [left, right] = pair as [Node, Node];
  const a = feature(left, slots);
  const b = feature(right, slots);
  if (a !== null && b !== null) return compareFeatures(op, a.name, b.name);
  if (a !== null) {
    const value = literal(right);
    return value === undefined ? null : compareWithLiteral(op, a.name, value);
  }
  if (b !== null) {
    const value = literal(left);
    const mirrored = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' }[op];
    return value === undefined || mirrored === undefined ? null : compareWithLiteral(mirrored, b.name, value);
  }
  return null;
}

function compareWithLiteral(op: string, name: number, value: Scalar): Test | null {
  switch (op) {
    case '<': return (values) => (values[name] as Scalar) < value;
    case '<=': return (values) => (values[name] as Scalar) <= value;
    case '>': return (values) => (values[name] as Scalar) > value;
    case '>=': return (values) => (values[name] as Scalar) >= value;
    case '==': return (values) => values[name] === value;
    case '!=': return (values) => values[name] !== value;
    default: return null;
  }
}

function compareFeatures(op: string, a: number, b: number): Test | null {
  switch (op) {
    case '<': return (values) => (values[a] as Scalar) < (values[b] as Scalar);
    case '<=': return (values) => (values[a] as Scalar) <= (values[b] as Scalar);
    case '>': return (values) => (values[a] as Scalar) > (values[b] as Scalar);
    case '>=': return (values) => (values[a] as Scalar) >= (values[b] as Scalar);
    case '==': return (values) => values[a] === values[b];
    case '!=': return (values) => values[a] !== values[b];
    default: return null;
  }
}

/** `feature in [literal, …]`, the literals all of the feature's type. */
function membership(node: Node, slots: Slots): Test | null {
  const pair = operands(node, 2);
  if (pair === null) return null;
  const [left, right] = pair as [Node, Node];
  const subject = feature(left, slots);
  if (subject === null || right.op !== 'list' || !Array.isArray(right.args)) return null;
  const members = new Set<Scalar>();
  for (const element of right.args as unknown[]) {
    const value = isNode(element) && element.checkedType?.name === subject.type ? literal(element) : undefined;
    // An unsafe int literal cannot equal a safe-integer feature; cel-js would still compare: leave it to cel-js.
    if (value === undefined || typeof value === 'bigint') return null;
    members.add(value);
  }
  const name = subject.name;
  return (values) => members.has(values[name] as Scalar);
}

/**
 * The closure deciding a checked, boolean rule expression, given the values of the features the set reads in the
 * order of `slots` (an array index is a fast load; a property named at run time is not); null when the expression
 * leaves these forms.
 */
export function compileTest(node: unknown, slots: Slots): Test | null {
  if (!isNode(node)) return null;
  switch (node.op) {
    case 'value': {
      const value = literal(node);
      return typeof value === 'boolean' ? () => value : null;
    }
    case 'id': {
      const subject = feature(node, slots);
      if (subject?.type !== 'bool') return null;
      const name = subject.name;
      return (values) => values[name] as boolean;
    }
    case '!_': {
      const inner = compileTest(node.args, slots);
      return inner === null ? null : (values) => !inner(values);
    }
    case '&&':
    case '||': {
      const pair = operands(node, 2);
      const left = pair === null ? null : compileTest(pair[0], slots);
      const right = pair === null ? null : compileTest(pair[1], slots);
      if (left === null || right === null) return null;
      return node.op === '&&' ? (values) => left(values) && right(values) : (values) => left(values) || right(values);
    }
    case '?:': {
      const triple = operands(node, 3);
      const [condition, then, otherwise] = triple === null ? [null, null, null] : triple.map((operand) => compileTest(operand, slots));
      if (!condition || !then || !otherwise) return null;
      return (values) => (condition(values) ? then(values) : otherwise(values));
    }
    case 'in':
      return membership(node, slots);
    default:
      return comparison(node.op, node, slots);
  }
}
