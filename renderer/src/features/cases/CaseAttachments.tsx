import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_ATTACHMENT_BYTES, type Case, type CaseAttachment } from '../../../../preload/contract/cases.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { uploadFile } from '../../api/upload-file.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { DownloadOutcome } from '../../components/PlaintextSaved.tsx';
import { bytesOf, saveDownload } from '../../components/save-download.ts';
import { useSavedDownload } from '../../components/use-saved-download.ts';
import { formatBytes, formatPercent, formatTimestamp } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { useCaseChange } from './case-change.ts';

const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/i;

/**
 * Files kept on the case, encrypted in the workspace with their SHA-256: uploaded in chunks (the import's upload
 * flow) and then attached; downloaded as main hands them back, checked against their hash.
 */
export function CaseAttachments({ item }: { item: Case }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { user } = useUnlocked();
  const { busy, error, change } = useCaseChange();
  const [progress, setProgress] = useState<number | null>(null);
  const [localError, setLocalError] = useState<unknown>(null);
  const attachmentDownload = useSavedDownload();
  const input = useRef<HTMLInputElement>(null);
  const canAttach = allows(user.role, 'cases.edit') && item.status !== 'closed';

  const attach = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setLocalError(null);
    if (!file) return;
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setLocalError(new Error(t('cases.attachments.tooLarge', { name: file.name, size: formatBytes(file.size, locale), max: formatBytes(MAX_ATTACHMENT_BYTES, locale) })));
      return;
    }
    const mediaType = MEDIA_TYPE.test(file.type) ? file.type : 'application/octet-stream';
    setProgress(0);
    await change(async () => {
      const uploadId = await uploadFile(file, (sent, total) => setProgress(total > 0 ? sent / total : 1));
      return api.call('cases.attach', { caseId: item.caseId, uploadId, mediaType });
    });
    setProgress(null);
  };

  const download = (attachment: CaseAttachment) => {
    setLocalError(null);
    return attachmentDownload.save(async () => {
      const content = await api.call('cases.attachment', { caseId: item.caseId, attachmentId: attachment.attachmentId });
      saveDownload([bytesOf(content.contentBase64)], content.mediaType, content.name);
      return content.name;
    });
  };

  return (
    <section className="panel" aria-labelledby="case-attachments" data-testid="case-attachments">
      <h2 id="case-attachments">{t('cases.attachments.title')}</h2>
      {item.attachments.length === 0 && <p className="muted">{t('cases.attachments.none')}</p>}
      <ul className="case-list">
        {item.attachments.map((attachment) => (
          <li key={attachment.attachmentId} data-testid="case-attachment">
            <button type="button" className="link-button" onClick={() => void download(attachment)} title={t('cases.attachments.download')}>
              {attachment.name}
            </button>
            <div className="muted small">
              {t('cases.attachments.meta', { size: formatBytes(attachment.size, locale), by: attachment.addedBy, when: formatTimestamp(attachment.addedAt) })}
              <span className="mono"> · sha256 {attachment.sha256.slice(0, 12)}…</span>
            </div>
          </li>
        ))}
      </ul>
      {canAttach && (
        <div className="inline-form">
          <input ref={input} type="file" className="visually-hidden" onChange={(event) => void attach(event)} data-testid="attach-file" />
          <button type="button" className="button button-small" disabled={busy} onClick={() => input.current?.click()}>
            {t('cases.attachments.add')}
          </button>
          {progress !== null && <span className="muted small">{t('cases.attachments.uploading', { percent: formatPercent(progress, locale, 0) })}</span>}
        </div>
      )}
      <DownloadOutcome download={attachmentDownload} />
      <ErrorNotice error={error ?? localError} />
    </section>
  );
}
