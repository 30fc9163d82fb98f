import { useState } from 'react';
import type { LifecycleMethodName, MethodArgs } from '../../../../preload/contract/methods.ts';
import { ARTEFACT_KINDS, STEP_WORDS, type ArtefactKind, type LifecycleStep } from '../../../../preload/contract/lifecycle.ts';
import { api } from '../../api/client.ts';

export interface LifecycleSteps {
  readonly busy: boolean;
  /** The latest refusal (four eyes, a wrong state), to be shown as main words it; cleared by the next step. */
  readonly error: unknown;
  /** Takes one step on version `id`, with its `words` (STEP_WORDS: a rejection's reason, an approval's or activation's comment). */
  take(step: LifecycleStep, id: number, words?: string): void;
}

/**
 * The lifecycle steps of one artefact kind's list: one step at a time, the list refreshed after it. Any kind's step
 * is called the same way, through the method and id argument its contract registration names.
 */
export function useLifecycleSteps(kind: ArtefactKind, onChanged: () => void): LifecycleSteps {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const take = async (step: LifecycleStep, id: number, words?: string): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await callStep(kind, step, id, words);
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, take: (step, id, words) => void take(step, id, words) };
}

function callStep(kind: ArtefactKind, step: LifecycleStep, id: number, words: string | undefined): Promise<unknown> {
  const { methods, idArg } = ARTEFACT_KINDS[kind];
  const wordsArg = STEP_WORDS[step];
  // The method is picked at run time, which the typed client cannot follow; the registration pairs it with its
  // arguments, the compiler checks that it names a contract method, and main parses the arguments anyway.
  const args = { [idArg]: id, ...(wordsArg === null ? {} : { [wordsArg]: words }) } as MethodArgs<LifecycleMethodName>;
  return api.call(methods[step] as LifecycleMethodName, args as never);
}
