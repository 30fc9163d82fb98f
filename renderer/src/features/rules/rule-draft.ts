import type { Rule, RuleSet } from '../../../../preload/contract/fraud-rules.ts';

/*
 * A fraud rule set as its draft form edits it: numbers as typed, each rule with a React key that stays with it while
 * it moves. `readRuleSetDraft` turns the draft back into the contract's rule set and lists every problem at once,
 * with the rule it belongs to; main checks again (and type-checks each expression), and `problemsOfRefusal` files
 * main's VALIDATION problems under the rules they name.
 */

export type RuleAction = Rule['action'];
export const RULE_ACTIONS: readonly RuleAction[] = ['review', 'block'];

/** The contract's slug: lower-case letters, digits and single "-" or "_", starting with a letter. */
const RULE_ID = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/;
/** Descriptions and notes, as the contract bounds them. */
const MAX_TEXT = 500;

export interface RuleDraft {
  readonly key: number;
  readonly id: string;
  readonly description: string;
  readonly expression: string;
  readonly score: string;
  readonly action: RuleAction;
  readonly enabled: boolean;
}

export interface RuleSetDraft {
  readonly rules: readonly RuleDraft[];
  readonly review: string;
  readonly block: string;
}

/** Where a problem belongs: one rule (by its place in the draft), or the set as a whole (thresholds, note). */
export interface RuleProblem {
  readonly rule: number | null;
  readonly field: string;
  /** A translation key under rules.problems, or null when `text` is main's own wording. */
  readonly key: 'required' | 'ruleId' | 'duplicate' | 'score' | 'threshold' | 'thresholdOrder' | 'tooLong' | null;
  readonly text?: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

let nextKey = 1;

export function blankRule(): RuleDraft {
  return { key: nextKey++, id: '', description: '', expression: '', score: '10', action: 'review', enabled: true };
}

export function toRuleSetDraft(ruleSet: RuleSet): RuleSetDraft {
  return {
    rules: ruleSet.rules.map((rule) => ({ ...rule, key: nextKey++, score: String(rule.score) })),
    review: String(ruleSet.thresholds.review),
    block: String(ruleSet.thresholds.block),
  };
}

function positive(problems: RuleProblem[], rule: number | null, field: string, text: string, key: 'score' | 'threshold'): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) problems.push({ rule, field, key });
  return value;
}

type Read = { readonly ok: true; readonly ruleSet: RuleSet; readonly note: string } | { readonly ok: false; readonly problems: readonly RuleProblem[] };

export function readRuleSetDraft(draft: RuleSetDraft, noteText: string): Read {
  const problems: RuleProblem[] = [];
  const ids = new Set<string>();
  const rules = draft.rules.map((rule, index): Rule => {
    const id = rule.id.trim();
    if (id === '') problems.push({ rule: index, field: 'id', key: 'required' });
    else if (!RULE_ID.test(id)) problems.push({ rule: index, field: 'id', key: 'ruleId' });
    else if (ids.has(id)) problems.push({ rule: index, field: 'id', key: 'duplicate' });
    ids.add(id);
    const description = rule.description.trim();
    if (description === '') problems.push({ rule: index, field: 'description', key: 'required' });
    else if (description.length > MAX_TEXT) problems.push({ rule: index, field: 'description', key: 'tooLong', values: { max: MAX_TEXT } });
    if (rule.expression.trim() === '') problems.push({ rule: index, field: 'expression', key: 'required' });
    return {
      id,
      description,
      expression: rule.expression,
      score: positive(problems, index, 'score', rule.score, 'score'),
      action: rule.action,
      enabled: rule.enabled,
    };
  });
  const review = positive(problems, null, 'review', draft.review, 'threshold');
  const block = positive(problems, null, 'block', draft.block, 'threshold');
  if (review > 0 && block > 0 && review > block) problems.push({ rule: null, field: 'review', key: 'thresholdOrder' });
  const note = noteText.trim();
  if (note === '') problems.push({ rule: null, field: 'note', key: 'required' });
  else if (note.length > MAX_TEXT) problems.push({ rule: null, field: 'note', key: 'tooLong', values: { max: MAX_TEXT } });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, ruleSet: { rules, thresholds: { review, block } }, note };
}

/**
 * Main's VALIDATION details, each `{path, message}` (a rule's expression problem also with its line and column), as
 * problems of the rules their paths name (`rules.2.expression`, as a dotted string or a list); anything else belongs
 * to the set.
 */
export function problemsOfRefusal(details: unknown): RuleProblem[] {
  if (!Array.isArray(details)) return [];
  return details.map((detail: { path?: unknown; message?: unknown; line?: unknown; column?: unknown }) => {
    const given = Array.isArray(detail.path) ? detail.path.map(String) : typeof detail.path === 'string' ? detail.path.split('.') : [];
    const path = given[0] === 'ruleSet' ? given.slice(1) : given;
    const at = path.indexOf('rules');
    const rule = at >= 0 && /^\d+$/.test(path[at + 1] ?? '') ? Number(path[at + 1]) : null;
    const field = rule === null ? path.join('.') : path.slice(at + 2).join('.');
    const where = typeof detail.line === 'number' && typeof detail.column === 'number' ? `${detail.line}:${detail.column} ` : '';
    return { rule, field, key: null, text: `${where}${String(detail.message ?? '')}` };
  });
}
