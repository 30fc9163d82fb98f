import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useDashboard } from './dashboard-data.ts';
import { DelinquencyBuckets } from './DelinquencyBuckets.tsx';
import { DelinquencyTrendChart } from './DelinquencyTrendChart.tsx';
import { ExposureChart } from './ExposureChart.tsx';
import { KpiStrip } from './KpiStrip.tsx';
import { LargestExposures } from './LargestExposures.tsx';
import { usePreferences } from '../../session/preferences.tsx';
import { formatDate } from '../../format/dates.ts';

export function DashboardPage() {
  const { locale } = usePreferences();
  const { t } = useTranslation();
  const { data, error, loading, refresh } = useDashboard();
  return (
    <section className="page" aria-labelledby="page-title" aria-busy={loading}>
      <PageHeader
        title={t('nav.dashboard')}
        subtitle={data?.asOf ? t('dashboard.asOf', { date: formatDate(data.asOf, locale) }) : undefined}
        actions={
          <button type="button" className="button" onClick={refresh} disabled={loading}>
            {loading ? t('common.loading') : t('common.refresh')}
          </button>
        }
      />
      <ErrorNotice error={error} />
      {data && data.loans === 0 && <div className="notice">{t('dashboard.empty')}</div>}
      {data && (
        <>
          <KpiStrip data={data} />
          <div className="panel-grid">
            <div className="panel">
              <h2>{t('dashboard.trend.title')}</h2>
              <p className="muted small" data-testid="trend-definition">
                {t('dashboard.trend.definition')}
              </p>
              <DelinquencyTrendChart trend={data.trend} />
            </div>
            <div className="panel">
              <h2>{t('dashboard.delinquency')}</h2>
              <p className="muted small" data-testid="delinquency-definition">
                {t('dashboard.delinquencyDefinition', { currency: data.currency })}
              </p>
              <DelinquencyBuckets data={data} />
            </div>
            <div className="panel">
              <h2>{t('dashboard.byProduct')}</h2>
              <ExposureChart rows={data.byProduct} currency={data.currency} totalMinor={data.outstandingMinor} group="products" colorIndex={0} withTable />
            </div>
            <div className="panel">
              <h2>{t('dashboard.byRegion')}</h2>
              <ExposureChart rows={data.byRegion} currency={data.currency} totalMinor={data.outstandingMinor} group="regions" limit={10} colorIndex={1} />
            </div>
            <div className="panel panel-wide">
              <h2>{t('dashboard.largest')}</h2>
              <LargestExposures data={data} />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
