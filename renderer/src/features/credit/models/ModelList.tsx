import { useTranslation } from 'react-i18next';
import type { ModelSummary } from '../../../../../preload/contract/index.ts';
import { allows } from '../../../../../preload/contract/permissions.ts';
import { api } from '../../../api/client.ts';
import { formatTimestamp } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { useUnlocked } from '../../../session/session-context.tsx';
import { useCreditAddress } from '../credit-address.ts';
import { formatDecimal } from '../format-stats.ts';
import { LifecycleBadge } from '../LifecycleBadge.tsx';
import { LifecycleButtons } from '../LifecycleButtons.tsx';
import { LifecycleError } from '../LifecycleError.tsx';
import { useLifecycleAction } from '../use-lifecycle-action.ts';

interface Props {
  readonly models: readonly ModelSummary[];
  readonly compared: readonly number[];
  readonly onCompare: (modelId: number, on: boolean) => void;
  readonly onChanged: () => void;
}

/**
 * The models, newest first. Compliance approves a draft (never one they wrote: four eyes) and activates an
 * approved one; main enforces both, and a refusal is shown as main words it.
 */
export function ModelList({ models, compared, onCompare, onChanged }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { user } = useUnlocked();
  const address = useCreditAddress();
  const canApprove = allows(user.role, 'models.approve');
  const { busy, error, run } = useLifecycleAction(onChanged);

  if (models.length === 0) return <p className="muted">{t('credit.models.none')}</p>;
  return (
    <>
      <LifecycleError error={error} />
      <div className="table-scroll table-tall">
        <table className="table table-compact" data-testid="model-table">
          <thead>
            <tr>
              <th scope="col">{t('credit.compare.pick')}</th>
              <th scope="col">{t('credit.models.name')}</th>
              <th scope="col">{t('credit.models.status')}</th>
              <th scope="col">{t('credit.models.author')}</th>
              <th scope="col">{t('credit.models.approver')}</th>
              <th scope="col">{t('credit.models.created')}</th>
              <th scope="col" className="num">{t('credit.models.features')}</th>
              <th scope="col" className="num" title={t('credit.models.aucHint')}>
                {t('credit.models.holdoutAuc')}
              </th>
              <th scope="col">{t('credit.models.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {models.map((model) => (
              <tr key={model.modelId} data-model={model.name}>
                <td>
                  <input
                    type="checkbox"
                    checked={compared.includes(model.modelId)}
                    onChange={(event) => onCompare(model.modelId, event.target.checked)}
                    aria-label={t('credit.compare.pickModel', { name: model.name })}
                  />
                </td>
                <th scope="row">{model.name}</th>
                <td>
                  <LifecycleBadge status={model.status} />
                </td>
                <td>{model.createdBy}</td>
                <td>{model.approvedBy ?? '—'}</td>
                <td>{formatTimestamp(model.createdAt)}</td>
                <td className="num">{model.features.length}</td>
                <td className="num">{formatDecimal(model.metrics?.holdout?.auc, locale)}</td>
                <td className="row-actions">
                  <LifecycleButtons
                    status={model.status}
                    allowed={canApprove}
                    busy={busy}
                    onApprove={() => void run(() => api.call('credit.approveModel', { modelId: model.modelId }))}
                    onActivate={() => void run(() => api.call('credit.activateModel', { modelId: model.modelId }))}
                  />
                  <button type="button" className="button button-small" onClick={() => address.open('validation', { model: model.modelId })}>
                    {t('credit.models.validate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!canApprove && <p className="muted small">{t('credit.models.approveNote')}</p>}
    </>
  );
}
