import type { GridApi } from 'ag-grid-community';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoanRow } from '../../../../preload/contract/index.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { PlaintextSaved } from '../../components/PlaintextSaved.tsx';
import { useJobRunner } from '../../jobs/jobs-context.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { downloadExport, exportArgsFor } from './export-loans.ts';

/** CSV export of exactly what the loan grid shows (filters, sort, visible columns), as a job. */
export function ExportButton({ grid, filterFactors }: { grid: GridApi<LoanRow> | null; filterFactors: Readonly<Record<string, number>> }) {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const runner = useJobRunner();
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!allows(user.role, 'portfolio.export')) return null;

  const running = runner.jobId !== null && !runner.entry?.finished;
  const start = async () => {
    if (!grid) return;
    setSaved(null);
    setError(null);
    const args = exportArgsFor(grid, filterFactors);
    const done = await runner.start(() => api.call('portfolio.exportLoans', args));
    if (!done || done.error) return;
    try {
      setSaved(await downloadExport(done.job.jobId));
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <div className="export">
      <button type="button" className="button" onClick={() => void start()} disabled={!grid || running} data-testid="export-csv">
        {t('portfolio.exportCsv')}
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
