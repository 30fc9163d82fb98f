import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useJobRunner } from '../jobs/jobs-context.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { JobProgress } from './JobProgress.tsx';
import { DownloadOutcome } from './PlaintextSaved.tsx';
import { readInChunks, saveDownload } from './save-download.ts';
import { useSavedDownload } from './use-saved-download.ts';

/** Read a finished CSV export job's file in chunks and hand it to the browser as a download; returns its name. */
async function downloadCsvExport(jobId: string): Promise<string> {
  const { parts, fileName } = await readInChunks((offset) => api.call('jobs.readExport', { jobId, offset }), (chunk) => chunk.chunk);
  saveDownload(parts, 'text/csv;charset=utf-8', fileName);
  return fileName;
}

/**
 * A CSV export as a job (the loan view, the audit trail): the button starts it with `begin`, a popover follows its
 * progress, saves the file when it is done and says that the saved copy is plaintext.
 */
export function CsvExportButton({ label, begin, disabled = false, testId }: { label: string; begin: (() => Promise<{ jobId: string }>) | null; disabled?: boolean; testId: string }) {
  const { t } = useTranslation();
  const runner = useJobRunner();
  const download = useSavedDownload();

  const running = runner.jobId !== null && !runner.entry?.finished;
  const start = async () => {
    if (!begin) return;
    download.clear();
    const done = await runner.start(begin);
    if (!done || done.error) return;
    await download.save(() => downloadCsvExport(done.job.jobId));
  };

  return (
    <div className="export">
      <button type="button" className="button" onClick={() => void start()} disabled={!begin || disabled || running || download.busy} data-testid={testId}>
        {label}
      </button>
      {(runner.jobId || runner.startError || download.error || download.saved) && (
        <div className="export-popover" role="status">
          {runner.jobId && <JobProgress jobId={runner.jobId} />}
          <ErrorNotice error={runner.startError} />
          <DownloadOutcome download={download} />
          {!running && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                runner.reset();
                download.clear();
              }}
            >
              {t('common.dismiss')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
