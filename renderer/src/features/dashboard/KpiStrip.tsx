import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../preload/contract/index.ts';
import { DPD_BUCKET_FIRST_DAY } from '../../../../preload/contract/vocabulary.ts';
import { formatCount, formatMoney, formatPercent } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';

interface KpiProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  /** What the figure counts and how, stated under it (one definition per figure). */
  readonly definition: string;
  readonly title?: string;
  readonly tone?: 'bad' | 'warn';
}

function Kpi({ id, label, value, detail, definition, title, tone }: KpiProps) {
  return (
    <div className={`kpi ${tone ? `kpi-${tone}` : ''}`} title={title} data-kpi={id}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {detail && (
        <div className="kpi-detail" title={detail}>
          {detail}
        </div>
      )}
      <div className="kpi-definition">{definition}</div>
    </div>
  );
}

/** The headline figures, each over the open loans with its definition stated (the contract's, dashboard.ts). */
export function KpiStrip({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const money = (minor: number) => formatMoney(minor, data.currency, locale, { compact: true });
  const top = data.largestExposures[0];
  // The balance behind the 30+ share: the buckets it is computed from in main.
  const past30Minor = data.delinquency.filter((bucket) => DPD_BUCKET_FIRST_DAY[bucket.bucket] >= 30).reduce((sum, bucket) => sum + bucket.outstandingMinor, 0);
  return (
    <div className="kpi-strip" data-testid="kpis">
      <Kpi
        id="outstanding"
        label={t('dashboard.kpi.outstanding')}
        value={money(data.outstandingMinor)}
        title={formatMoney(data.outstandingMinor, data.currency, locale)}
        detail={formatMoney(data.outstandingMinor, data.currency, locale)}
        definition={t('dashboard.kpi.outstandingDefinition', { currency: data.currency })}
      />
      <Kpi
        id="loans"
        label={t('dashboard.kpi.loans')}
        value={formatCount(data.loans, locale)}
        detail={t('dashboard.kpi.borrowers', { count: data.borrowers, formatted: formatCount(data.borrowers, locale) })}
        definition={t('dashboard.kpi.loansDefinition')}
      />
      <Kpi
        id="defaults"
        label={t('dashboard.kpi.defaultRate')}
        value={formatPercent(data.defaultRate, locale)}
        detail={t('dashboard.kpi.defaultRateDetail', { count: data.defaults, formatted: formatCount(data.defaults, locale) })}
        definition={t('dashboard.kpi.defaultRateDefinition')}
        tone={data.defaultRate >= 0.05 ? 'bad' : undefined}
      />
      <Kpi
        id="dpd30"
        label={t('dashboard.kpi.past30')}
        value={formatPercent(data.dpd30Share, locale)}
        detail={formatMoney(past30Minor, data.currency, locale)}
        definition={t('dashboard.kpi.past30Definition')}
        tone={data.dpd30Share >= 0.05 ? 'warn' : undefined}
      />
      <Kpi
        id="largest"
        label={t('dashboard.kpi.largest')}
        value={top ? money(top.outstandingMinor) : '—'}
        title={top ? formatMoney(top.outstandingMinor, data.currency, locale) : undefined}
        detail={top ? `${top.borrowerId} · ${formatPercent(data.outstandingMinor > 0 ? top.outstandingMinor / data.outstandingMinor : 0, locale)}` : undefined}
        definition={t('dashboard.kpi.largestDefinition')}
      />
    </div>
  );
}
