import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaybookSet } from '../../../../../preload/contract/cases.ts';
import { ROLES, type Role } from '../../../../../preload/contract/permissions.ts';
import { api } from '../../../api/client.ts';
import { DraftFooter } from '../../../components/lifecycle/DraftFooter.tsx';
import { Field } from '../../../components/Field.tsx';
import { moved } from '../../../components/list-order.ts';
import { KNOWN_ALERT_TYPES } from '../alert-explanation.ts';
import { blankPlaybook, blankStep, MAX_PLAYBOOKS, MAX_STEPS, readPlaybooksDraft, toPlaybooksDraft, type DraftProblem, type PlaybookDraft, type StepDraft } from './settings-draft.ts';

interface Props {
  readonly base: PlaybookSet;
  readonly onSaved: (saved: PlaybookSet) => void;
  readonly onCancel: () => void;
}

type StepField = 'step' | 'dueHours' | 'title.en' | 'title.zh-CN';

/**
 * A new draft playbook set starting from an existing version: per alert type, its ordered steps (add, remove, move
 * up and down; the step's id, role, due hours and title in both languages), and playbooks added or removed whole.
 * Checked here first, as the contract's schema checks it, then by main.
 */
export function PlaybookDraftForm({ base, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [playbooks, setPlaybooks] = useState<readonly PlaybookDraft[]>(() => toPlaybooksDraft(base.document));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<readonly DraftProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const invalid = new Set(problems.map((problem) => problem.field));

  const updatePlaybook = (i: number, change: Partial<PlaybookDraft>) => setPlaybooks(playbooks.map((playbook, at) => (at === i ? { ...playbook, ...change } : playbook)));
  const updateSteps = (i: number, steps: readonly StepDraft[]) => updatePlaybook(i, { steps });
  const updateStep = (i: number, j: number, change: Partial<StepDraft>) => updateSteps(i, (playbooks[i]?.steps ?? []).map((step, at) => (at === j ? { ...step, ...change } : step)));

  const playbookName = (i: number) => {
    const alertType = playbooks[i]?.alertType.trim() ?? '';
    return alertType === '' ? t('caseSettings.playbooks.playbookN', { n: i + 1 }) : t('caseSettings.playbooks.playbookOf', { n: i + 1, alertType });
  };
  const stepFieldLabel = (field: StepField) => t(`caseSettings.playbooks.fields.${field === 'title.en' ? 'titleEn' : field === 'title.zh-CN' ? 'titleZh' : field}`);
  const fieldLabel = (field: string): string => {
    if (field === 'note') return t('lifecycle.draft.note');
    if (field === 'playbooks') return t('caseSettings.playbooks.title');
    const [, i, part, j, ...rest] = field.split('.');
    const playbook = playbookName(Number(i));
    if (part === 'alertType') return `${playbook} · ${t('caseSettings.playbooks.fields.alertType')}`;
    if (part === 'steps' && j === undefined) return playbook;
    return `${playbook} · ${t('caseSettings.playbooks.stepN', { n: Number(j) + 1 })} · ${stepFieldLabel(rest.join('.') as StepField)}`;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readPlaybooksDraft(playbooks, note);
    setProblems(read.ok ? [] : read.problems);
    if (!read.ok) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.call('cases.savePlaybookDraft', { document: read.document, note: read.note }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  const stepInput = (i: number, j: number, field: StepField, value: string, change: (value: string) => void, className?: string) => (
    <input
      className={className}
      value={value}
      aria-label={`${playbookName(i)} · ${t('caseSettings.playbooks.stepN', { n: j + 1 })} · ${stepFieldLabel(field)}`}
      aria-invalid={invalid.has(`playbooks.${i}.steps.${j}.${field}`)}
      onChange={(event) => change(event.target.value)}
      {...(field === 'dueHours' ? { inputMode: 'numeric' as const } : {})}
      {...(field === 'step' ? { placeholder: 'contact_borrower' } : {})}
    />
  );

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="playbooks-draft-title" data-testid="playbooks-draft">
      <h2 id="playbooks-draft-title">{t('caseSettings.newDraftFrom', { version: base.version })}</h2>
      {playbooks.map((playbook, i) => (
        <fieldset key={playbook.key} className="playbook-editor" data-testid="playbook-editor" aria-invalid={invalid.has(`playbooks.${i}.steps`)}>
          <legend>{playbookName(i)}</legend>
          <div className="form-row">
            <Field label={t('caseSettings.playbooks.fields.alertType')}>
              <input
                className="input-wide"
                value={playbook.alertType}
                placeholder="credit.stage_migration"
                list="playbook-alert-types"
                aria-invalid={invalid.has(`playbooks.${i}.alertType`)}
                onChange={(event) => updatePlaybook(i, { alertType: event.target.value })}
              />
            </Field>
            <button type="button" className="button button-small" onClick={() => setPlaybooks(playbooks.filter((_, at) => at !== i))}>
              {t('caseSettings.playbooks.removePlaybook')}
            </button>
          </div>
          <table className="table table-compact editable-rows">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('caseSettings.playbooks.fields.step')}</th>
                <th scope="col">{t('caseSettings.playbooks.fields.role')}</th>
                <th scope="col">{t('caseSettings.playbooks.fields.dueHours')}</th>
                <th scope="col">{t('caseSettings.playbooks.fields.titleEn')}</th>
                <th scope="col">{t('caseSettings.playbooks.fields.titleZh')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('caseSettings.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {playbook.steps.map((step, j) => {
                const stepName = `${playbookName(i)} · ${t('caseSettings.playbooks.stepN', { n: j + 1 })}`;
                return (
                  <tr key={step.key} data-testid="step-editor">
                    <td>{j + 1}</td>
                    <td>{stepInput(i, j, 'step', step.step, (value) => updateStep(i, j, { step: value }))}</td>
                    <td>
                      <select value={step.role} aria-label={`${stepName} · ${t('caseSettings.playbooks.fields.role')}`} onChange={(event) => updateStep(i, j, { role: event.target.value as Role })}>
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`roles.${role}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{stepInput(i, j, 'dueHours', step.dueHours, (value) => updateStep(i, j, { dueHours: value }), 'input-narrow')}</td>
                    <td>{stepInput(i, j, 'title.en', step.titleEn, (value) => updateStep(i, j, { titleEn: value }))}</td>
                    <td>{stepInput(i, j, 'title.zh-CN', step.titleZh, (value) => updateStep(i, j, { titleZh: value }))}</td>
                    <td className="row-actions">
                      <button type="button" className="button-icon" disabled={j === 0} aria-label={`${t('caseSettings.playbooks.moveUp')}: ${stepName}`} title={t('caseSettings.playbooks.moveUp')} onClick={() => updateSteps(i, moved(playbook.steps, j, -1))}>
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button-icon"
                        disabled={j === playbook.steps.length - 1}
                        aria-label={`${t('caseSettings.playbooks.moveDown')}: ${stepName}`}
                        title={t('caseSettings.playbooks.moveDown')}
                        onClick={() => updateSteps(i, moved(playbook.steps, j, 1))}
                      >
                        ↓
                      </button>
                      <button type="button" className="button-icon" aria-label={`${t('caseSettings.playbooks.removeStep')}: ${stepName}`} title={t('caseSettings.playbooks.removeStep')} onClick={() => updateSteps(i, playbook.steps.filter((_, at) => at !== j))}>
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <td colSpan={7}>
                  <button type="button" className="button button-small" disabled={playbook.steps.length >= MAX_STEPS} onClick={() => updateSteps(i, [...playbook.steps, blankStep()])}>
                    {t('caseSettings.playbooks.addStep')}
                  </button>
                </td>
              </tr>
            </tfoot>
          </table>
        </fieldset>
      ))}
      {/* The alert types the screens know, offered as suggestions: any dotted key is accepted. */}
      <datalist id="playbook-alert-types">
        {KNOWN_ALERT_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <div className="form-row">
        <button type="button" className="button button-small" disabled={playbooks.length >= MAX_PLAYBOOKS} onClick={() => setPlaybooks([...playbooks, blankPlaybook()])}>
          {t('caseSettings.playbooks.addPlaybook')}
        </button>
      </div>
      <DraftFooter
        note={note}
        onNote={setNote}
        noteInvalid={invalid.has('note')}
        saving={saving}
        onCancel={onCancel}
        problems={problems.map((problem) => `${fieldLabel(problem.field)}: ${t(`caseSettings.problems.${problem.key}`, problem.values)}`)}
        error={error}
      />
    </form>
  );
}
