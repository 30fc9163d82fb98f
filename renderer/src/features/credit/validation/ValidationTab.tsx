import { useTranslation } from 'react-i18next';
import type { ModelSummary } from '../../../../../preload/contract/index.ts';
import { api } from '../../../api/client.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { Field } from '../../../components/Field.tsx';
import { useCreditAddress } from '../credit-address.ts';
import { useCall } from '../../../api/use-call.ts';
import { ModelValidation } from './ModelValidation.tsx';

/** The model to validate: the one in the address, else the active one, else the newest. */
function defaultModel(models: readonly ModelSummary[], requested: number | null): ModelSummary | undefined {
  return models.find((model) => model.modelId === requested) ?? models.find((model) => model.status === 'active') ?? models[0];
}

/** A model's discrimination, calibration and stability, on its development sample and on today's portfolio. */
export function ValidationTab() {
  const { t } = useTranslation();
  const address = useCreditAddress();
  const models = useCall(() => api.call('credit.models'), []);
  const model = models.data ? defaultModel(models.data, address.model) : undefined;

  return (
    <div className="credit-stack">
      <ErrorNotice error={models.error} />
      {models.data && models.data.length === 0 && <p className="muted">{t('credit.models.none')}</p>}
      {models.data && model && (
        <div className="form-row">
          <Field label={t('credit.validation.model')}>
            <select value={model.modelId} onChange={(event) => address.select('model', Number(event.target.value))} data-testid="validation-model">
              {models.data.map((option) => (
                <option key={option.modelId} value={option.modelId}>
                  {option.name} · {t(`lifecycle.states.${option.status}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      {model && <ModelValidation key={model.modelId} modelId={model.modelId} />}
    </div>
  );
}
