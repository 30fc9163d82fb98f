// Fraud rule sets as a lifecycle artefact (compliance's, four eyes): drafts checked by the contract's schema and then
// by the fraud engine's compiler (every expression must parse and type-check against the feature catalogue, whatever
// the front end), the shipped default as version 1, reads, diffs, and the editor's catalogue and expression check.
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { ruleSetSchema, shippedRuleSetSchema, type RuleCheck, type RuleSet, type RuleSetDiff, type RuleSetVersion } from '../../../preload/contract/fraud-rules.ts';
import { checkRule, compileRuleSet, FRAUD_FEATURES } from '../../engines/fraud/index.ts';
import { fraudRuleSets } from '../../store/fraud-rule-sets.ts';
import type { ServiceContext } from '../context.ts';
import { draftSaver, shippedDocumentSet, type DocumentKind } from '../document-set-service.ts';
import type { ServiceArtefact } from '../lifecycle-service.ts';
import { requirePermission } from '../permissions.ts';
import { diffRuleSets } from './rule-set-diff.ts';

export const RULE_SETS: ServiceArtefact<RuleSetVersion> = {
  kind: 'fraud.ruleSet',
  lifecycle: fraudRuleSets.lifecycle,
  action: 'fraud.rules',
  subject: (version) => `fraud rule set v${version}`,
  describe: () => ({}),
};

/** One reason a rule set does not compile, as VALIDATION details list it: the rule (null for the thresholds) and, for an expression, where. */
interface RuleSetProblemDetail {
  readonly ruleId: string | null;
  readonly message: string;
  readonly path: string;
  readonly code?: string;
  readonly line?: number;
  readonly column?: number;
}

function compileProblems(ruleSet: RuleSet): RuleSetProblemDetail[] {
  const compiled = compileRuleSet(ruleSet);
  if (compiled.ok) return [];
  // The engine lists problems in rule order, so a rule's index is the next one with its id (a duplicate id is the later rule).
  let cursor = 0;
  return compiled.problems.map(({ ruleId, message, error }) => {
    const index = ruleId === null ? -1 : ruleSet.rules.findIndex((rule, i) => i >= cursor && rule.id === ruleId);
    if (index >= 0) cursor = index;
    const path = ruleId === null ? 'thresholds' : error === undefined ? `rules.${index}` : `rules.${index}.expression`;
    return { ruleId, message, path, ...(error === undefined ? {} : { code: error.code, line: error.line, column: error.column }) };
  });
}

/** VALIDATION listing every problem of a rule set the engine would not compile. */
function requireCompiles(ruleSet: RuleSet, what: string): void {
  const problems = compileProblems(ruleSet);
  const [first] = problems;
  if (first === undefined) return;
  throw new RiskDeskError('VALIDATION', `Invalid ${what}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`, problems);
}

export const RULE_SET_KIND: DocumentKind<RuleSet, RuleSetVersion> = { store: fraudRuleSets, artefact: RULE_SETS, permission: 'rules.edit', schema: ruleSetSchema, what: 'rule set', check: requireCompiles };

export const saveDraftRuleSet = draftSaver(RULE_SET_KIND);

/** The shipped file must compile too: a default that cannot run would be refused by every run, so RiskDesk refuses it first. */
const shippedFile = shippedRuleSetSchema
  .superRefine((shipped, ctx) => {
    for (const problem of compileProblems(shipped.ruleSet)) ctx.addIssue({ code: 'custom', message: problem.message, path: ['ruleSet', ...problem.path.split('.')] });
  })
  .transform(({ note, ruleSet }) => ({ note, document: ruleSet }));
export const SHIPPED_RULE_SET = shippedDocumentSet('rule-sets/fraud-default.json', shippedFile, fraudRuleSets, RULE_SETS);

export function listRuleSets(ctx: ServiceContext): RuleSetVersion[] {
  requirePermission(ctx.actor, 'workspace.read');
  return fraudRuleSets.list(ctx.reader);
}

/** One version; NOT_FOUND naming it. */
export function ruleSetVersion(ctx: ServiceContext, version: number): RuleSetVersion {
  requirePermission(ctx.actor, 'workspace.read');
  const set = fraudRuleSets.get(ctx.reader, version);
  if (set === undefined) throw new RiskDeskError('NOT_FOUND', `There is no ${fraudRuleSets.lifecycle.label(version)} in this workspace.`, { version });
  return set;
}

export function ruleSetDiff(ctx: ServiceContext, from: number, to: number): RuleSetDiff {
  return diffRuleSets(ruleSetVersion(ctx, from), ruleSetVersion(ctx, to));
}

/** The features a rule may read, for the editor. */
export function ruleCatalogue(ctx: ServiceContext) {
  requirePermission(ctx.actor, 'workspace.read');
  return { features: FRAUD_FEATURES.map(({ name, type, unit, description }) => ({ name, type, unit, description: { en: description.en, 'zh-CN': description['zh-CN'] } })) };
}

/** An expression checked as the editor types it: the features it reads, or why it is refused and where. */
export function checkRuleExpression(ctx: ServiceContext, expression: string): RuleCheck {
  requirePermission(ctx.actor, 'workspace.read');
  const check = checkRule(expression);
  return check.ok ? { ok: true, reads: [...check.reads] } : { ok: false, error: { ...check.error } };
}
