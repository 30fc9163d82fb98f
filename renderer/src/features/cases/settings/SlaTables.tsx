import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ALERT_SEVERITIES } from '../../../../../preload/contract/alerts.ts';
import { CASE_TYPES, type CaseType, type SlaTable } from '../../../../../preload/contract/cases.ts';
import type { AlertSeverity } from '../../../../../preload/contract/alerts.ts';
import { api } from '../../../api/client.ts';
import { DraftFooter } from '../../../components/lifecycle/DraftFooter.tsx';
import { LifecycleBadge } from '../../../components/lifecycle/LifecycleBadge.tsx';
import { VersionByline } from '../../../components/lifecycle/VersionByline.tsx';
import { readSlaDraft, slaField, toSlaDraft, type DraftProblem, type SlaDraft } from './settings-draft.ts';

/** One SLA table, read-only: hours from a case opening to its due date, case type by priority. */
export function SlaTableView({ table }: { table: SlaTable }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="sla-view-title" data-testid="sla-table" data-version={table.version}>
      <div className="panel-head">
        <h2 id="sla-view-title">{t('caseSettings.sla.version', { version: table.version })}</h2>
        <LifecycleBadge status={table.status} />
      </div>
      <VersionByline row={table} />
      <table className="table table-compact sla-grid">
        <caption className="muted small">{t('caseSettings.sla.caption')}</caption>
        <SlaHead />
        <tbody>
          {CASE_TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">{t(`cases.types.${type}`)}</th>
              {ALERT_SEVERITIES.map((priority) => (
                <td key={priority} className="num" data-cell={slaField(type, priority)}>
                  {table.document[type][priority]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

interface FormProps {
  readonly base: SlaTable;
  readonly onSaved: (saved: SlaTable) => void;
  readonly onCancel: () => void;
}

/** A new draft SLA table starting from an existing version: a 4×4 grid of hours; checked here first, then by main. */
export function SlaDraftForm({ base, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SlaDraft>(() => toSlaDraft(base.document));
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<readonly DraftProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const invalid = new Set(problems.map((problem) => problem.field));

  const cellLabel = (type: CaseType, priority: AlertSeverity) => t('caseSettings.sla.cellLabel', { type: t(`cases.types.${type}`), priority: t(`cases.priorities.${priority}`) });
  const fieldLabel = (field: string): string => {
    if (field === 'note') return t('lifecycle.draft.note');
    const [type, priority] = field.split('.') as [CaseType, AlertSeverity];
    return cellLabel(type, priority);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readSlaDraft(draft, note);
    setProblems(read.ok ? [] : read.problems);
    if (!read.ok) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.call('cases.saveSlaTableDraft', { document: read.document, note: read.note }));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="sla-draft-title" data-testid="sla-draft">
      <h2 id="sla-draft-title">{t('caseSettings.newDraftFrom', { version: base.version })}</h2>
      <table className="table table-compact sla-grid">
        <caption className="muted small">{t('caseSettings.sla.caption')}</caption>
        <SlaHead />
        <tbody>
          {CASE_TYPES.map((type) => (
            <tr key={type}>
              <th scope="row">{t(`cases.types.${type}`)}</th>
              {ALERT_SEVERITIES.map((priority) => (
                <td key={priority}>
                  <input
                    className="input-narrow"
                    inputMode="numeric"
                    value={draft[type][priority]}
                    aria-label={cellLabel(type, priority)}
                    aria-invalid={invalid.has(slaField(type, priority))}
                    onChange={(event) => setDraft({ ...draft, [type]: { ...draft[type], [priority]: event.target.value } })}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <DraftFooter
        note={note}
        onNote={setNote}
        noteInvalid={invalid.has('note')}
        saving={saving}
        onCancel={onCancel}
        problems={problems.map((problem) => `${fieldLabel(problem.field)}: ${t(`caseSettings.problems.${problem.key}`, problem.values)}`)}
        error={error}
      />
    </form>
  );
}

/** The header of an SLA grid: case type, then the priorities from low to critical. */
function SlaHead() {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        <th scope="col">{t('caseSettings.sla.type')}</th>
        {ALERT_SEVERITIES.map((priority) => (
          <th key={priority} scope="col" className="num">
            {t(`cases.priorities.${priority}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
