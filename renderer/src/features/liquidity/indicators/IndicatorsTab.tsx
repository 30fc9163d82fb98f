import { useTranslation } from 'react-i18next';
import { allows } from '../../../../../preload/contract/permissions.ts';
import { api } from '../../../api/client.ts';
import { useCall } from '../../../api/use-call.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { JobProgress } from '../../../components/JobProgress.tsx';
import { formatTimestamp } from '../../../format/numbers.ts';
import { useJobRunner } from '../../../jobs/jobs-context.tsx';
import { useUnlocked } from '../../../session/session-context.tsx';
import { IndicatorPanel } from './IndicatorPanel.tsx';
import { IndicatorTrendChart } from './IndicatorTrendChart.tsx';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatDate } from '../../../format/dates.ts';

/** The early-warning indicators: a new liquidity run (analysts), the latest run's indicators, and each one's trend. */
export function IndicatorsTab() {
  const { locale } = usePreferences();
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const runner = useJobRunner();
  const runs = useCall(() => api.call('liquidity.runs'), []);
  const trends = useCall(() => api.call('liquidity.indicatorTrends'), []);
  const running = runner.jobId !== null && !runner.entry?.finished;
  const latest = runs.data?.[0];

  const run = async () => {
    const done = await runner.start(() => api.call('liquidity.startRun', {}));
    if (done && !done.error) {
      runs.reload();
      trends.reload();
    }
  };

  return (
    <div className="credit-stack">
      <section className="panel" aria-labelledby="liquidity-run-title" data-testid="liquidity-run">
        <div className="panel-head">
          <h2 id="liquidity-run-title">{t('liquidity.indicators.runTitle')}</h2>
          {allows(user.role, 'runs.start') && (
            <button type="button" className="button button-primary" disabled={running} onClick={() => void run()} data-testid="start-liquidity-run">
              {running ? t('liquidity.indicators.running') : t('liquidity.indicators.run')}
            </button>
          )}
        </div>
        {latest ? (
          <p className="small" data-testid="latest-run">
            {t('liquidity.indicators.latest', { id: latest.runId, asOf: formatDate(latest.asOf, locale), version: latest.parameterVersion, who: latest.startedBy, when: formatTimestamp(latest.finishedAt) })}{' '}
            {t('liquidity.indicators.alerts', { raised: latest.alerts.raised, repeated: latest.alerts.repeated, count: latest.alerts.casesOpened })}
          </p>
        ) : (
          runs.data && <p className="muted">{t('liquidity.indicators.noRun')}</p>
        )}
        {runner.jobId && <JobProgress jobId={runner.jobId} />}
        <ErrorNotice error={runner.startError ?? runs.error} />
      </section>
      {latest && <IndicatorPanel run={latest} />}
      <ErrorNotice error={trends.error} />
      {trends.data && trends.data.length > 0 && (
        <section className="panel" aria-labelledby="trends-title">
          <h2 id="trends-title">{t('liquidity.indicators.trendsTitle')}</h2>
          <div className="trend-grid">
            {trends.data.map((trend) => (
              <IndicatorTrendChart key={trend.indicator} trend={trend} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
