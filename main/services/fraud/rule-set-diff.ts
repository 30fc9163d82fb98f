// What changed between two rule set versions, for a reviewer: rules matched by id (an id is a rule's identity in
// alerts and explanations, so a renamed rule is one removed and one added), each changed field named, and the
// expression diffed word by word. Pure.
import { diffWordsWithSpace } from 'diff';
import { RULE_FIELDS, type Rule, type RuleSet, type RuleSetDiff } from '../../../preload/contract/fraud-rules.ts';

type TextPart = RuleSetDiff['changed'][number]['expression'][number];

/**
 * Word diff of two expressions. With spaces as tokens of their own, so that identifiers stay whole and operators
 * change alone: `amount > 5` to `amount >= 8` reads as `>` kept, `=` added, `5` removed, `8` added.
 */
function expressionDiff(before: string, after: string): TextPart[] {
  if (before === after) return [{ kind: 'same', text: before }];
  return diffWordsWithSpace(before, after).map((part) => ({ kind: part.added ? 'added' : part.removed ? 'removed' : 'same', text: part.value }));
}

export function diffRuleSets(from: { version: number; ruleSet: RuleSet }, to: { version: number; ruleSet: RuleSet }): RuleSetDiff {
  const before = new Map(from.ruleSet.rules.map((rule) => [rule.id, rule]));
  const after = new Map(to.ruleSet.rules.map((rule) => [rule.id, rule]));
  const changed: RuleSetDiff['changed'] = [];
  for (const rule of to.ruleSet.rules) {
    const old = before.get(rule.id);
    if (old === undefined) continue;
    const fields = RULE_FIELDS.filter((field) => old[field] !== rule[field]);
    if (fields.length > 0) changed.push({ id: rule.id, before: old, after: rule, fields, expression: expressionDiff(old.expression, rule.expression) });
  }
  const common = (rules: readonly Rule[], other: ReadonlyMap<string, Rule>): string[] => rules.filter((rule) => other.has(rule.id)).map((rule) => rule.id);
  const oldOrder = common(from.ruleSet.rules, after);
  const newOrder = common(to.ruleSet.rules, before);
  const { thresholds: t0 } = from.ruleSet;
  const { thresholds: t1 } = to.ruleSet;
  return {
    from: from.version,
    to: to.version,
    thresholds: t0.review === t1.review && t0.block === t1.block ? null : { before: t0, after: t1 },
    added: to.ruleSet.rules.filter((rule) => !before.has(rule.id)),
    removed: from.ruleSet.rules.filter((rule) => !after.has(rule.id)),
    changed,
    reordered: oldOrder.some((id, index) => newOrder[index] !== id),
  };
}
