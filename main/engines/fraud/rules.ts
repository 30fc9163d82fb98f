// Fraud rules: CEL expressions over the feature catalogue, type-checked before they are saved, and rule sets compiled
// once into an evaluator that scores one feature vector at a time. Pure: no I/O, no clock.
//
// Decisions (the tests pin them):
// - Types. Every catalogue feature is a CEL variable of its catalogue type. CEL keeps int and double apart:
//   comparisons across them are allowed (`ring_size > 2.5`, `amount_to_median >= 3`), but equality and arithmetic
//   are not (`ring_size == 3.0` and `amount + 1.0` are type errors: write `ring_size == 3` or `double(amount) * 1.5`).
//   Int features reach CEL as BigInt (the evaluator converts the ones the set reads); doubles as numbers.
// - What an expression may call. Only the functions in ALLOWED_FUNCTIONS (size, conversions, the plain string
//   tests). Refused at check time: matches() (a regular expression from the rule author can backtrack for minutes:
//   measured 2 minutes for "(a+)+$" on 41 characters), the comprehension macros and cel.bind (nested ones multiply
//   their cost: ten lists of ten mapped four deep is 10^4 steps, and a bound string can be doubled at each level),
//   has() and dyn() (dyn switches the type checker off). Without them every AST node is evaluated at most once, so
//   the cost of an evaluation is bounded by the size of the expression, which the limits below bound.
// - Limits. At most MAX_EXPRESSION_LENGTH characters, nesting depth RULE_LIMITS.maxDepth, RULE_LIMITS.maxAstNodes
//   nodes; the parser refuses beyond them (10,000 parentheses are a refusal, not a stack overflow).
// - The decision. A rule set sums the scores of the enabled rules that fire (DOMAIN.md, Fraud): 'block' at or above
//   the block threshold, else 'review' at or above the review threshold, else 'allow'. A rule's own action does not
//   change the decision; it is kept in `fired` to explain it (and for the alert's severity). A rule whose evaluation
//   fails at run time (an int overflow, division by zero, a feature missing from the vector) does not fire and is
//   listed in `errors`.
import { Environment, type ParseResult } from '@marcbachmann/cel-js';
import { FRAUD_FEATURES, type FeatureType, type FeatureVector } from './feature-catalogue.ts';
import { compileTest } from './rule-closures.ts';

/** Longest expression a rule may have, in UTF-16 code units. */
export const MAX_EXPRESSION_LENGTH = 2000;

const RULE_LIMITS = { maxAstNodes: 1000, maxDepth: 32, maxListElements: 100, maxMapEntries: 100, maxCallArguments: 4 };

/** Functions and methods a rule may call (call and receiver-call names); everything else is refused. */
const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  'size', 'int', 'double', 'string',
  'startsWith', 'endsWith', 'contains', 'lowerAscii', 'upperAscii', 'trim', 'indexOf', 'lastIndexOf', 'substring',
]);

type RuleAction = 'review' | 'block';
type Decision = 'allow' | 'review' | 'block';

export interface Rule {
  /** A slug: lowercase letters, digits and single hyphens or underscores, starting with a letter. */
  readonly id: string;
  readonly expression: string;
  /** Added to the set's score when the rule fires; finite and > 0. */
  readonly score: number;
  readonly action: RuleAction;
  readonly description: string;
  readonly enabled: boolean;
}

export interface RuleSet {
  /** In the order the editor shows them; `fired` keeps it. */
  readonly rules: readonly Rule[];
  /** On the summed score; both > 0 and review ≤ block. */
  readonly thresholds: { readonly review: number; readonly block: number };
}

type RuleErrorCode =
  | 'too_long'
  | 'syntax'
  | 'limit'
  | 'unknown_feature'
  | 'forbidden'
  | 'type'
  | 'not_boolean';

/** Why an expression was refused; line and column (1-based) point into the expression. */
export interface RuleError {
  readonly code: RuleErrorCode;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** For unknown_feature: the identifier and the nearest catalogue feature name. */
  readonly identifier?: string;
  readonly suggestion?: string;
}

export type RuleCheck =
  | { readonly ok: true; readonly reads: readonly string[] }
  | { readonly ok: false; readonly error: RuleError };

/**
 * What a rule read: every catalogue feature its expression names (from the AST, whether or not a short-circuit
 * skipped it), to its value in the vector (ints and doubles as numbers).
 */
type FeatureReads = Readonly<Record<string, number | boolean | string>>;

export interface FiredRule {
  readonly id: string;
  readonly score: number;
  readonly action: RuleAction;
  readonly reads: FeatureReads;
}

export interface RuleSetDecision {
  readonly score: number;
  readonly action: Decision;
  /** The enabled rules that fired, in rule-set order. */
  readonly fired: readonly FiredRule[];
  /** Rules whose evaluation failed on this vector (they did not fire). */
  readonly errors: readonly { readonly id: string; readonly message: string }[];
}

export interface RuleSetEvaluator {
  readonly evaluate: (vector: FeatureVector) => RuleSetDecision;
  /** Every feature an enabled rule reads, in catalogue order. */
  readonly reads: readonly string[];
}

/** A refusal of a rule set: ruleId null for the thresholds. */
export interface RuleSetProblem {
  readonly ruleId: string | null;
  readonly message: string;
  readonly error?: RuleError;
}

export type CompiledRuleSet =
  | { readonly ok: true; readonly evaluator: RuleSetEvaluator }
  | { readonly ok: false; readonly problems: readonly RuleSetProblem[] };

const FEATURE_TYPES: ReadonlyMap<string, FeatureType> = new Map(FRAUD_FEATURES.map((feature) => [feature.name, feature.type]));
const FEATURE_ORDER: ReadonlyMap<string, number> = new Map(FRAUD_FEATURES.map((feature, index) => [feature.name, index]));

let environment: Environment | undefined;
function ruleEnvironment(): Environment {
  if (environment === undefined) {
    const env = new Environment({ limits: RULE_LIMITS });
    for (const feature of FRAUD_FEATURES) env.registerVariable(feature.name, feature.type);
    environment = env;
  }
  return environment;
}

/** 1-based line and column of a UTF-16 offset in the expression. */
function position(expression: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, expression.length));
  const before = expression.slice(0, clamped);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: clamped - lineStart + 1 };
}

function refusal(expression: string, code: RuleErrorCode, summary: string, offset: number, extra: Partial<RuleError> = {}): RuleCheck {
  const { line, column } = position(expression, offset);
  return { ok: false, error: { code, message: `Line ${line}, column ${column}: ${summary}`, line, column, ...extra } };
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The catalogue feature nearest to a name by edit distance (ties: catalogue order). */
function nearestFeature(name: string): string {
  let best = FRAUD_FEATURES[0]!.name;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const feature of FRAUD_FEATURES) {
    const distance = editDistance(name, feature.name);
    if (distance < bestDistance) {
      best = feature.name;
      bestDistance = distance;
    }
  }
  return best;
}

interface AstLike {
  readonly op: string;
  readonly args: unknown;
  readonly start: number;
}

function isNode(value: unknown): value is AstLike {
  return typeof value === 'object' && value !== null && typeof (value as { op?: unknown }).op === 'string';
}

/** Walks the AST: the catalogue features it reads, and the first call it may not make. */
function scan(root: unknown): { reads: Set<string>; forbidden: { name: string; start: number } | null } {
  const reads = new Set<string>();
  let forbidden: { name: string; start: number } | null = null;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    if (!isNode(value)) continue;
    if (value.op === 'value') continue;
    if (value.op === 'id') {
      if (typeof value.args === 'string' && FEATURE_TYPES.has(value.args)) reads.add(value.args);
      continue;
    }
    if ((value.op === 'call' || value.op === 'rcall') && Array.isArray(value.args)) {
      const name = value.args[0];
      if (typeof name === 'string' && !ALLOWED_FUNCTIONS.has(name) && (forbidden === null || value.start < forbidden.start)) {
        forbidden = { name, start: value.start };
      }
    }
    if (Array.isArray(value.args)) stack.push(value.args);
    else if (isNode(value.args)) stack.push(value.args);
  }
  return { reads, forbidden };
}

interface CompiledExpression {
  readonly run: ParseResult;
  readonly reads: readonly string[];
}

type Compilation = { ok: true; compiled: CompiledExpression } | { ok: false; error: RuleError };

function errorOffset(error: unknown): number {
  const range = (error as { range?: { start?: unknown } }).range;
  return range !== undefined && typeof range.start === 'number' ? range.start : 0;
}

function errorSummary(error: unknown): string {
  const summary = (error as { summary?: unknown }).summary;
  if (typeof summary === 'string') return summary;
  return error instanceof Error ? error.message : String(error);
}

function compileExpression(expression: string): Compilation {
  const failed = (check: RuleCheck): Compilation => ({ ok: false, error: (check as { error: RuleError }).error });
  if (typeof expression !== 'string') return failed(refusal('', 'syntax', 'The expression must be text.', 0));
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    return failed(refusal(expression, 'too_long', `The expression is ${expression.length} characters long; a rule may have at most ${MAX_EXPRESSION_LENGTH}.`, MAX_EXPRESSION_LENGTH));
  }
  if (expression.trim() === '') return failed(refusal(expression, 'syntax', 'The expression is empty.', 0));
  let run: ParseResult;
  try {
    run = ruleEnvironment().parse(expression);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'limit_exceeded' || error instanceof RangeError) {
      return failed(refusal(expression, 'limit', `The expression is nested too deeply or is too large (${errorSummary(error)}).`, errorOffset(error)));
    }
    return failed(refusal(expression, 'syntax', errorSummary(error), errorOffset(error)));
  }
  const { reads, forbidden } = scan(run.ast);
  if (forbidden !== null) {
    const why = forbidden.name === 'matches' ? 'regular expressions are not allowed in rules (their cost is unbounded)' : 'rules may call only ' + [...ALLOWED_FUNCTIONS].join(', ');
    return failed(refusal(expression, 'forbidden', `${forbidden.name}() is not allowed: ${why}.`, forbidden.start));
  }
  let checked;
  try {
    checked = run.check();
  } catch (error) {
    return failed(refusal(expression, 'type', errorSummary(error), errorOffset(error)));
  }
  if (!checked.valid) {
    const error = checked.error;
    const offset = errorOffset(error);
    if (error !== undefined && error.code === 'unknown_variable' && error.range !== undefined) {
      const identifier = expression.slice(error.range.start, error.range.end);
      const suggestion = nearestFeature(identifier);
      return failed(refusal(expression, 'unknown_feature', `Unknown feature '${identifier}'; did you mean '${suggestion}'?`, offset, { identifier, suggestion }));
    }
    return failed(refusal(expression, 'type', errorSummary(error), offset));
  }
  if (checked.type !== 'bool') {
    return failed(refusal(expression, 'not_boolean', `A rule must be true or false; this expression is of type ${checked.type ?? 'unknown'}.`, 0));
  }
  const ordered = [...reads].sort((a, b) => FEATURE_ORDER.get(a)! - FEATURE_ORDER.get(b)!);
  return { ok: true, compiled: { run, reads: ordered } };
}

/**
 * Type-checks a rule expression against the feature catalogue: it must parse within the limits, call only allowed
 * functions, read only catalogue features with their types, and be boolean. Never throws.
 */
export function checkRule(expression: string): RuleCheck {
  try {
    const result = compileExpression(expression);
    return result.ok ? { ok: true, reads: result.compiled.reads } : { ok: false, error: result.error };
  } catch (error) {
    // The library should not throw past the guards above; if it does, it is still a refusal.
    return refusal(typeof expression === 'string' ? expression : '', 'syntax', errorSummary(error), 0);
  }
}

const SLUG = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;

function thresholdProblems(thresholds: RuleSet['thresholds']): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  const { review, block } = thresholds;
  if (!(Number.isFinite(review) && review > 0)) problems.push({ ruleId: null, message: `The review threshold must be a number above 0 (got ${review}).` });
  if (!(Number.isFinite(block) && block > 0)) problems.push({ ruleId: null, message: `The block threshold must be a number above 0 (got ${block}).` });
  if (problems.length === 0 && review > block) problems.push({ ruleId: null, message: `The review threshold (${review}) must not be above the block threshold (${block}).` });
  return problems;
}

interface CompiledRule {
  readonly rule: Rule;
  readonly compiled: CompiledExpression;
}

/**
 * Checks a whole rule set (ids, scores, actions, thresholds and every rule's expression, enabled or not) and
 * compiles its enabled rules into an evaluator. Never throws: a set with problems is refused with all of them.
 */
export function compileRuleSet(set: RuleSet): CompiledRuleSet {
  const problems = thresholdProblems(set.thresholds);
  const seen = new Set<string>();
  const compiledRules: CompiledRule[] = [];
  for (const rule of set.rules) {
    const id = rule.id;
    if (!SLUG.test(id)) problems.push({ ruleId: id, message: `Rule id '${id}' is not a slug (lowercase letters, digits, - or _, starting with a letter).` });
    else if (seen.has(id)) problems.push({ ruleId: id, message: `Rule id '${id}' is used twice.` });
    seen.add(id);
    if (!(Number.isFinite(rule.score) && rule.score > 0)) problems.push({ ruleId: id, message: `Rule '${id}': the score must be a number above 0 (got ${rule.score}).` });
    if (rule.action !== 'review' && rule.action !== 'block') problems.push({ ruleId: id, message: `Rule '${id}': the action must be review or block.` });
    let result: Compilation;
    try {
      result = compileExpression(rule.expression);
    } catch (error) {
      result = { ok: false, error: { code: 'syntax', message: errorSummary(error), line: 1, column: 1 } };
    }
    if (!result.ok) problems.push({ ruleId: id, message: `Rule '${id}': ${result.error.message}`, error: result.error });
    else if (rule.enabled) compiledRules.push({ rule, compiled: result.compiled });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, evaluator: makeEvaluator(set.thresholds, compiledRules) };
}

/** Whether a vector's value is of its feature's kind: what a rule may be run on. */
function valid(type: FeatureType, value: unknown): boolean {
  switch (type) {
    case 'int': return typeof value === 'number' && Number.isSafeInteger(value);
    case 'double': return typeof value === 'number';
    case 'bool': return typeof value === 'boolean';
    case 'string': return typeof value === 'string';
  }
}

const KIND_NAMES: Readonly<Record<FeatureType, string>> = { int: 'an integer', double: 'a number', bool: 'true or false', string: 'text' };

interface EvaluatedRule {
  readonly rule: Rule;
  readonly reads: readonly string[];
  /** The rule as closures (rule-closures.ts), or null to run it with cel-js. */
  readonly test: ((values: readonly unknown[]) => boolean) | null;
  readonly run: ParseResult;
}

function makeEvaluator(thresholds: RuleSet['thresholds'], rules: readonly CompiledRule[]): RuleSetEvaluator {
  const readSet = new Set<string>();
  for (const { compiled } of rules) for (const name of compiled.reads) readSet.add(name);
  const reads = FRAUD_FEATURES.map((feature) => feature.name).filter((name) => readSet.has(name));
  const readTypes = reads.map((name) => [name, FEATURE_TYPES.get(name)!] as const);
  const slots = new Map(reads.map((name, index) => [name, index]));
  const celReadSet = new Set<string>();
  const evaluated: EvaluatedRule[] = rules.map(({ rule, compiled }) => {
    const test = compileTest(compiled.run.ast, slots);
    if (test === null) for (const name of compiled.reads) celReadSet.add(name);
    return { rule, reads: compiled.reads, test, run: compiled.run };
  });
  // The CEL context holds only what the cel-js rules read, ints as BigInt. It is one object, refilled per vector:
  // cel-js reads it during the call only. A feature of the wrong kind keeps its last value there, but no rule that
  // reads it runs on this vector.
  const celReads = readTypes.filter(([name]) => celReadSet.has(name));
  const context: Record<string, unknown> = {};
  // The values the closures read, by their index in `reads`: refilled per vector, like the context.
  const slotValues: unknown[] = reads.map(() => undefined);

  /** The features of the wrong kind in the vector, with the reason given for the rules that read them. */
  function invalidFeatures(values: Readonly<Record<string, unknown>>): Map<string, string> {
    const invalid = new Map<string, string>();
    for (const [name, type] of readTypes) {
      const value = values[name];
      if (!valid(type, value)) invalid.set(name, `feature ${name} is not ${KIND_NAMES[type]} (${String(value)})`);
    }
    return invalid;
  }

  function evaluate(vector: FeatureVector): RuleSetDecision {
    const values = vector as unknown as Readonly<Record<string, unknown>>;
    let invalid: Map<string, string> | null = null;
    for (let index = 0; index < readTypes.length; index++) {
      const [name, type] = readTypes[index]!;
      const value = values[name];
      slotValues[index] = value;
      if (invalid === null && !valid(type, value)) invalid = invalidFeatures(values);
    }
    for (const [name, type] of celReads) {
      const value = values[name];
      if (valid(type, value)) context[name] = type === 'int' ? BigInt(value as number) : value;
    }
    let score = 0;
    const fired: FiredRule[] = [];
    const errors: { id: string; message: string }[] = [];
    for (const { rule, reads: ruleReadNames, test, run } of evaluated) {
      if (invalid !== null) {
        const bad = ruleReadNames.find((name) => invalid.has(name));
        if (bad !== undefined) {
          errors.push({ id: rule.id, message: invalid.get(bad)! });
          continue;
        }
      }
      let result: unknown;
      if (test !== null) {
        result = test(slotValues);
      } else {
        try {
          result = run(context);
        } catch (error) {
          errors.push({ id: rule.id, message: errorSummary(error) });
          continue;
        }
      }
      if (result !== true) continue;
      score += rule.score;
      const ruleReads: Record<string, number | boolean | string> = {};
      for (const name of ruleReadNames) ruleReads[name] = values[name] as number | boolean | string;
      fired.push({ id: rule.id, score: rule.score, action: rule.action, reads: ruleReads });
    }
    const action: Decision = score >= thresholds.block ? 'block' : score >= thresholds.review ? 'review' : 'allow';
    return { score, action, fired, errors };
  }

  return { evaluate, reads };
}
