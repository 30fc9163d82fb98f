import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { useCall } from '../../../api/use-call.ts';
import { CsvDownloadButton } from '../../../components/CsvDownloadButton.tsx';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { formatCount, formatMoney, formatTimestamp } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';

/**
 * Every credit run with its history (who ran it when, with which model and parameter set, over how many loans, its ECL
 * and status), exportable as CSV. Read again when `latestRunId` changes, so a run finished here joins the list.
 */
export function RunHistory({ latestRunId }: { readonly latestRunId: number | null }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const runs = useCall(() => api.call('credit.runHistory'), [latestRunId]);
  const list = runs.data ?? [];
  return (
    <section className="panel" aria-labelledby="run-history-title" data-testid="run-history">
      <div className="panel-head">
        <h2 id="run-history-title">{t('credit.runHistory.title')}</h2>
        <CsvDownloadButton testId="export-runs" exportCsv={() => api.call('credit.exportRuns')} disabled={list.length === 0} />
      </div>
      <p className="small muted">{t('credit.runHistory.intro')}</p>
      <ErrorNotice error={runs.error} />
      {runs.data && list.length === 0 && <p className="muted">{t('credit.runHistory.empty')}</p>}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact">
            <thead>
              <tr>
                {(['run', 'asOf', 'status', 'startedBy', 'startedAt', 'finishedAt', 'model', 'parameters', 'loans', 'ecl'] as const).map((column) => (
                  <th key={column} scope="col" className={column === 'loans' || column === 'ecl' ? 'num' : undefined}>
                    {t(`credit.runHistory.columns.${column}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.map((run) => (
                <tr key={run.runId}>
                  <td>#{run.runId}</td>
                  <td>{run.asOf}</td>
                  <td>{t(`credit.runHistory.statuses.${run.status}`)}</td>
                  <td>{run.startedBy}</td>
                  <td>{formatTimestamp(run.startedAt)}</td>
                  <td>{formatTimestamp(run.finishedAt)}</td>
                  <td>{t('credit.runHistory.model', { name: run.modelName, id: run.modelId })}</td>
                  <td>{t('credit.runHistory.parameters', { version: run.parameterVersion })}</td>
                  <td className="num">{run.loans === null ? '—' : formatCount(run.loans, locale)}</td>
                  <td className="num">{run.eclMinor === null || run.currency === null ? '—' : formatMoney(run.eclMinor, run.currency, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
