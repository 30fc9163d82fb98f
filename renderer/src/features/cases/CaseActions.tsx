import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_ACTIONS, type Case, type CaseAction } from '../../../../preload/contract/cases.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatTimestamp } from '../../format/numbers.ts';
import { useUnlocked } from '../../session/session-context.tsx';
import { useCaseChange } from './case-change.ts';
import { EntityLink } from './EntityLink.tsx';

/** Actions taken on the case (freeze an account, reduce a limit, …), each on the case or one of its entities. */
export function CaseActions({ item }: { item: Case }) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const { busy, error, change } = useCaseChange();
  const [action, setAction] = useState<CaseAction>(CASE_ACTIONS[0]);
  const [subject, setSubject] = useState('');
  const [note, setNote] = useState('');
  const canRecord = allows(user.role, 'cases.edit') && item.status !== 'closed';

  const record = async (event: FormEvent) => {
    event.preventDefault();
    const entity = subject === '' ? undefined : item.entities[Number(subject)];
    const recorded = await change(() => api.call('cases.action', { caseId: item.caseId, action, note: note.trim(), ...(entity ? { subject: entity } : {}) }));
    if (recorded) setNote('');
  };

  return (
    <section className="panel" aria-labelledby="case-actions" data-testid="case-actions">
      <h2 id="case-actions">{t('cases.actions.title')}</h2>
      {item.actions.length === 0 && <p className="muted">{t('cases.actions.none')}</p>}
      <ul className="case-list">
        {item.actions.map((entry) => (
          <li key={entry.actionId} data-testid="case-action">
            <strong>{t(`cases.actionNames.${entry.action}`)}</strong> {entry.subject && <EntityLink subject={entry.subject} />}
            {entry.note && <span> · {entry.note}</span>}
            <div className="muted small">{t('cases.actions.by', { who: entry.by, when: formatTimestamp(entry.at) })}</div>
          </li>
        ))}
      </ul>
      {canRecord && (
        <form className="form-row case-action-form" onSubmit={record}>
          <label className="field">
            <span>{t('cases.actions.action')}</span>
            <select value={action} onChange={(event) => setAction(event.target.value as CaseAction)}>
              {CASE_ACTIONS.map((code) => (
                <option key={code} value={code}>
                  {t(`cases.actionNames.${code}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('cases.actions.subject')}</span>
            <select value={subject} onChange={(event) => setSubject(event.target.value)}>
              <option value="">{t('cases.actions.noSubject')}</option>
              {item.entities.map((entity, index) => (
                <option key={`${entity.type}:${entity.id}`} value={String(index)}>
                  {t(`cases.entities.types.${entity.type}`)} {entity.id}
                </option>
              ))}
            </select>
          </label>
          <label className="field case-action-note">
            <span>{t('cases.actions.note')}</span>
            <input value={note} maxLength={2000} onChange={(event) => setNote(event.target.value)} />
          </label>
          <button type="submit" className="button button-small" disabled={busy}>
            {t('cases.actions.record')}
          </button>
        </form>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
