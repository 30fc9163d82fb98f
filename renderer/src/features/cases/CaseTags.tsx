import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../preload/contract/cases.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { useCaseChange } from './case-change.ts';

/** The case's tags; editing replaces them all (main checks each one). */
export function CaseTags({ item }: { item: Case }) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const { busy, error, change } = useCaseChange();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const canEdit = allows(user.role, 'cases.edit') && item.status !== 'closed';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const tags = [...new Set(text.split(',').map((tag) => tag.trim()).filter((tag) => tag !== ''))];
    if (await change(() => api.call('cases.setTags', { caseId: item.caseId, tags }))) setEditing(false);
  };

  return (
    <section className="panel" aria-labelledby="case-tags" data-testid="case-tags">
      <h2 id="case-tags">{t('cases.tags.title')}</h2>
      {editing ? (
        <form className="inline-form" onSubmit={save}>
          <input className="input-wide" value={text} onChange={(event) => setText(event.target.value)} aria-label={t('cases.tags.label')} autoFocus />
          <button type="submit" className="button button-small button-primary" disabled={busy}>
            {t('common.save')}
          </button>
          <button type="button" className="button button-small" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <div className="case-tags">
          {item.tags.length === 0 && <span className="muted">{t('cases.tags.none')}</span>}
          {item.tags.map((tag) => (
            <span key={tag} className="badge case-tag">
              {tag}
            </span>
          ))}
          {canEdit && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setText(item.tags.join(', '));
                setEditing(true);
              }}
            >
              {t('cases.tags.edit')}
            </button>
          )}
        </div>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
