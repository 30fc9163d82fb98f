import { useTranslation } from 'react-i18next';
import type { ImportSummaryResult } from '../../../../preload/contract/jobs.ts';

/**
 * The values a finished import took in (or a check found it would take in) but found unusual (a 48 % rate, a 20-year
 * term), located like rejected values, so the user can check them and correct the file if one is a typo. Nothing for
 * a file without warnings.
 */
export function ImportWarnings({ summary }: { readonly summary: ImportSummaryResult }) {
  const { t } = useTranslation();
  const { warnings, written } = summary;
  const { total, first } = warnings;
  if (total === 0) return null;
  return (
    <div className="notice notice-warning" role="status" data-testid="import-warnings">
      <p>{t(written ? 'settings.data.warnings.intro' : 'settings.data.warnings.checkedIntro', { count: total })}</p>
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">{t('settings.data.warnings.row')}</th>
            <th scope="col">{t('settings.data.warnings.column')}</th>
            <th scope="col">{t('settings.data.warnings.value')}</th>
            <th scope="col">{t('settings.data.warnings.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {first.map((warning) => (
            <tr key={`${warning.row}-${warning.column ?? ''}`}>
              <td>{warning.row}</td>
              <td className="mono">{warning.column}</td>
              <td className="mono">{warning.value}</td>
              <td>{warning.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > first.length && <p className="small muted">{t('settings.data.warnings.more', { count: total - first.length })}</p>}
    </div>
  );
}
