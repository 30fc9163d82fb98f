import { useTranslation } from 'react-i18next';
import type { DevelopmentReport } from '../../../../../preload/contract/index.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatDecimal, formatPValue } from '../format-stats.ts';

/** The logistic regression on WOE features: coefficients with standard errors and p-values, in model order. */
export function CoefficientTable({ model }: { model: DevelopmentReport['model'] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <>
      {model.status !== 'converged' && (
        <p className="notice notice-error" role="alert">
          {t(`credit.model.status.${model.status}`)} {model.message}
        </p>
      )}
      <table className="table table-compact" data-testid="coefficient-table">
        <thead>
          <tr>
            <th scope="col">{t('credit.builder.feature')}</th>
            <th scope="col" className="num">{t('credit.model.coef')}</th>
            <th scope="col" className="num">{t('credit.model.se')}</th>
            <th scope="col" className="num">{t('credit.model.pValue')}</th>
          </tr>
        </thead>
        <tbody>
          {model.intercept !== null && (
            <tr>
              <th scope="row" className="muted">
                {t('credit.model.intercept')}
              </th>
              <td className="num">{formatDecimal(model.intercept, locale, 4)}</td>
              <td className="num">—</td>
              <td className="num">—</td>
            </tr>
          )}
          {model.coefficients.map((row) => (
            <tr key={row.feature}>
              <th scope="row" className="mono name-cell">
                {row.feature}
              </th>
              <td className="num">{formatDecimal(row.coef, locale, 4)}</td>
              <td className="num">{formatDecimal(row.se, locale, 4)}</td>
              <td className={`num ${row.pValue >= 0.05 ? 'value-warn' : ''}`} title={row.pValue >= 0.05 ? t('credit.model.notSignificant') : undefined}>
                {formatPValue(row.pValue, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('credit.model.iterations', { count: model.iterations })}</p>
    </>
  );
}
