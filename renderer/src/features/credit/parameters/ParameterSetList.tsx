import { useTranslation } from 'react-i18next';
import type { ParameterSet } from '../../../../../preload/contract/index.ts';
import { allows } from '../../../../../preload/contract/permissions.ts';
import { api } from '../../../api/client.ts';
import { formatTimestamp } from '../../../format/numbers.ts';
import { useUnlocked } from '../../../session/session-context.tsx';
import { LifecycleBadge } from '../LifecycleBadge.tsx';
import { LifecycleButtons } from '../LifecycleButtons.tsx';
import { LifecycleError } from '../LifecycleError.tsx';
import { useLifecycleAction } from '../use-lifecycle-action.ts';

interface Props {
  readonly sets: readonly ParameterSet[];
  readonly selected: number | null;
  readonly onSelect: (version: number) => void;
  readonly onChanged: () => void;
}

/** Every parameter set version, newest first; compliance approves another's draft and activates approved sets. */
export function ParameterSetList({ sets, selected, onSelect, onChanged }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const canEdit = allows(user.role, 'parameters.edit');
  const { busy, error, run } = useLifecycleAction(onChanged);

  return (
    <section className="panel" aria-labelledby="sets-title">
      <h2 id="sets-title">{t('credit.parameters.sets')}</h2>
      <LifecycleError error={error} />
      <div className="table-scroll">
        <table className="table table-compact" data-testid="parameter-sets">
          <thead>
            <tr>
              <th scope="col">{t('credit.parameters.versionHeading')}</th>
              <th scope="col">{t('credit.models.status')}</th>
              <th scope="col">{t('credit.parameters.fields.note')}</th>
              <th scope="col">{t('credit.models.author')}</th>
              <th scope="col">{t('credit.models.created')}</th>
              <th scope="col">{t('credit.models.approver')}</th>
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
                <td>
                  <LifecycleBadge status={set.status} />
                </td>
                <td className="cell-wrap">{set.note}</td>
                <td>{set.createdBy}</td>
                <td>{formatTimestamp(set.createdAt)}</td>
                <td>{set.approvedBy ?? '—'}</td>
                <td className="row-actions">
                  <LifecycleButtons
                    status={set.status}
                    allowed={canEdit}
                    busy={busy}
                    onApprove={() => void run(() => api.call('credit.approveParameterSet', { version: set.version }))}
                    onActivate={() => void run(() => api.call('credit.activateParameterSet', { version: set.version }))}
                  />
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
