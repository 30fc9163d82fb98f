import { useTranslation } from 'react-i18next';
import type { StoredReport } from '../../../../preload/contract/reports.ts';
import { formatBytes, formatTimestamp } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';

interface Props {
  readonly reports: readonly StoredReport[];
  readonly selected: number | null;
  readonly onSelect: (reportId: number) => void;
}

/** The reports kept in the workspace, newest first; one opens in the preview. */
export function ReportList({ reports, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  if (reports.length === 0) return <p className="muted">{t('reports.list.none')}</p>;
  return (
    <div className="table-scroll">
      <table className="table table-compact" data-testid="report-list">
        <thead>
          <tr>
            <th scope="col">{t('reports.list.period')}</th>
            <th scope="col">{t('reports.list.language')}</th>
            <th scope="col">{t('reports.list.generated')}</th>
            <th scope="col" className="num">{t('reports.list.size')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((report) => (
            <tr key={report.reportId} className={report.reportId === selected ? 'row-selected' : undefined} data-testid="report-row" data-period={report.period}>
              <th scope="row">
                <button type="button" className="link-button" aria-pressed={report.reportId === selected} onClick={() => onSelect(report.reportId)}>
                  {report.period}
                </button>{' '}
                {report.scheduled && <span className="badge">{t('reports.list.scheduled')}</span>}
              </th>
              <td>{t(`prefs.languages.${report.language}`)}</td>
              <td>
                {formatTimestamp(report.generatedAt)} · {report.generatedBy}
              </td>
              <td className="num">{formatBytes(report.bytes, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
