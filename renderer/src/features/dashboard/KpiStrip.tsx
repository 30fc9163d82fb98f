import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../preload/contract/index.ts';
import { DPD_BUCKET_FIRST_DAY } from '../../../../preload/contract/vocabulary.ts';
import { formatCount, formatMoney, formatPercent } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';

function Kpi({ label, value, detail, title, tone }: { label: string; value: string; detail?: string; title?: string; tone?: 'bad' | 'warn' }) {
  return (
    <div className={`kpi ${tone ? `kpi-${tone}` : ''}`} title={title}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {detail && (
        <div className="kpi-detail" title={detail}>
          {detail}
        </div>
      )}
    </div>
  );
}

export function KpiStrip({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const past30 = data.delinquency.filter((bucket) => DPD_BUCKET_FIRST_DAY[bucket.bucket] >= 30);
  const past30Minor = past30.reduce((sum, bucket) => sum + bucket.outstandingMinor, 0);
  const past30Share = data.outstandingMinor > 0 ? past30Minor / data.outstandingMinor : 0;
  const top = data.largestExposures[0];
  return (
    <div className="kpi-strip" data-testid="kpis">
      <Kpi
        label={t('dashboard.kpi.outstanding')}
        value={formatMoney(data.outstandingMinor, data.currency, locale, { compact: true })}
        title={formatMoney(data.outstandingMinor, data.currency, locale)}
        detail={data.currency}
      />
      <Kpi label={t('dashboard.kpi.loans')} value={formatCount(data.loans, locale)} detail={t('dashboard.kpi.borrowers', { count: data.borrowers, formatted: formatCount(data.borrowers, locale) })} />
      <Kpi label={t('dashboard.kpi.defaultRate')} value={formatPercent(data.defaultRate, locale)} detail={t('dashboard.kpi.defaultRateDetail')} tone={data.defaultRate >= 0.05 ? 'bad' : undefined} />
      <Kpi
        label={t('dashboard.kpi.past30')}
        value={formatPercent(past30Share, locale)}
        detail={formatMoney(past30Minor, data.currency, locale, { compact: true })}
        tone={past30Share >= 0.05 ? 'warn' : undefined}
      />
      <Kpi
        label={t('dashboard.kpi.largest')}
        value={top ? formatMoney(top.outstandingMinor, data.currency, locale, { compact: true }) : '—'}
        detail={top ? `${top.borrowerId} · ${formatPercent(data.outstandingMinor > 0 ? top.outstandingMinor / data.outstandingMinor : 0, locale)}` : undefined}
      />
    </div>
  );
}
