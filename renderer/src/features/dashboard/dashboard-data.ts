import { useCallback, useEffect, useState } from 'react';
import type { Dashboard } from '../../../../preload/contract/index.ts';
import { api } from '../../api/client.ts';

/**
 * The dashboard summary, asked for once per unlock and kept: it aggregates the whole portfolio in SQL, and
 * other screens need its currency. Imports and demo data make it stale, so a finished one drops it.
 */
let cached: Promise<Dashboard> | null = null;
let subscribed = false;

function load(force: boolean): Promise<Dashboard> {
  if (!subscribed) {
    subscribed = true;
    api.on('job.done', ({ job }) => {
      if (job.kind === 'import' || job.kind === 'demo') cached = null;
    });
    api.on('session.locked', () => {
      cached = null;
    });
  }
  if (force || !cached) {
    cached = api.call('dashboard.summary');
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function useDashboard() {
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  const fetch = useCallback((force: boolean) => {
    setLoading(true);
    setError(null);
    let live = true;
    load(force).then(
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
  }, []);

  useEffect(() => fetch(false), [fetch]);
  return { data, error, loading, refresh: () => fetch(true) };
}

/** The workspace's reporting currency (for amounts that carry none, such as incomes). */
export function useWorkspaceCurrency(): string | null {
  return useDashboard().data?.currency ?? null;
}
