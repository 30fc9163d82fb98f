import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allows } from '../../../../../preload/contract/permissions.ts';
import { api } from '../../../api/client.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { VersionList } from '../../../components/lifecycle/VersionList.tsx';
import { useUnlocked } from '../../../session/session-context.tsx';
import { useCreditAddress } from '../credit-address.ts';
import { useCall } from '../../../api/use-call.ts';
import { ParameterDraftForm } from './ParameterDraftForm.tsx';
import { ParameterSetView } from './ParameterSetView.tsx';

/** IFRS 9 parameter sets: every version with its status, one shown in full, and a new draft from it. */
export function ParametersTab() {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const address = useCreditAddress();
  const sets = useCall(() => api.call('credit.parameterSets'), []);
  const [drafting, setDrafting] = useState(false);
  const shown = sets.data ? (sets.data.find((set) => set.version === address.version) ?? sets.data.find((set) => set.status === 'active') ?? sets.data[0]) : undefined;

  return (
    <div className="credit-stack">
      <ErrorNotice error={sets.error} />
      {sets.data && sets.data.length === 0 && <p className="muted">{t('credit.parameters.none')}</p>}
      {sets.data && sets.data.length > 0 && (
        <VersionList
          kind="credit.parameterSet"
          testId="parameter-sets"
          title={t('credit.parameters.sets')}
          readOnlyNote={t('credit.parameters.readOnly')}
          versions={sets.data}
          selected={shown?.version ?? null}
          onSelect={(version) => address.select('version', version)}
          onChanged={sets.reload}
        />
      )}
      {shown && !drafting && allows(user.role, 'parameters.edit') && (
        <div>
          <button type="button" className="button" onClick={() => setDrafting(true)} data-testid="new-draft">
            {t('credit.parameters.newDraft', { version: shown.version })}
          </button>
        </div>
      )}
      {shown && drafting && (
        <ParameterDraftForm
          base={shown}
          onCancel={() => setDrafting(false)}
          onSaved={(saved) => {
            setDrafting(false);
            sets.reload();
            address.select('version', saved.version);
          }}
        />
      )}
      {shown && <ParameterSetView set={shown} />}
    </div>
  );
}
