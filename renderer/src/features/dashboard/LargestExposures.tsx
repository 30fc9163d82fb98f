import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Dashboard } from '../../../../preload/contract/index.ts';
import { codeLabel } from '../../components/code-labels.ts';
import { formatCount, formatMoney, formatPercent } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';

/** The borrowers with the most outstanding; each opens the portfolio on that borrower's loans. */
export function LargestExposures({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  if (data.largestExposures.length === 0) return <p className="muted empty">{t('dashboard.noData')}</p>;
  return (
    <table className="table table-compact" data-testid="largest-exposures">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('dashboard.borrower')}</th>
          <th scope="col">{t('dashboard.region')}</th>
          <th scope="col" className="num">{t('dashboard.loans')}</th>
          <th scope="col" className="num">{t('dashboard.outstanding')}</th>
          <th scope="col" className="num">{t('dashboard.share')}</th>
        </tr>
      </thead>
      <tbody>
        {data.largestExposures.map((row, index) => (
          <tr key={row.borrowerId}>
            <td className="muted">{index + 1}</td>
            <td>
              <Link to={`/portfolio?borrower=${encodeURIComponent(row.borrowerId)}`} className="mono">
                {row.borrowerId}
              </Link>
            </td>
            <td>{codeLabel(t, 'regions', row.region)}</td>
            <td className="num">{formatCount(row.loans, locale)}</td>
            <td className="num">{formatMoney(row.outstandingMinor, data.currency, locale)}</td>
            <td className="num">{formatPercent(data.outstandingMinor > 0 ? row.outstandingMinor / data.outstandingMinor : 0, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
