import { useCallback, useMemo } from 'react';
import type { PlaybookSet } from '../../../../preload/contract/cases.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { usePreferences } from '../../session/preferences.tsx';

const stepKey = (alertType: string, step: string) => `${alertType}\u0000${step}`;

/** Step titles in both languages from the playbook sets, the active one winning over older versions. */
function stepTitles(sets: readonly PlaybookSet[] | null): Map<string, { en: string; 'zh-CN': string }> {
  const titles = new Map<string, { en: string; 'zh-CN': string }>();
  const ordered = [...(sets ?? [])].sort((a, b) => Number(b.status === 'active') - Number(a.status === 'active') || b.version - a.version);
  for (const set of ordered) {
    for (const playbook of set.document.playbooks) {
      for (const step of playbook.steps) {
        const key = stepKey(playbook.alertType, step.step);
        if (!titles.has(key)) titles.set(key, step.title);
      }
    }
  }
  return titles;
}

/**
 * A playbook step's title in the user's language (a case keeps only the step's id), else its id made readable:
 * `contact_borrower` → "Contact the borrower" / "联系借款人".
 */
export function usePlaybookStepTitle(): (alertType: string, step: string) => string {
  const { language } = usePreferences();
  const { data: sets } = useCall(() => api.call('cases.playbookSets'), []);
  const titles = useMemo(() => stepTitles(sets), [sets]);
  return useCallback((alertType: string, step: string) => titles.get(stepKey(alertType, step))?.[language] ?? step.replaceAll('_', ' '), [titles, language]);
}
