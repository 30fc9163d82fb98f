import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArtefactKind, LifecycleFields } from '../../../../preload/contract/lifecycle.ts';
import { stepPermission } from '../../../../preload/contract/lifecycle.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { formatTimestamp } from '../../format/numbers.ts';
import { useUnlocked } from '../../session/session-context.tsx';
import { LifecycleActions } from './LifecycleActions.tsx';
import { LifecycleCells, LifecycleHeadings } from './LifecycleCells.tsx';
import { LifecycleError } from './LifecycleError.tsx';
import { useLifecycleSteps } from './use-lifecycle-steps.ts';

type Version = LifecycleFields & { readonly version: number; readonly note: string };

interface Props<V extends Version> {
  /** A kind whose steps take the version number as their id. */
  readonly kind: ArtefactKind;
  readonly title: string;
  /** Who may do what with this kind, shown to those who may only read. */
  readonly readOnlyNote: string;
  readonly versions: readonly V[];
  readonly selected: number | null;
  readonly onSelect: (version: number) => void;
  readonly onChanged: () => void;
  /** The table's test id; `<kind with a dash>-versions` unless given. */
  readonly testId?: string;
  /** What a version offers besides its lifecycle steps (an export). */
  readonly rowActions?: (row: V) => ReactNode;
}

/**
 * Every version of a versioned artefact (a parameter set, an SLA table, a playbook or rule set), newest first: the
 * editing role writes and submits drafts, and the reviewing role approves (never what they wrote or submitted: four
 * eyes), rejects with a reason and activates another's. Everyone reads.
 */
export function VersionList<V extends Version>({ kind, title, readOnlyNote, versions, selected, onSelect, onChanged, testId, rowActions }: Props<V>) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const canEdit = allows(user.role, stepPermission(kind, 'submit'));
  const { busy, error, take } = useLifecycleSteps(kind, onChanged);
  const id = testId ?? `${kind.replace('.', '-')}-versions`;

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <LifecycleError error={error} />
      <div className="table-scroll">
        <table className="table table-compact" data-testid={id}>
          <thead>
            <tr>
              <th scope="col">{t('lifecycle.columns.version')}</th>
              <th scope="col">{t('lifecycle.columns.note')}</th>
              <LifecycleHeadings />
              <th scope="col">{t('lifecycle.columns.created')}</th>
              <th scope="col">{t('lifecycle.columns.actions')}</th>
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
                  <LifecycleActions kind={kind} row={row} busy={busy} onStep={(step, words) => take(step, row.version, words)} />
                  {rowActions?.(row)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!canEdit && <p className="muted small">{readOnlyNote}</p>}
    </section>
  );
}
