import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { stepPermission, stepsFrom, type ArtefactKind, type LifecycleState, type LifecycleStep } from '../../../../preload/contract/lifecycle.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { useUnlocked } from '../../session/session-context.tsx';

interface Props {
  readonly kind: ArtefactKind;
  /** The version: its state, and who wrote and submitted it (neither may approve it). */
  readonly row: { readonly status: LifecycleState; readonly createdBy: string; readonly submittedBy: string | null };
  readonly busy: boolean;
  readonly onStep: (step: LifecycleStep, reason?: string) => void;
}

/**
 * The next steps of one version that the signed-in role may take on its kind: submit a draft; approve or reject a
 * submitted one (a rejection asks for its reason first); activate an approved one. Its author and its submitter are
 * never offered Approve (four eyes, which main enforces again): they see that a second person must approve it.
 */
export function LifecycleActions({ kind, row, busy, onStep }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const own = user.username === row.createdBy || user.username === row.submittedBy;
  const allowed = stepsFrom(row.status).filter((step) => allows(user.role, stepPermission(kind, step)));
  const steps = own ? allowed.filter((step) => step !== 'approve') : allowed;
  const awaitingOthers = own && allowed.includes('approve');

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
      {awaitingOthers && (
        <span className="muted small" data-testid="needs-second-person">
          {t('lifecycle.needsSecondPerson')}
        </span>
      )}
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
