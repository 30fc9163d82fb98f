import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { useCall } from '../../../api/use-call.ts';
import { ModelComparison } from './ModelComparison.tsx';
import { ModelList } from './ModelList.tsx';

/** Scorecard models through their lifecycle, and two of them side by side. */
export function ModelsTab() {
  const { t } = useTranslation();
  const models = useCall(() => api.call('credit.models'), []);
  const [compared, setCompared] = useState<readonly number[]>([]);

  // Picking a third model replaces the one picked first: two stay side by side.
  const toggleCompared = (modelId: number, on: boolean) => setCompared((current) => (on ? [...current.filter((id) => id !== modelId), modelId].slice(-2) : current.filter((id) => id !== modelId)));
  // Side by side in the list's order (newest first), whichever was ticked first.
  const listed = models.data?.map((model) => model.modelId) ?? [];
  const [first, second] = [...compared].sort((x, y) => listed.indexOf(x) - listed.indexOf(y));

  return (
    <div className="credit-stack">
      <section className="panel" aria-labelledby="models-title">
        <h2 id="models-title">{t('credit.models.title')}</h2>
        <ErrorNotice error={models.error} />
        {models.data && <ModelList models={models.data} compared={compared} onCompare={toggleCompared} onChanged={models.reload} />}
        {!models.data && models.loading && <p className="muted">{t('common.loading')}</p>}
      </section>
      {first !== undefined && second !== undefined ? (
        <ModelComparison first={first} second={second} />
      ) : (
        models.data && models.data.length > 1 && <p className="muted small">{t('credit.compare.hint')}</p>
      )}
    </div>
  );
}
