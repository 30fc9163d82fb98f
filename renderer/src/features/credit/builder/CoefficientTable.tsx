import { useTranslation } from 'react-i18next';
import type { DevelopmentReport } from '../../../../../preload/contract/index.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatDecimal, formatPValue } from '../format-stats.ts';
import { ToneBadge } from '../ToneBadge.tsx';

/** The threshold of reports saved before it was a setting: the conventional 5 %. */
const DEFAULT_P_VALUE_THRESHOLD = 0.05;

interface Props {
  readonly model: DevelopmentReport['model'];
  /** Refit without the flagged features; absent where no refit is possible (a saved model, a refit running). */
  readonly onDrop?: (features: readonly string[]) => void;
}

/**
 * The logistic regression on WOE features: coefficients with standard errors and p-values, in model order, each
 * flagged when its sign is wrong or its p-value above the development's threshold, with the offer to drop those.
 */
export function CoefficientTable({ model, onDrop }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const threshold = model.pValueThreshold ?? DEFAULT_P_VALUE_THRESHOLD;
  const flagged = model.coefficients.filter((row) => (row.flags?.length ?? 0) > 0).map((row) => row.feature);
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
            <th scope="col">{t('credit.diagnostics.checks')}</th>
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
              <td />
            </tr>
          )}
          {model.coefficients.map((row) => (
            <tr key={row.feature} data-feature={row.feature} data-flagged={(row.flags?.length ?? 0) > 0}>
              <th scope="row" className="mono name-cell">
                {row.feature}
              </th>
              <td className={`num ${row.flags?.includes('wrong_sign') ? 'value-warn' : ''}`}>{formatDecimal(row.coef, locale, 4)}</td>
              <td className="num">{formatDecimal(row.se, locale, 4)}</td>
              <td className={`num ${row.flags?.includes('not_significant') ? 'value-warn' : ''}`}>{formatPValue(row.pValue, locale)}</td>
              <td>
                <ul className="flag-list" data-testid="coefficient-flags">
                  {(row.flags ?? []).map((flag) => (
                    <li key={flag}>
                      <ToneBadge tone="warn" title={t(`credit.diagnostics.coefficientHints.${flag}`)}>
                        {t(`credit.diagnostics.coefficientFlags.${flag}`, { threshold: formatDecimal(threshold, locale, 2) })}
                      </ToneBadge>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('credit.model.iterations', { count: model.iterations })}</p>
      {onDrop && flagged.length > 0 && (
        <p>
          <button type="button" className="button" data-testid="drop-flagged" title={t('credit.diagnostics.dropHint', { features: flagged.join(', ') })} onClick={() => onDrop(flagged)}>
            {t('credit.diagnostics.dropFlagged', { count: flagged.length })}
          </button>
        </p>
      )}
    </>
  );
}
