import type { TFunction } from 'i18next';
import { evidenceScopeSchema, type EvidenceScope } from '../../../../preload/contract/evidence.ts';
import { schemaProblems } from '../../components/field-problems.ts';

/** The optional id lists that narrow a scope, in the order the form shows them. */
export const SCOPE_ID_LISTS = ['cases', 'models', 'ruleSetVersions', 'runs'] as const;
export type ScopeIdList = (typeof SCOPE_ID_LISTS)[number];

/** The scope as typed: dates, and each id list as comma-separated text (empty: no narrowing). */
export type ScopeForm = { readonly from: string; readonly to: string } & Readonly<Record<ScopeIdList, string>>;

export function emptyScopeForm(period: { from: string; to: string }): ScopeForm {
  return { ...period, cases: '', models: '', ruleSetVersions: '', runs: '' };
}

/** Ids typed as `12, 15 19`: null when a piece is not a whole number from 1 (the form names it). */
function parseIds(text: string): { ids: number[] } | { bad: string } {
  const pieces = text.split(/[\s,;]+/).filter((piece) => piece !== '');
  const bad = pieces.find((piece) => !/^\d+$/.test(piece) || Number(piece) < 1);
  if (bad !== undefined) return { bad };
  return { ids: [...new Set(pieces.map(Number))] };
}

/**
 * The typed scope as evidence.preview's arguments, or what is wrong with each field (keyed by the field): the id
 * lists by their pieces, the dates and the rest by the contract's own schema.
 */
export function readScope(t: TFunction, form: ScopeForm): { scope: EvidenceScope; problems?: never } | { scope?: never; problems: Map<string, string> } {
  const problems = new Map<string, string>();
  const lists: Partial<Record<ScopeIdList, number[]>> = {};
  for (const list of SCOPE_ID_LISTS) {
    const parsed = parseIds(form[list]);
    if ('bad' in parsed) problems.set(list, t('evidence.scope.badId', { value: parsed.bad }));
    else if (parsed.ids.length > 0) lists[list] = parsed.ids;
  }
  const checked = evidenceScopeSchema.safeParse({ from: form.from, to: form.to, ...lists });
  if (!checked.success) for (const [field, problem] of schemaProblems(t, checked.error.issues)) if (!problems.has(field)) problems.set(field, problem);
  if (problems.size > 0 || !checked.success) return { problems };
  return { scope: checked.data };
}

/** A scope in one line: its period and any ids that narrow it. */
export function describeScope(t: TFunction, scope: EvidenceScope): string {
  const narrowing = SCOPE_ID_LISTS.flatMap((list) => {
    const ids = scope[list];
    return ids ? [`${t(`evidence.scope.${list}`)} ${ids.join(', ')}`] : [];
  });
  return [`${scope.from} – ${scope.to}`, ...narrowing].join(' · ');
}
