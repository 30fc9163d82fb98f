import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice.tsx';
import type { SavedDownload } from './use-saved-download.ts';

/**
 * Shown when a download of a file out of the workspace completes (an export, a pack, a PDF, an attachment): the file is
 * outside the encrypted workspace from now on, and the user decides how long it lives (issue 14 §3). A line, not a
 * dialog: the download has happened either way.
 */
function PlaintextSaved({ file }: { file: string }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice-demo small" role="status" data-testid="plaintext-notice">
      {t('downloads.savedPlaintext', { file })}
    </p>
  );
}

/** A download's outcome under its button: the plaintext notice once saved, or why it failed. */
export function DownloadOutcome({ download }: { download: Pick<SavedDownload, 'saved' | 'error'> }) {
  return (
    <>
      {download.saved && <PlaintextSaved file={download.saved} />}
      <ErrorNotice error={download.error} />
    </>
  );
}
