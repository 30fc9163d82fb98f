import { useTranslation } from 'react-i18next';
import type { ReportFigures } from '../../../../preload/contract/reports.ts';
import { formatMajorMoney, formatPercent } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { formatIndicator } from '../liquidity/indicators/indicator-format.ts';
import { ReportKpis } from './ReportSection.tsx';
import { formatDate } from '../../format/dates.ts';

type Liquidity = NonNullable<ReportFigures['liquidity']>;

/** The liquidity section: the ratios, how long each scenario is survived, and the early-warning indicators. */
export function LiquidityFigures({ liquidity }: { liquidity: Liquidity }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { currency } = liquidity.run;
  const ratio = (value: number | null) => (value === null ? '—' : formatPercent(value, locale, 1));
  return (
    <>
      <p className="muted small">{t('reports.liquidity.run', { runId: liquidity.run.runId, asOf: formatDate(liquidity.run.asOf, locale), version: liquidity.run.parameterVersion })}</p>
      <ReportKpis
        figures={[
          [t('reports.liquidity.lcr'), ratio(liquidity.lcr)],
          [t('reports.liquidity.nsfr'), ratio(liquidity.nsfr)],
          [t('reports.liquidity.hqla'), formatMajorMoney(liquidity.hqla, currency, locale, { compact: true })],
          [t('reports.liquidity.netOutflows'), formatMajorMoney(liquidity.netOutflows, currency, locale, { compact: true })],
        ]}
      />
      <div className="panel-grid">
        <table className="table table-compact" data-testid="report-survival">
          <caption>{t('reports.liquidity.survival')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.liquidity.scenario')}</th>
              <th scope="col" className="num">{t('reports.liquidity.survivalDay')}</th>
            </tr>
          </thead>
          <tbody>
            {liquidity.survival.map((row) => (
              <tr key={row.scenario}>
                <th scope="row">{row.scenario}</th>
                <td className="num">{row.survivalDay ?? t('reports.liquidity.beyondHorizon')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table table-compact" data-testid="report-indicators">
          <caption>{t('reports.liquidity.indicators')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.liquidity.indicator')}</th>
              <th scope="col" className="num">{t('reports.liquidity.value')}</th>
              <th scope="col" className="num">{t('reports.liquidity.threshold')}</th>
              <th scope="col">{t('reports.liquidity.breached')}</th>
            </tr>
          </thead>
          <tbody>
            {liquidity.indicators.map((row) => (
              <tr key={`${row.indicator}-${row.product ?? ''}`} className={row.breached ? 'check-failed' : undefined}>
                <th scope="row">
                  {t(`liquidity.indicators.names.${row.indicator}`)}
                  {row.product && <span className="muted"> · {row.product}</span>}
                </th>
                <td className="num">{formatIndicator(row.indicator, row.value, locale)}</td>
                <td className="num">{formatIndicator(row.indicator, row.threshold, locale)}</td>
                <td>{row.breached ? `${t('common.yes')} · ${t(`liquidity.indicators.severities.${row.severity}`)}` : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
