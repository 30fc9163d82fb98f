import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stepPermission, stepsFrom, type ArtefactKind, type LifecycleState, type LifecycleStep } from '../../../../preload/contract/lifecycle.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { useUnlocked } from '../../session/session-context.tsx';
import { StepWordsForm, type WordedStep } from './StepWordsForm.tsx';

interface Props {
  readonly kind: ArtefactKind;
  /** The version: its state, and who wrote and submitted it (neither may approve it). */
  readonly row: { readonly status: LifecycleState; readonly createdBy: string; readonly submittedBy: string | null };
  readonly busy: boolean;
  /** Takes a step, with its words (STEP_WORDS: a rejection's reason, an approval's or activation's comment). */
  readonly onStep: (step: LifecycleStep, words?: string) => void;
}

/**
 * The next steps of one version that the signed-in role may take on its kind: submit a draft; approve or reject a
 * submitted one; activate an approved one. Every step but submitting asks first for its words (StepWordsForm): why
 * it goes back, or what the reviewer checked. Its author and its submitter are never offered Approve (four eyes,
 * which main enforces again): they see that a second person must approve it.
 */
export function LifecycleActions({ kind, row, busy, onStep }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const [asking, setAsking] = useState<WordedStep | null>(null);
  const own = user.username === row.createdBy || user.username === row.submittedBy;
  const allowed = stepsFrom(row.status).filter((step) => allows(user.role, stepPermission(kind, step)));
  const steps = own ? allowed.filter((step) => step !== 'approve') : allowed;
  const awaitingOthers = own && allowed.includes('approve');

  if (asking !== null && steps.includes(asking)) {
    const confirm = (words: string) => {
      setAsking(null);
      onStep(asking, words);
    };
    return <StepWordsForm key={asking} step={asking} busy={busy} onConfirm={confirm} onCancel={() => setAsking(null)} />;
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
          onClick={() => (step === 'submit' ? onStep(step) : setAsking(step))}
        >
          {t(`lifecycle.steps.${step}`)}
        </button>
      ))}
    </>
  );
}
