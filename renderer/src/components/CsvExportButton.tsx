import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { useJobRunner } from '../jobs/jobs-context.tsx';
import { ErrorNotice } from './ErrorNotice.tsx';
import { JobProgress } from './JobProgress.tsx';
import { PlaintextSaved } from './PlaintextSaved.tsx';
import { readInChunks, saveDownload } from './save-download.ts';

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
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const running = runner.jobId !== null && !runner.entry?.finished;
  const start = async () => {
    if (!begin) return;
    setSaved(null);
    setError(null);
    const done = await runner.start(begin);
    if (!done || done.error) return;
    try {
      setSaved(await downloadCsvExport(done.job.jobId));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="export">
      <button type="button" className="button" onClick={() => void start()} disabled={!begin || disabled || running} data-testid={testId}>
        {label}
      </button>
      {(runner.jobId || runner.startError || error || saved) && (
        <div className="export-popover" role="status">
          {runner.jobId && <JobProgress jobId={runner.jobId} />}
          <ErrorNotice error={runner.startError ?? error} />
          {saved && <PlaintextSaved file={saved} />}
          {!running && (
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                runner.reset();
                setSaved(null);
                setError(null);
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
