/**
 * The long run of the CEL rule fuzzer (main/test-support/cel-arbitrary.ts): `--runs` generated and hostile
 * expressions checked, each one that compiles evaluated on `--vectors` random feature vectors. Prints the outcomes
 * per refusal code, the slowest check and evaluation, and exits 1 if a check or evaluation threw or took longer
 * than `--max-ms`.
 *
 *   ./node_modules/.bin/node --import tsx tests/soak/fuzz-cel.ts [--runs 20000] [--vectors 20] [--seed 1] [--max-ms 1000]
 */
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkRule, compileRuleSet } from '../../main/engines/fraud/index.ts';
import { celExpression, featureVector, HOSTILE_EXPRESSIONS } from '../../main/test-support/cel-arbitrary.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' }, vectors: { type: 'string', default: '20' }, seed: { type: 'string', default: '1' }, 'max-ms': { type: 'string', default: '1000' } } });
const runs = Number(values.runs);
const maxMs = Number(values['max-ms']);
const seed = Number(values.seed);

const outcomes = new Map<string, number>();
let evaluations = 0;
let evaluationErrors = 0;
let slowestCheck = { ms: 0, expression: '' };
let slowestEvaluation = { ms: 0, expression: '' };
const failures: string[] = [];

const expressions = [...HOSTILE_EXPRESSIONS, ...fc.sample(celExpression(), { numRuns: runs, seed })];
const vectors = fc.sample(featureVector(), { numRuns: Number(values.vectors), seed: seed + 1 });
const started = performance.now();
for (const expression of expressions) {
  try {
    const checkStarted = performance.now();
    const check = checkRule(expression);
    const checkMs = performance.now() - checkStarted;
    if (checkMs > slowestCheck.ms) slowestCheck = { ms: checkMs, expression };
    if (checkMs > maxMs) failures.push(`check took ${checkMs.toFixed(0)} ms: ${expression.slice(0, 100)}`);
    const outcome = check.ok ? 'compiles' : `refused ${check.error.code}`;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (!check.ok) continue;
    const compiled = compileRuleSet({ rules: [{ id: 'fuzzed', expression, score: 1, action: 'review', description: 'fuzzed', enabled: true }], thresholds: { review: 1, block: 2 } });
    if (!compiled.ok) {
      failures.push(`checks but does not compile: ${expression.slice(0, 100)}`);
      continue;
    }
    for (const vector of vectors) {
      const evaluationStarted = performance.now();
      const decision = compiled.evaluator.evaluate(vector);
      const ms = performance.now() - evaluationStarted;
      evaluations += 1;
      evaluationErrors += decision.errors.length;
      if (ms > slowestEvaluation.ms) slowestEvaluation = { ms, expression };
      if (ms > maxMs) failures.push(`evaluation took ${ms.toFixed(0)} ms: ${expression.slice(0, 100)}`);
    }
  } catch (error) {
    failures.push(`threw ${error instanceof Error ? error.message : String(error)}: ${expression.slice(0, 100)}`);
  }
}

console.log(`${expressions.length} expressions (${HOSTILE_EXPRESSIONS.length} hostile by hand) in ${((performance.now() - started) / 1000).toFixed(1)} s:`);
for (const [outcome, count] of [...outcomes].sort((a, b) => b[1] - a[1])) console.log(`  ${outcome.padEnd(26)} ${count}`);
console.log(`${evaluations} evaluations of the ones that compile, ${evaluationErrors} of them a run-time error recorded in \`errors\` (not a throw)`);
console.log(`slowest check ${slowestCheck.ms.toFixed(1)} ms (${slowestCheck.expression.slice(0, 60)}…), slowest evaluation ${slowestEvaluation.ms.toFixed(1)} ms (${slowestEvaluation.expression.slice(0, 60)}…)`);
console.log(failures.length === 0 ? 'no throw, nothing over the bound' : `${failures.length} FAILURES:\n${failures.slice(0, 20).join('\n')}`);
process.exitCode = failures.length === 0 ? 0 : 1;
