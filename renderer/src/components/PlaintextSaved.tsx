import { useTranslation } from 'react-i18next';

/**
 * Shown when a download of a file out of the workspace completes (an export, a pack, a PDF, an attachment): the file is
 * outside the encrypted workspace from now on, and the user decides how long it lives (issue 14 §3). A line, not a
 * dialog: the download has happened either way.
 */
export function PlaintextSaved({ file }: { file: string }) {
  const { t } = useTranslation();
  return (
    <p className="notice notice-demo small" role="status" data-testid="plaintext-notice">
      {t('downloads.savedPlaintext', { file })}
    </p>
  );
}
