import { useTranslation } from 'react-i18next';
import { LCR_HQLA_CATEGORIES, LCR_INFLOW_CATEGORIES, LCR_OUTFLOW_CATEGORIES, type LiquidityPosition } from '../../../../../preload/contract/liquidity.ts';
import { formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import type { PositionBasis } from '../liquidity-address.ts';
import { CategoryTable } from './CategoryTable.tsx';
import { LcrWaterfall } from './LcrWaterfall.tsx';
import { LineGrid } from './LineGrid.tsx';

/** The LCR: the headline ratio, its waterfall, its categories, and every line beneath them. */
export function LcrView({ position, basis }: { position: LiquidityPosition; basis: PositionBasis }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { lcr, currency } = position;
  return (
    <>
      <section className="panel" aria-labelledby="lcr-title">
        <div className="panel-head">
          <h2 id="lcr-title">{t('liquidity.lcr.title')}</h2>
          <p className={lcr.lcr !== null && lcr.lcr < 1 ? 'ratio-headline negative' : 'ratio-headline'} data-testid="lcr-headline">
            {lcr.lcr === null ? t('liquidity.lcr.undefined', { why: lcr.lcrUndefined ?? '' }) : t('liquidity.lcr.headline', { ratio: formatPercent(lcr.lcr, locale, 1) })}
          </p>
        </div>
        <LcrWaterfall lcr={lcr} currency={currency} />
      </section>
      <section className="panel" aria-labelledby="lcr-categories-title">
        <h2 id="lcr-categories-title">{t('liquidity.categories.title')}</h2>
        <p className="small muted">{t('liquidity.lcr.categoriesNote')}</p>
        <CategoryTable
          testId="lcr-categories"
          currency={currency}
          categories={lcr.categories}
          sections={[
            { id: 'hqla', label: t('liquidity.lcr.sections.hqla'), categories: LCR_HQLA_CATEGORIES },
            { id: 'outflows', label: t('liquidity.lcr.sections.outflows'), categories: LCR_OUTFLOW_CATEGORIES },
            { id: 'inflows', label: t('liquidity.lcr.sections.inflows'), categories: LCR_INFLOW_CATEGORIES },
          ]}
        />
      </section>
      <LineGrid ratio="lcr" basis={basis} currency={currency} />
    </>
  );
}
