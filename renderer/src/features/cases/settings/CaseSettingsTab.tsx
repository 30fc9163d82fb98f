import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ARTEFACT_KINDS } from '../../../../../preload/contract/lifecycle.ts';
import { allows } from '../../../../../preload/contract/permissions.ts';
import { api } from '../../../api/client.ts';
import { useCall } from '../../../api/use-call.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { VersionList } from '../../../components/lifecycle/VersionList.tsx';
import { useUnlocked } from '../../../session/session-context.tsx';
import { PlaybookDraftForm } from './PlaybookDraftForm.tsx';
import { PlaybookSetView } from './PlaybookSetView.tsx';
import { SlaDraftForm, SlaTableView } from './SlaTables.tsx';

type Param = 'sla' | 'playbooks';

/** The version named in the address (`?sla=3`, `?playbooks=2`), else the active one, else the newest. */
function shownOf<T extends { version: number; status: string }>(rows: readonly T[] | null, version: number | null): T | undefined {
  if (!rows) return undefined;
  return rows.find((row) => row.version === version) ?? rows.find((row) => row.status === 'active') ?? rows[0];
}

function useSelection(name: Param): [number | null, (version: number) => void] {
  const [params, setParams] = useSearchParams();
  const value = Number(params.get(name));
  const select = useCallback(
    (version: number) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(name, String(version));
          return next;
        },
        { replace: true },
      ),
    [name, setParams],
  );
  return [Number.isInteger(value) && value > 0 ? value : null, select];
}

/**
 * The cases' parameter sets: SLA tables (hours to the due date per case type and priority) and response playbook
 * sets, each a version list with its lifecycle, one version shown in full, and for compliance a new draft from it.
 */
export function CaseSettingsTab() {
  return (
    <div className="credit-stack">
      <SlaSection />
      <PlaybooksSection />
    </div>
  );
}

function SlaSection() {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const tables = useCall(() => api.call('cases.slaTables'), []);
  const [version, select] = useSelection('sla');
  const [drafting, setDrafting] = useState(false);
  const shown = shownOf(tables.data, version);
  const canEdit = allows(user.role, ARTEFACT_KINDS['cases.slaTable'].edit);

  return (
    <>
      <ErrorNotice error={tables.error} />
      {tables.data && tables.data.length === 0 && <p className="muted">{t('caseSettings.sla.none')}</p>}
      {tables.data && tables.data.length > 0 && (
        <VersionList kind="cases.slaTable" title={t('caseSettings.sla.title')} readOnlyNote={t('caseSettings.readOnly')} versions={tables.data} selected={shown?.version ?? null} onSelect={select} onChanged={tables.reload} />
      )}
      {shown && !drafting && canEdit && (
        <div>
          <button type="button" className="button" onClick={() => setDrafting(true)} data-testid="new-sla-draft">
            {t('caseSettings.newDraft', { version: shown.version })}
          </button>
        </div>
      )}
      {shown && drafting && canEdit && (
        <SlaDraftForm
          key={shown.version}
          base={shown}
          onCancel={() => setDrafting(false)}
          onSaved={(saved) => {
            setDrafting(false);
            tables.reload();
            select(saved.version);
          }}
        />
      )}
      {shown && <SlaTableView table={shown} />}
    </>
  );
}

function PlaybooksSection() {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const sets = useCall(() => api.call('cases.playbookSets'), []);
  const [version, select] = useSelection('playbooks');
  const [drafting, setDrafting] = useState(false);
  const shown = shownOf(sets.data, version);
  const canEdit = allows(user.role, ARTEFACT_KINDS['cases.playbooks'].edit);

  return (
    <>
      <ErrorNotice error={sets.error} />
      {sets.data && sets.data.length === 0 && <p className="muted">{t('caseSettings.playbooks.none')}</p>}
      {sets.data && sets.data.length > 0 && (
        <VersionList kind="cases.playbooks" title={t('caseSettings.playbooks.title')} readOnlyNote={t('caseSettings.readOnly')} versions={sets.data} selected={shown?.version ?? null} onSelect={select} onChanged={sets.reload} />
      )}
      {shown && !drafting && canEdit && (
        <div>
          <button type="button" className="button" onClick={() => setDrafting(true)} data-testid="new-playbooks-draft">
            {t('caseSettings.newDraft', { version: shown.version })}
          </button>
        </div>
      )}
      {shown && drafting && canEdit && (
        <PlaybookDraftForm
          key={shown.version}
          base={shown}
          onCancel={() => setDrafting(false)}
          onSaved={(saved) => {
            setDrafting(false);
            sets.reload();
            select(saved.version);
          }}
        />
      )}
      {shown && <PlaybookSetView set={shown} />}
    </>
  );
}
