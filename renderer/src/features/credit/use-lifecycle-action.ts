import { useState } from 'react';

/**
 * Approve or activate one model or parameter set: one change at a time, the list refreshed after it, and a
 * refusal (four eyes, a wrong state) kept to be shown as main words it.
 */
export function useLifecycleAction(onChanged: () => void): { busy: boolean; error: unknown; run: (change: () => Promise<unknown>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (change: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await change();
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
