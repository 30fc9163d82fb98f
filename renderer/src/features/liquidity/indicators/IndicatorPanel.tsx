import { useTranslation } from 'react-i18next';
import type { LiquidityRunResult } from '../../../../../preload/contract/liquidity.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatIndicator } from './indicator-format.ts';
import { formatDate } from '../../../format/dates.ts';

/** A run's indicators against their thresholds: a breach is marked, with the alert's severity and the product it is about. */
export function IndicatorPanel({ run }: { run: LiquidityRunResult }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <section className="panel" aria-labelledby="indicators-title">
      <h2 id="indicators-title">{t('liquidity.indicators.title', { asOf: formatDate(run.asOf, locale) })}</h2>
      <div className="table-scroll">
        <table className="table table-compact" data-testid="indicator-panel">
          <thead>
            <tr>
              <th scope="col">{t('liquidity.indicators.indicator')}</th>
              <th scope="col" className="num">{t('liquidity.indicators.value')}</th>
              <th scope="col" className="num">{t('liquidity.indicators.threshold')}</th>
              <th scope="col">{t('liquidity.indicators.state')}</th>
              <th scope="col">{t('liquidity.indicators.severity')}</th>
              <th scope="col">{t('liquidity.indicators.product')}</th>
            </tr>
          </thead>
          <tbody>
            {run.indicators.map((entry, index) => (
              <tr key={`${entry.indicator}-${entry.product ?? index}`} data-indicator={entry.indicator}>
                <th scope="row">{t(`liquidity.indicators.names.${entry.indicator}`)}</th>
                <td className="num">{formatIndicator(entry.indicator, entry.value, locale)}</td>
                <td className="num">{formatIndicator(entry.indicator, entry.threshold, locale)}</td>
                <td>
                  <span className={entry.breached ? 'badge badge-error' : 'badge'} data-testid="indicator-state">
                    {entry.breached ? t('liquidity.indicators.breached') : t('liquidity.indicators.ok')}
                  </span>
                </td>
                <td>{t(`liquidity.indicators.severities.${entry.severity}`)}</td>
                <td>{entry.product ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
