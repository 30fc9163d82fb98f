import { useTranslation } from 'react-i18next';
import type { ParameterSet } from '../../../../../preload/contract/index.ts';
import { stepPermission } from '../../../../../preload/contract/lifecycle.ts';
import { allows } from '../../../../../preload/contract/permissions.ts';
import { LifecycleActions } from '../../../components/lifecycle/LifecycleActions.tsx';
import { LifecycleCells, LifecycleHeadings } from '../../../components/lifecycle/LifecycleCells.tsx';
import { LifecycleError } from '../../../components/lifecycle/LifecycleError.tsx';
import { useLifecycleSteps } from '../../../components/lifecycle/use-lifecycle-steps.ts';
import { formatTimestamp } from '../../../format/numbers.ts';
import { useUnlocked } from '../../../session/session-context.tsx';

interface Props {
  readonly sets: readonly ParameterSet[];
  readonly selected: number | null;
  readonly onSelect: (version: number) => void;
  readonly onChanged: () => void;
}

/**
 * Every parameter set version, newest first. Compliance writes and submits drafts, and approves (never what they
 * wrote or submitted: four eyes), rejects with a reason and activates another's.
 */
export function ParameterSetList({ sets, selected, onSelect, onChanged }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const canEdit = allows(user.role, stepPermission('credit.parameterSet', 'submit'));
  const { busy, error, take } = useLifecycleSteps('credit.parameterSet', onChanged);

  return (
    <section className="panel" aria-labelledby="sets-title">
      <h2 id="sets-title">{t('credit.parameters.sets')}</h2>
      <LifecycleError error={error} />
      <div className="table-scroll">
        <table className="table table-compact" data-testid="parameter-sets">
          <thead>
            <tr>
              <th scope="col">{t('credit.parameters.versionHeading')}</th>
              <th scope="col">{t('credit.parameters.fields.note')}</th>
              <LifecycleHeadings />
              <th scope="col">{t('credit.models.created')}</th>
              <th scope="col">{t('credit.models.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sets.map((set) => (
              <tr key={set.version} className={set.version === selected ? 'row-selected' : undefined}>
                <th scope="row">
                  <button type="button" className="link-button" aria-pressed={set.version === selected} onClick={() => onSelect(set.version)}>
                    v{set.version}
                  </button>
                </th>
                <td className="cell-wrap">{set.note}</td>
                <LifecycleCells row={set} />
                <td>{formatTimestamp(set.createdAt)}</td>
                <td className="row-actions">
                  <LifecycleActions kind="credit.parameterSet" status={set.status} busy={busy} onStep={(step, reason) => take(step, set.version, reason)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!canEdit && <p className="muted small">{t('credit.parameters.readOnly')}</p>}
    </section>
  );
}
