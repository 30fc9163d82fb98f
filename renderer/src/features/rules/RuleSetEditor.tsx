import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RiskDeskError } from '../../../../preload/contract/errors.ts';
import type { RuleSetVersion } from '../../../../preload/contract/fraud-rules.ts';
import { api } from '../../api/client.ts';
import { CelEditor } from '../../components/cel/CelEditor.tsx';
import { Field } from '../../components/Field.tsx';
import { DraftFooter } from '../../components/lifecycle/DraftFooter.tsx';
import { moved } from '../../components/list-order.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { blankRule, problemsOfRefusal, readRuleSetDraft, RULE_ACTIONS, toRuleSetDraft, type RuleDraft, type RuleProblem, type RuleSetDraft } from './rule-draft.ts';
import { useRuleChecker } from './use-rule-checker.ts';

interface Props {
  readonly base: RuleSetVersion;
  readonly onSaved: (version: number) => void;
  readonly onCancel: () => void;
}

/**
 * A new draft rule set starting from any version: the thresholds, and the rules in order (add, remove, move up and
 * down), each with its id, description, score, action, whether it is on, and its CEL expression, type-checked by main
 * as it is typed. Checked here first as the contract's schema checks it; main's refusal of a rule is shown beside
 * that rule. Ctrl+S saves.
 */
export function RuleSetEditor({ base, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const checker = useRuleChecker();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<RuleSetDraft>(() => toRuleSetDraft(base.ruleSet));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<readonly RuleProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const invalid = (rule: number | null, field: string) => problems.some((problem) => problem.rule === rule && problem.field === field);

  /** Rules moved, added or removed: problems filed by a rule's place would now name another rule, so they go. */
  const reorder = (rules: readonly RuleDraft[]) => {
    setDraft({ ...draft, rules });
    setProblems(problems.filter((problem) => problem.rule === null));
  };
  // Functional updates: the expression editor reports each change from outside React's events, where two may arrive
  // before the form renders again.
  const updateRule = (index: number, change: Partial<RuleDraft>) => {
    setDraft((current) => ({ ...current, rules: current.rules.map((rule, at) => (at === index ? { ...rule, ...change } : rule)) }));
    // A problem of a field just edited is out of date: the next save (or the live check) says whether it still holds.
    setProblems((current) => current.filter((problem) => problem.rule !== index || !(problem.field in change)));
  };
  const ruleName = (index: number) => {
    const id = draft.rules[index]?.id.trim() ?? '';
    return id === '' ? t('rules.editor.ruleN', { n: index + 1 }) : t('rules.editor.ruleOf', { n: index + 1, id });
  };
  const fieldLabel = (field: string) => (field in FIELD_KEYS ? t(`rules.fields.${FIELD_KEYS[field as keyof typeof FIELD_KEYS]}`) : field);
  const worded = (problem: RuleProblem) => (problem.key ? t(`rules.problems.${problem.key}`, problem.values) : (problem.text ?? ''));

  /** Keeps focus on the control that moved a rule (or on the new rule's id), wherever its rule is now. */
  const focusLater = (selector: string) => requestAnimationFrame(() => form.current?.querySelector<HTMLElement>(selector)?.focus());
  const move = (index: number, by: number) => {
    const rule = draft.rules[index];
    if (!rule) return;
    reorder(moved(draft.rules, index, by));
    focusLater(`[data-rule-key="${rule.key}"] [data-move="${by < 0 ? 'up' : 'down'}"]`);
  };
  const add = () => {
    const rule = blankRule();
    reorder([...draft.rules, rule]);
    focusLater(`[data-rule-key="${rule.key}"] input`);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    const read = readRuleSetDraft(draft, note);
    setProblems(read.ok ? [] : read.problems);
    if (!read.ok) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await api.call('rules.saveDraft', { ruleSet: read.ruleSet, note: read.note });
      onSaved(saved.version);
    } catch (failure) {
      const refusal = failure instanceof RiskDeskError && failure.code === 'VALIDATION' ? problemsOfRefusal(failure.details) : [];
      // Problems that name a rule are shown beside it; a refusal that names none is shown as main worded it.
      if (refusal.some((problem) => problem.rule !== null)) setProblems(refusal);
      else setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (!saving) void submit();
    }
  };

  return (
    <form ref={form} className="panel rule-editor" onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown} noValidate aria-labelledby="rules-draft-title" data-testid="rules-draft">
      <h2 id="rules-draft-title">{t('rules.editor.title', { version: base.version })}</h2>
      <p className="muted small">{t('rules.editor.keys')}</p>
      <ErrorNotice error={checker.error} />
      <div className="form-row">
        <Field label={t('rules.fields.review')} hint={t('rules.editor.reviewHint')}>
          <input className="input-narrow" inputMode="decimal" value={draft.review} aria-invalid={invalid(null, 'review')} onChange={(event) => setDraft({ ...draft, review: event.target.value })} />
        </Field>
        <Field label={t('rules.fields.block')} hint={t('rules.editor.blockHint')}>
          <input className="input-narrow" inputMode="decimal" value={draft.block} aria-invalid={invalid(null, 'block')} onChange={(event) => setDraft({ ...draft, block: event.target.value })} />
        </Field>
      </div>
      <ol className="rule-list">
        {draft.rules.map((rule, index) => {
          const name = ruleName(index);
          const own = problems.filter((problem) => problem.rule === index);
          return (
            <li key={rule.key} data-rule-key={rule.key}>
              <fieldset className="rule-card" data-testid="rule-editor" data-rule-id={rule.id} aria-invalid={own.length > 0}>
                <legend>{name}</legend>
                <div className="form-row">
                  <Field label={t('rules.fields.id')}>
                    <input value={rule.id} placeholder="velocity_burst" aria-invalid={invalid(index, 'id')} onChange={(event) => updateRule(index, { id: event.target.value })} />
                  </Field>
                  <Field label={t('rules.fields.score')}>
                    <input className="input-narrow" inputMode="decimal" value={rule.score} aria-invalid={invalid(index, 'score')} onChange={(event) => updateRule(index, { score: event.target.value })} />
                  </Field>
                  <Field label={t('rules.fields.action')}>
                    <select value={rule.action} onChange={(event) => updateRule(index, { action: event.target.value as RuleDraft['action'] })}>
                      {RULE_ACTIONS.map((action) => (
                        <option key={action} value={action}>
                          {t(`rules.actions.${action}`)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <label className="checkbox-field">
                    <input type="checkbox" checked={rule.enabled} onChange={(event) => updateRule(index, { enabled: event.target.checked })} />
                    {t('rules.fields.enabled')}
                  </label>
                  <span className="rule-card-tools">
                    <button type="button" className="button-icon" data-move="up" disabled={index === 0} aria-label={`${t('rules.editor.moveUp')}: ${name}`} title={t('rules.editor.moveUp')} onClick={() => move(index, -1)}>
                      ↑
                    </button>
                    <button
                      type="button"
                      className="button-icon"
                      data-move="down"
                      disabled={index === draft.rules.length - 1}
                      aria-label={`${t('rules.editor.moveDown')}: ${name}`}
                      title={t('rules.editor.moveDown')}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                    <button type="button" className="button-icon" aria-label={`${t('rules.editor.remove')}: ${name}`} title={t('rules.editor.remove')} onClick={() => reorder(draft.rules.filter((_, at) => at !== index))}>
                      ×
                    </button>
                  </span>
                </div>
                <Field label={t('rules.fields.description')}>
                  <input className="input-wide" value={rule.description} aria-invalid={invalid(index, 'description')} onChange={(event) => updateRule(index, { description: event.target.value })} />
                </Field>
                <CelEditor
                  label={`${name} · ${t('rules.fields.expression')}`}
                  value={rule.expression}
                  onChange={(expression) => updateRule(index, { expression })}
                  variables={checker.variables}
                  check={checker.check}
                  invalid={invalid(index, 'expression')}
                />
                {own.length > 0 && (
                  <ul className="notice notice-error rule-problems" role="alert" data-testid="rule-problems">
                    {own.map((problem, at) => (
                      <li key={at}>
                        {problem.field ? `${fieldLabel(problem.field)}: ` : ''}
                        {worded(problem)}
                      </li>
                    ))}
                  </ul>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="form-row">
        <button type="button" className="button button-small" onClick={add} data-testid="add-rule">
          {t('rules.editor.add')}
        </button>
      </div>
      <DraftFooter
        note={note}
        onNote={setNote}
        noteInvalid={invalid(null, 'note')}
        saving={saving}
        onCancel={onCancel}
        problems={problems.filter((problem) => problem.rule === null).map((problem) => `${fieldLabel(problem.field)}: ${worded(problem)}`)}
        error={error}
      />
    </form>
  );
}

/** Field names as the draft and main's paths give them, and their labels' keys. */
const FIELD_KEYS = { id: 'id', description: 'description', expression: 'expression', score: 'score', action: 'action', enabled: 'enabled', review: 'review', block: 'block', note: 'note', thresholds: 'thresholds', 'thresholds.review': 'review', 'thresholds.block': 'block' } as const;
