import { useCallback, useEffect, useState, type DependencyList } from 'react';

export interface CallState<T> {
  readonly data: T | null;
  readonly error: unknown;
  readonly loading: boolean;
  /** Ask again (after a change this screen made), keeping the current data on screen meanwhile. */
  readonly reload: () => void;
}

/**
 * One read call, made when the screen opens and again whenever `deps` change. Answers to an older request
 * are dropped, so a quick switch between two models never shows the first one's data under the second.
 */
export function useCall<T>(load: () => Promise<T>, deps: DependencyList): CallState<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  // New arguments: the old answer is about something else.
  useEffect(() => setData(null), deps);

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(null);
    load().then(
      (next) => {
        if (!live) return;
        setData(next);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!live) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((current) => current + 1), []);
  return { data, error, loading, reload };
}
