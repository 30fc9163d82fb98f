import { useTranslation } from 'react-i18next';
import type { ArtefactKind, LifecycleFields } from '../../../../../preload/contract/lifecycle.ts';
import { stepPermission } from '../../../../../preload/contract/lifecycle.ts';
import { allows } from '../../../../../preload/contract/permissions.ts';
import { LifecycleActions } from '../../../components/lifecycle/LifecycleActions.tsx';
import { LifecycleCells, LifecycleHeadings } from '../../../components/lifecycle/LifecycleCells.tsx';
import { LifecycleError } from '../../../components/lifecycle/LifecycleError.tsx';
import { useLifecycleSteps } from '../../../components/lifecycle/use-lifecycle-steps.ts';
import { formatTimestamp } from '../../../format/numbers.ts';
import { useUnlocked } from '../../../session/session-context.tsx';

type Version = LifecycleFields & { readonly version: number; readonly note: string };

interface Props {
  readonly kind: Extract<ArtefactKind, 'cases.slaTable' | 'cases.playbooks'>;
  readonly title: string;
  readonly versions: readonly Version[];
  readonly selected: number | null;
  readonly onSelect: (version: number) => void;
  readonly onChanged: () => void;
}

/**
 * Every version of an SLA table or playbook set, newest first, as the parameter-set list shows its kind: compliance
 * writes and submits drafts, and approves (never what they wrote or submitted: four eyes), rejects with a reason
 * and activates another's. Everyone reads.
 */
export function VersionList({ kind, title, versions, selected, onSelect, onChanged }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const canEdit = allows(user.role, stepPermission(kind, 'submit'));
  const { busy, error, take } = useLifecycleSteps(kind, onChanged);
  const id = `${kind.replace('.', '-')}-versions`;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <LifecycleError error={error} />
      <div className="table-scroll">
        <table className="table table-compact" data-testid={id}>
          <thead>
            <tr>
              <th scope="col">{t('caseSettings.version')}</th>
              <th scope="col">{t('caseSettings.note')}</th>
              <LifecycleHeadings />
              <th scope="col">{t('caseSettings.created')}</th>
              <th scope="col">{t('caseSettings.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((row) => (
              <tr key={row.version} className={row.version === selected ? 'row-selected' : undefined} data-version={row.version}>
                <th scope="row">
                  <button type="button" className="link-button" aria-pressed={row.version === selected} onClick={() => onSelect(row.version)}>
                    v{row.version}
                  </button>
                </th>
                <td className="cell-wrap">{row.note}</td>
                <LifecycleCells row={row} />
                <td>{formatTimestamp(row.createdAt)}</td>
                <td className="row-actions">
                  <LifecycleActions kind={kind} status={row.status} busy={busy} onStep={(step, reason) => take(step, row.version, reason)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!canEdit && <p className="muted small">{t('caseSettings.readOnly')}</p>}
    </section>
  );
}
