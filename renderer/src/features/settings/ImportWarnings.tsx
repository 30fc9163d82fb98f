import { useTranslation } from 'react-i18next';
import { importSummarySchema } from '../../../../preload/contract/jobs.ts';

/**
 * The values a finished import took in but found unusual (a 48 % rate, a 20-year term), located like rejected
 * values, so the user can check them and re-import the file corrected if one was a typo. Nothing for any other
 * job's result, or an import without warnings.
 */
export function ImportWarnings({ result }: { readonly result: unknown }) {
  const { t } = useTranslation();
  const parsed = importSummarySchema.safeParse(result);
  if (!parsed.success || parsed.data.warnings.total === 0) return null;
  const { total, first } = parsed.data.warnings;
  return (
    <div className="notice notice-warning" role="status" data-testid="import-warnings">
      <p>{t('settings.data.warnings.intro', { count: total })}</p>
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
