import { useTranslation } from 'react-i18next';
import type { LiquidityPosition } from '../../../../../preload/contract/liquidity.ts';
import { formatMajorMoney, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';

/** Below 100 % a ratio misses its Basel minimum. */
const MINIMUM = 1;

/** The position's headline: LCR, NSFR, HQLA and net outflows; an undefined ratio says why instead of a number. */
export function RatioKpis({ position }: { position: LiquidityPosition }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { lcr, nsfr, currency } = position;
  const ratio = (value: number | null, why: string | null) => (value === null ? { value: t('liquidity.undefinedRatio'), detail: why ?? '' } : { value: formatPercent(value, locale, 1), detail: '' });
  const kpis = [
    { id: 'lcr', ...ratio(lcr.lcr, lcr.lcrUndefined), tone: lcr.lcr !== null && lcr.lcr < MINIMUM },
    { id: 'nsfr', ...ratio(nsfr.nsfr, nsfr.nsfrUndefined), tone: nsfr.nsfr !== null && nsfr.nsfr < MINIMUM },
    { id: 'hqla', value: formatMajorMoney(lcr.hqla, currency, locale, { compact: true }), detail: formatMajorMoney(lcr.hqla, currency, locale), tone: false },
    { id: 'netOutflows', value: formatMajorMoney(lcr.net_outflows, currency, locale, { compact: true }), detail: formatMajorMoney(lcr.net_outflows, currency, locale), tone: false },
  ] as const;
  return (
    <div className="kpi-strip kpi-strip-4" data-testid="liquidity-kpis">
      {kpis.map((kpi) => (
        <div key={kpi.id} className={kpi.tone ? 'kpi kpi-bad' : 'kpi'} data-kpi={kpi.id}>
          <div className="kpi-label">{t(`liquidity.kpi.${kpi.id}`)}</div>
          <div className="kpi-value" data-testid={`kpi-${kpi.id}`}>
            {kpi.value}
          </div>
          <div className="kpi-detail">{kpi.detail}</div>
        </div>
      ))}
    </div>
  );
}
