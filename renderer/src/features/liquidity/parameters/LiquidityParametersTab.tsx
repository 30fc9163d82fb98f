import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiquidityParameterSet } from '../../../../../preload/contract/liquidity.ts';
import { allows } from '../../../../../preload/contract/permissions.ts';
import type { CallState } from '../../../api/use-call.ts';
import { VersionList } from '../../../components/lifecycle/VersionList.tsx';
import { useUnlocked } from '../../../session/session-context.tsx';
import { LiquidityDraftForm } from './LiquidityDraftForm.tsx';
import { LiquidityParameterSetView } from './LiquidityParameterSetView.tsx';

interface Props {
  readonly sets: CallState<LiquidityParameterSet[]>;
  /** The version shown (the address's, shared with the computed tabs); null: the active one. */
  readonly version: number | null;
  readonly onVersion: (version: number) => void;
}

/** Liquidity parameter sets: every version with its lifecycle (compliance drafts, a second compliance user approves), one in full, a new draft from it. */
export function LiquidityParametersTab({ sets, version, onVersion }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const [drafting, setDrafting] = useState(false);
  const shown = sets.data ? (sets.data.find((set) => set.version === version) ?? sets.data.find((set) => set.status === 'active') ?? sets.data[0]) : undefined;

  return (
    <div className="credit-stack">
      {sets.data && sets.data.length === 0 && <p className="muted">{t('liquidity.parameters.none')}</p>}
      {sets.data && sets.data.length > 0 && (
        <VersionList
          kind="liquidity.parameterSet"
          testId="liquidity-parameter-sets"
          title={t('liquidity.parameters.sets')}
          readOnlyNote={t('liquidity.parameters.readOnly')}
          versions={sets.data}
          selected={shown?.version ?? null}
          onSelect={onVersion}
          onChanged={sets.reload}
        />
      )}
      {shown && !drafting && allows(user.role, 'parameters.edit') && (
        <div>
          <button type="button" className="button" onClick={() => setDrafting(true)} data-testid="new-liquidity-draft">
            {t('liquidity.parameters.newDraft', { version: shown.version })}
          </button>
        </div>
      )}
      {shown && drafting && (
        <LiquidityDraftForm
          base={shown}
          onCancel={() => setDrafting(false)}
          onSaved={(saved) => {
            setDrafting(false);
            sets.reload();
            onVersion(saved.version);
          }}
        />
      )}
      {shown && <LiquidityParameterSetView set={shown} />}
    </div>
  );
}
