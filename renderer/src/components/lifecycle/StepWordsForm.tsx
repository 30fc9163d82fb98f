import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STEP_WORDS, STEP_WORDS_MAX_LENGTH, type LifecycleStep } from '../../../../preload/contract/lifecycle.ts';

/** The steps that take words (STEP_WORDS): a rejection its reason, an approval and an activation a comment on what was checked. */
export type WordedStep = Exclude<LifecycleStep, 'submit'>;

interface Props {
  readonly step: WordedStep;
  readonly busy: boolean;
  readonly onConfirm: (words: string) => void;
  readonly onCancel: () => void;
}

/** What each step's form asks and what its confirming button says. */
const TEXTS = {
  approve: { question: 'lifecycle.confirmStep.approve', label: 'lifecycle.confirmStep.comment', placeholder: 'lifecycle.confirmStep.commentPlaceholder', confirm: 'lifecycle.confirmStep.confirmApprove' },
  activate: { question: 'lifecycle.confirmStep.activate', label: 'lifecycle.confirmStep.comment', placeholder: 'lifecycle.confirmStep.commentPlaceholder', confirm: 'lifecycle.confirmStep.confirmActivate' },
  reject: { question: null, label: 'lifecycle.reason', placeholder: 'lifecycle.reasonPlaceholder', confirm: 'lifecycle.sendBack' },
} as const;

/**
 * Asks for a step's words before it is taken, so that nothing is approved, activated or sent back by a stray click:
 * focus starts in the text, Enter confirms once it holds more than blanks, Escape (or Cancel) leaves everything as
 * it was. Main checks the words again (required, at most 500 characters).
 */
export function StepWordsForm({ step, busy, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [words, setWords] = useState('');
  const texts = TEXTS[step];
  const filled = words.trim() !== '';
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (filled && !busy) onConfirm(words.trim());
  };
  const escape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onCancel();
  };
  return (
    <form className="inline-form step-words-form" onSubmit={send} onKeyDown={escape} data-testid={`${step}-form`} aria-label={t(`lifecycle.steps.${step}`)}>
      {texts.question !== null && <span className="small step-words-question">{t(texts.question)}</span>}
      <input
        value={words}
        onChange={(event) => setWords(event.target.value)}
        aria-label={t(texts.label)}
        placeholder={t(texts.placeholder)}
        name={STEP_WORDS[step]}
        maxLength={STEP_WORDS_MAX_LENGTH}
        required
        autoFocus
      />
      <button type="submit" className="button button-small button-primary" disabled={busy || !filled}>
        {t(texts.confirm)}
      </button>
      <button type="button" className="button button-small" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
