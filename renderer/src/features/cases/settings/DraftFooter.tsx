import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import type { DraftProblem } from './settings-draft.ts';

interface DraftFooterProps {
  readonly note: string;
  readonly onNote: (note: string) => void;
  readonly saving: boolean;
  readonly onCancel: () => void;
  readonly problems: readonly DraftProblem[];
  /** How a problem's field is named to the user (a cell, a step, the note). */
  readonly fieldLabel: (field: string) => string;
  readonly error: unknown;
}

/**
 * The end of every draft form of the case settings: the note that says what changed, save and cancel, every problem
 * the form found before sending (each with its field), and main's refusal if it refused.
 */
export function DraftFooter({ note, onNote, saving, onCancel, problems, fieldLabel, error }: DraftFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-row">
        <Field label={t('caseSettings.note')}>
          <input className="input-wide" maxLength={500} value={note} aria-invalid={problems.some((problem) => problem.field === 'note')} onChange={(event) => onNote(event.target.value)} />
        </Field>
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('caseSettings.saveDraft')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {problems.length > 0 && (
        <div className="notice notice-error" role="alert" data-testid="draft-problems">
          {t('caseSettings.problemsIntro')}
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>
                {fieldLabel(problem.field)}: {t(`caseSettings.problems.${problem.key}`, problem.values)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNotice error={error} />
    </>
  );
}
