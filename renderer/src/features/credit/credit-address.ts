import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const CREDIT_TABS = ['builder', 'models', 'validation', 'risk', 'parameters'] as const;
export type CreditTab = (typeof CREDIT_TABS)[number];

/**
 * The credit area's address: `?tab=…` plus what the tab shows (`model=` for validation, `version=` for a
 * parameter set), so a view can be linked to, reloaded, and reached back with the browser's history.
 */
export function useCreditAddress() {
  const [params, setParams] = useSearchParams();
  const tab = CREDIT_TABS.find((id) => id === params.get('tab')) ?? null;

  const numberParam = (name: 'model' | 'version'): number | null => {
    const value = Number(params.get(name));
    return Number.isInteger(value) && value > 0 ? value : null;
  };

  const open = useCallback(
    (next: CreditTab, extra: { model?: number; version?: number } = {}) => {
      const search = new URLSearchParams({ tab: next });
      for (const [key, value] of Object.entries(extra)) search.set(key, String(value));
      setParams(search);
    },
    [setParams],
  );

  /** Change what the current tab shows without adding a history entry for every pick. */
  const select = useCallback(
    (name: 'model' | 'version', value: number) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(name, String(value));
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { tab, model: numberParam('model'), version: numberParam('version'), open, select };
}
