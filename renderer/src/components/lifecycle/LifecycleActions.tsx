import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stepPermission, stepsFrom, type ArtefactKind, type LifecycleState, type LifecycleStep } from '../../../../preload/contract/lifecycle.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { useUnlocked } from '../../session/session-context.tsx';

interface Props {
  readonly kind: ArtefactKind;
  readonly status: LifecycleState;
  readonly busy: boolean;
  readonly onStep: (step: LifecycleStep, reason?: string) => void;
}

/**
 * The next steps of one version that the signed-in role may take on its kind: submit a draft; approve or reject a
 * submitted one (a rejection asks for its reason first); activate an approved one. Main checks again, and refuses
 * the author and the submitter as approver (four eyes): the Approve button shows for them too, so that the
 * refusal explains itself rather than a button going missing.
 */
export function LifecycleActions({ kind, status, busy, onStep }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const steps = stepsFrom(status).filter((step) => allows(user.role, stepPermission(kind, step)));

  if (rejecting && steps.includes('reject')) {
    const send = (event: FormEvent) => {
      event.preventDefault();
      setRejecting(false);
      setReason('');
      onStep('reject', reason.trim());
    };
    return (
      <form className="inline-form" onSubmit={send} data-testid="reject-form">
        <input value={reason} onChange={(event) => setReason(event.target.value)} aria-label={t('lifecycle.reason')} placeholder={t('lifecycle.reasonPlaceholder')} maxLength={500} required autoFocus />
        <button type="submit" className="button button-small button-primary" disabled={busy || reason.trim() === ''}>
          {t('lifecycle.sendBack')}
        </button>
        <button type="button" className="button button-small" onClick={() => setRejecting(false)}>
          {t('common.cancel')}
        </button>
      </form>
    );
  }
  return (
    <>
      {steps.map((step) => (
        <button
          key={step}
          type="button"
          className={`button button-small${step === 'reject' ? '' : ' button-primary'}`}
          disabled={busy}
          onClick={() => (step === 'reject' ? setRejecting(true) : onStep(step))}
        >
          {t(`lifecycle.steps.${step}`)}
        </button>
      ))}
    </>
  );
}
