import { useCallback, useRef } from 'react';
import type { Dashboard } from '../../../../preload/contract/index.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';

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
  // A refresh asks main again; opening the screen takes what this unlock already has.
  const forced = useRef(false);
  const { data, error, loading, reload } = useCall(() => {
    const force = forced.current;
    forced.current = false;
    return load(force);
  }, []);
  const refresh = useCallback(() => {
    forced.current = true;
    reload();
  }, [reload]);
  return { data, error, loading, refresh };
}

/** The workspace's reporting currency (for amounts that carry none, such as incomes). */
export function useWorkspaceCurrency(): string | null {
  return useDashboard().data?.currency ?? null;
}
