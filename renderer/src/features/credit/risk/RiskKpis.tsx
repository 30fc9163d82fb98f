import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../../../preload/contract/index.ts';
import { formatCount, formatMoney, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';

/** The run's headline: exposure, expected loss, their ratio, and how many loans are priced below cost. */
export function RiskKpis({ run }: { run: RunSummary }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { totals, currency } = run;
  const money = (minor: number) => formatMoney(minor, currency, locale, { compact: true });
  const kpis = [
    { id: 'ead', value: money(totals.eadMinor), title: formatMoney(totals.eadMinor, currency, locale), detail: t('credit.risk.loans', { count: totals.loans, formatted: formatCount(totals.loans, locale) }) },
    // The run's one provision figure, shown exact: it is the number people copy into a report.
    { id: 'ecl', value: formatMoney(totals.eclMinor, currency, locale), title: undefined, detail: currency },
    { id: 'coverage', value: formatPercent(totals.eadMinor > 0 ? totals.eclMinor / totals.eadMinor : 0, locale), title: undefined, detail: t('credit.risk.coverageDetail') },
    {
      id: 'pricing',
      value: formatCount(totals.pricing.below, locale),
      title: undefined,
      detail: t('credit.risk.pricingDetail', { amount: money(totals.pricing.belowOutstandingMinor) }),
    },
  ] as const;
  return (
    <div className="kpi-strip kpi-strip-4" data-testid="risk-kpis">
      {kpis.map((kpi) => (
        <div key={kpi.id} className={`kpi ${kpi.id === 'pricing' && totals.pricing.below > 0 ? 'kpi-warn' : ''}`} title={kpi.title} data-kpi={kpi.id}>
          <div className="kpi-label">{t(`credit.risk.kpi.${kpi.id}`)}</div>
          <div className="kpi-value">{kpi.value}</div>
          <div className="kpi-detail">{kpi.detail}</div>
        </div>
      ))}
    </div>
  );
}
