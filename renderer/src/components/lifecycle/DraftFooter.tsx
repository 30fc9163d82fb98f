import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { Field } from '../Field.tsx';

interface DraftFooterProps {
  readonly note: string;
  readonly onNote: (note: string) => void;
  readonly noteInvalid: boolean;
  readonly saving: boolean;
  readonly onCancel: () => void;
  /** Every problem the form found before sending, each worded with the field it belongs to. */
  readonly problems: readonly string[];
  readonly error: unknown;
}

/**
 * The end of every draft form of a versioned artefact: the note that says what changed, save and cancel, the
 * problems the form found before sending, and main's refusal if it refused.
 */
export function DraftFooter({ note, onNote, noteInvalid, saving, onCancel, problems, error }: DraftFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-row">
        <Field label={t('lifecycle.draft.note')}>
          <input className="input-wide" maxLength={500} value={note} aria-invalid={noteInvalid} onChange={(event) => onNote(event.target.value)} />
        </Field>
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('lifecycle.draft.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {problems.length > 0 && (
        <div className="notice notice-error" role="alert" data-testid="draft-problems">
          {t('lifecycle.draft.problemsIntro')}
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNotice error={error} />
    </>
  );
}
