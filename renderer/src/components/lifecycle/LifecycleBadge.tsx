import { useTranslation } from 'react-i18next';
import type { LifecycleState } from '../../../../preload/contract/lifecycle.ts';

/** Draft → submitted → approved (by a second person) → active → retired, for every artefact kind alike. */
export function LifecycleBadge({ status }: { status: LifecycleState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge lifecycle lifecycle-${status}`} data-testid="lifecycle-status">
      {t(`lifecycle.states.${status}`)}
    </span>
  );
}
