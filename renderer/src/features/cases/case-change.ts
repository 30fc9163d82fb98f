import { createContext, useCallback, useContext, useState } from 'react';

/** Makes one change to the open case and then reads the case and its timeline again (throws what the call threw). */
export type CaseChangeRunner = (work: () => Promise<unknown>) => Promise<void>;

export const CaseChangeContext = createContext<CaseChangeRunner | null>(null);

/**
 * A section's own changes to the case: busy while one runs, and its error shown next to the section that made it
 * (a refused note is explained under the notes, not at the top of the page). Resolves to whether it succeeded.
 */
export function useCaseChange() {
  const run = useContext(CaseChangeContext);
  if (!run) throw new Error('useCaseChange outside a case view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const change = useCallback(
    async (work: () => Promise<unknown>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await run(work);
        return true;
      } catch (failure) {
        setError(failure);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [run],
  );
  return { busy, error, change };
}
