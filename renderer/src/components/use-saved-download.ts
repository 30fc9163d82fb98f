import { useCallback, useState } from 'react';

export interface SavedDownload {
  /** A download is being fetched from main. */
  readonly busy: boolean;
  /** The name of the file last saved out of the workspace (its plaintext notice shows while set). */
  readonly saved: string | null;
  readonly error: unknown;
  /**
   * Runs a download (fetch from main, then hand to the browser) and records its outcome. The action returns the saved
   * file's name, or nothing when it shows the file without saving it (a PDF opened in a tab).
   */
  readonly save: (download: () => Promise<string | void>) => Promise<void>;
  /** Forgets the last outcome (a dismissed notice, a new attempt that starts elsewhere). */
  readonly clear: () => void;
}

/**
 * The state every "save a file out of the workspace" control shares: busy while main prepares it, then either the
 * saved file's name (for the plaintext notice) or the error to show. One place, so each download says the same.
 */
export function useSavedDownload(): SavedDownload {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const clear = useCallback(() => {
    setSaved(null);
    setError(null);
  }, []);
  const save = useCallback(
    async (download: () => Promise<string | void>) => {
      clear();
      setBusy(true);
      try {
        const fileName = await download();
        if (typeof fileName === 'string') setSaved(fileName);
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy(false);
      }
    },
    [clear],
  );
  return { busy, saved, error, save, clear };
}
