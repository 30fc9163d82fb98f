import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_DISPOSITIONS, type CaseDisposition, type CaseMove } from '../../../../preload/contract/cases.ts';
import { Field } from '../../components/Field.tsx';
import { moveLabel } from './case-format.ts';

export interface MoveExtra {
  readonly disposition?: CaseDisposition;
  readonly reason?: string;
}

interface Props {
  readonly caseId: number;
  readonly move: CaseMove;
  readonly busy?: boolean;
  readonly onSubmit: (extra: MoveExtra) => void;
  readonly onCancel: () => void;
}

/**
 * What a move needs before it is sent (case-workflow.ts's `needs`): a closure proposal asks a disposition and an
 * optional note, withdrawing or reopening asks why. A modal dialog, so the queue's keys stay quiet meanwhile.
 */
export function MovePrompt({ caseId, move, busy = false, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [disposition, setDisposition] = useState<CaseDisposition | ''>('');
  const [text, setText] = useState('');
  const needsDisposition = move.needs === 'disposition';

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reason = text.trim();
    if (needsDisposition) {
      if (!disposition) return;
      onSubmit({ disposition, ...(reason ? { reason } : {}) });
    } else if (reason) {
      onSubmit({ reason });
    }
  };
  const ready = needsDisposition ? disposition !== '' : text.trim() !== '';
  const title = needsDisposition ? t('cases.prompt.closureTitle', { id: caseId }) : t('cases.prompt.reasonTitle', { move: t(`cases.moves.${moveLabel(move)}`), id: caseId });

  return (
    <dialog
      ref={dialog}
      className="case-dialog"
      aria-labelledby="move-prompt-title"
      data-testid="move-prompt"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit} className="case-dialog-form">
        <h2 id="move-prompt-title">{title}</h2>
        {needsDisposition && (
          <Field label={t('cases.prompt.disposition')}>
            <select value={disposition} onChange={(event) => setDisposition(event.target.value as CaseDisposition | '')} required autoFocus>
              <option value="">{t('cases.prompt.chooseDisposition')}</option>
              {CASE_DISPOSITIONS.map((code) => (
                <option key={code} value={code}>
                  {t(`cases.dispositions.${code}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={needsDisposition ? t('cases.prompt.note') : t('cases.prompt.reason')}>
          <textarea
            rows={3}
            value={text}
            maxLength={2000}
            onChange={(event) => setText(event.target.value)}
            placeholder={needsDisposition ? undefined : t('cases.prompt.reasonPlaceholder')}
            required={!needsDisposition}
            autoFocus={!needsDisposition}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy || !ready}>
            {t('cases.prompt.confirm')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
