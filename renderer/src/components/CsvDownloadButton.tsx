import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CsvFile } from '../../../preload/contract/index.ts';
import { allows } from '../../../preload/contract/permissions.ts';
import { useUnlocked } from '../session/session-context.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { PlaintextSaved } from './PlaintextSaved.tsx';
import { saveDownload } from './save-download.ts';

interface Props {
  /** Asks main for the CSV (which audits the export) when the button is pressed. */
  readonly exportCsv: () => Promise<CsvFile>;
  readonly testId: string;
  readonly disabled?: boolean;
}

/**
 * Downloads a list main hands over as one CSV (the credit runs, the pricing check), then says that the file now lives
 * outside the encrypted workspace. Nothing for a role that may not export data.
 */
export function CsvDownloadButton({ exportCsv, testId, disabled = false }: Props) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!allows(user.role, 'portfolio.export')) return null;

  const download = async () => {
    setBusy(true);
    setSaved(null);
    setError(null);
    try {
      const file = await exportCsv();
      saveDownload([file.csv], 'text/csv;charset=utf-8', file.fileName);
      setSaved(file.fileName);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export">
      <button type="button" className="button button-small" onClick={() => void download()} disabled={disabled || busy} data-testid={testId}>
        {t('downloads.exportCsv')}
      </button>
      <ErrorNotice error={error} />
      {saved && <PlaintextSaved file={saved} />}
    </div>
  );
}
