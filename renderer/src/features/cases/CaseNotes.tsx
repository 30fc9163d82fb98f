import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Markdown from 'react-markdown';
import type { Case } from '../../../../preload/contract/cases.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatTimestamp } from '../../format/numbers.ts';
import { useUnlocked } from '../../session/session-context.tsx';
import { useCaseChange } from './case-change.ts';

/**
 * Notes in Markdown. react-markdown without rehype-raw turns raw HTML into text, so a `<script>` in a note is shown,
 * never run; links keep to http(s) and mailto (its default URL filter).
 */
export function CaseNotes({ item }: { item: Case }) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const { busy, error, change } = useCaseChange();
  const [markdown, setMarkdown] = useState('');
  const canWrite = allows(user.role, 'cases.edit') && item.status !== 'closed';

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const text = markdown.trim();
    if (!text) return;
    if (await change(() => api.call('cases.note', { caseId: item.caseId, markdown: text }))) setMarkdown('');
  };

  return (
    <section className="panel" aria-labelledby="case-notes" data-testid="case-notes">
      <h2 id="case-notes">{t('cases.notes.title')}</h2>
      {item.notes.length === 0 && <p className="muted">{t('cases.notes.none')}</p>}
      <ol className="case-notes">
        {item.notes.map((note) => (
          <li key={note.noteId} data-testid="case-note">
            <div className="muted small">{t('cases.notes.by', { who: note.author, when: formatTimestamp(note.at) })}</div>
            <div className="markdown">
              <Markdown>{note.markdown}</Markdown>
            </div>
          </li>
        ))}
      </ol>
      {canWrite && (
        <form onSubmit={add} className="case-note-form">
          <label htmlFor="case-note-text" className="small">
            {t('cases.notes.label')}
          </label>
          <textarea id="case-note-text" rows={4} value={markdown} maxLength={20_000} placeholder={t('cases.notes.placeholder')} onChange={(event) => setMarkdown(event.target.value)} />
          <div className="form-actions">
            <button type="submit" className="button button-small button-primary" disabled={busy || markdown.trim() === ''}>
              {t('cases.notes.add')}
            </button>
          </div>
        </form>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
