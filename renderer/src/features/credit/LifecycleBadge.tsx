import { useTranslation } from 'react-i18next';
import type { LifecycleState } from '../../../../preload/contract/index.ts';

/** Draft → approved (by a second person) → active → retired, for models and parameter sets alike. */
export function LifecycleBadge({ status }: { status: LifecycleState }) {
  const { t } = useTranslation();
  return (
    <span className={`badge lifecycle lifecycle-${status}`} data-testid="lifecycle-status">
      {t(`credit.lifecycle.${status}`)}
    </span>
  );
}
