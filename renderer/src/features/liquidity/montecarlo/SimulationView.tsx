import { useTranslation } from 'react-i18next';
import type { StoredSimulation } from '../../../../../preload/contract/liquidity.ts';
import { FactList } from '../../../components/FactList.tsx';
import { formatCount, formatMajorMoney, formatPercent, formatTimestamp } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { FanChart } from './FanChart.tsx';
import { SurvivalHistogram } from './SurvivalHistogram.tsx';
import { formatDate } from '../../../format/dates.ts';

/** One stored simulation: what it drew from, the fan of outcomes, when paths run out, and the reserve it takes to survive. */
export function SimulationView({ simulation }: { simulation: StoredSimulation }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { result } = simulation;
  const money = (value: number) => formatMajorMoney(value, result.currency, locale);
  const compact = (value: number) => formatMajorMoney(value, result.currency, locale, { compact: true });
  return (
    <section className="panel" aria-labelledby="simulation-title" data-testid="simulation-view" data-simulation={simulation.simulationId}>
      <h2 id="simulation-title">{t('liquidity.monteCarlo.simulationTitle', { id: simulation.simulationId, asOf: formatDate(result.asOf, locale) })}</h2>
      <FactList
        facts={[
          [t('liquidity.monteCarlo.fields.paths'), formatCount(result.paths, locale)],
          [t('liquidity.monteCarlo.fields.days'), formatCount(result.days, locale)],
          [t('liquidity.monteCarlo.fields.seed'), String(result.seed)],
          [t('liquidity.monteCarlo.fields.blockDays'), formatCount(result.blockDays, locale)],
          [t('liquidity.monteCarlo.fields.outflowMultiplier'), `× ${result.outflowMultiplier}`],
          [t('liquidity.monteCarlo.fields.subscriptionFactor'), `× ${result.subscriptionFactor}`],
          [t('liquidity.monteCarlo.fields.historyDays'), formatCount(result.historyDays, locale)],
          [t('liquidity.monteCarlo.parameterVersion'), `v${result.parameterVersion}`],
          [t('liquidity.monteCarlo.startedBy'), `${simulation.startedBy} · ${formatTimestamp(simulation.finishedAt)}`],
          [t('liquidity.monteCarlo.buffer'), money(result.buffer)],
        ]}
      />
      <div className="kpi-strip kpi-strip-4" data-testid="simulation-kpis">
        <div className={result.survival30 < 0.99 ? 'kpi kpi-warn' : 'kpi'} data-kpi="survival30">
          <div className="kpi-label">{t('liquidity.monteCarlo.survival30', { days: Math.min(30, result.days) })}</div>
          <div className="kpi-value" data-testid="survival30">
            {formatPercent(result.survival30, locale, 1)}
          </div>
        </div>
        {result.reserve.map((reserve) => (
          <div key={reserve.level} className="kpi" data-kpi={`reserve-${reserve.level}`}>
            <div className="kpi-label">{t('liquidity.monteCarlo.reserve', { level: formatPercent(reserve.level, locale, reserve.level > 0.99 ? 1 : 0) })}</div>
            <div className="kpi-value" title={money(reserve.value)}>
              {compact(reserve.value)}
            </div>
            <div className="kpi-detail">{t('liquidity.monteCarlo.interval', { low: compact(reserve.low), high: compact(reserve.high) })}</div>
          </div>
        ))}
      </div>
      <h3>{t('liquidity.monteCarlo.fanTitle')}</h3>
      <FanChart result={result} />
      <h3>{t('liquidity.monteCarlo.histogramTitle')}</h3>
      <SurvivalHistogram result={result} />
    </section>
  );
}
