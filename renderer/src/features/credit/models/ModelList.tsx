import { useTranslation } from 'react-i18next';
import type { ModelSummary } from '../../../../../preload/contract/index.ts';
import { stepPermission } from '../../../../../preload/contract/lifecycle.ts';
import { allows } from '../../../../../preload/contract/permissions.ts';
import { formatTimestamp } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { useUnlocked } from '../../../session/session-context.tsx';
import { LifecycleActions } from '../../../components/lifecycle/LifecycleActions.tsx';
import { LifecycleCells, LifecycleHeadings } from '../../../components/lifecycle/LifecycleCells.tsx';
import { LifecycleError } from '../../../components/lifecycle/LifecycleError.tsx';
import { useLifecycleSteps } from '../../../components/lifecycle/use-lifecycle-steps.ts';
import { useCreditAddress } from '../credit-address.ts';
import { formatDecimal } from '../format-stats.ts';

interface Props {
  readonly models: readonly ModelSummary[];
  readonly compared: readonly number[];
  readonly onCompare: (modelId: number, on: boolean) => void;
  readonly onChanged: () => void;
}

/**
 * The models, newest first. An analyst submits a draft for review; compliance approves it (never one they wrote or
 * submitted: four eyes) or sends it back with a reason, and activates an approved one. Main enforces all of it, and
 * a refusal is shown as main words it.
 */
export function ModelList({ models, compared, onCompare, onChanged }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { user } = useUnlocked();
  const address = useCreditAddress();
  const canApprove = allows(user.role, stepPermission('credit.model', 'approve'));
  const { busy, error, take } = useLifecycleSteps('credit.model', onChanged);

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
              <LifecycleHeadings />
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
                <th scope="row">
                  {model.name} <span className="muted small">{t('credit.models.id', { id: model.modelId })}</span>
                </th>
                <LifecycleCells row={model} />
                <td>{formatTimestamp(model.createdAt)}</td>
                <td className="num">{model.features.length}</td>
                <td className="num">{formatDecimal(model.metrics?.holdout?.auc, locale)}</td>
                <td className="row-actions">
                  <LifecycleActions kind="credit.model" row={model} busy={busy} onStep={(step, words) => take(step, model.modelId, words)} />
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
