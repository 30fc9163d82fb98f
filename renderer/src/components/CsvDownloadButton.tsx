import { useTranslation } from 'react-i18next';
import type { CsvFile } from '../../../preload/contract/index.ts';
import { allows } from '../../../preload/contract/permissions.ts';
import { useUnlocked } from '../session/session-context.tsx';
import { DownloadOutcome } from './PlaintextSaved.tsx';
import { saveDownload } from './save-download.ts';
import { useSavedDownload } from './use-saved-download.ts';

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
  const download = useSavedDownload();
  if (!allows(user.role, 'portfolio.export')) return null;

  const save = () =>
    download.save(async () => {
      const file = await exportCsv();
      saveDownload([file.csv], 'text/csv;charset=utf-8', file.fileName);
      return file.fileName;
    });

  return (
    <div className="export">
      <button type="button" className="button button-small" onClick={() => void save()} disabled={disabled || download.busy} data-testid={testId}>
        {t('downloads.exportCsv')}
      </button>
      <DownloadOutcome download={download} />
    </div>
  );
}
