import { useTranslation } from 'react-i18next';
import { NSFR_ASF_CATEGORIES, NSFR_RSF_CATEGORIES, type LiquidityPosition } from '../../../../../preload/contract/liquidity.ts';
import { formatMajorMoney, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import type { PositionBasis } from '../liquidity-address.ts';
import { CategoryTable } from './CategoryTable.tsx';
import { LineGrid } from './LineGrid.tsx';

/** The NSFR: available over required stable funding, their categories, and every line beneath them. */
export function NsfrView({ position, basis }: { position: LiquidityPosition; basis: PositionBasis }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { nsfr, currency } = position;
  const money = (value: number) => formatMajorMoney(value, currency, locale);
  return (
    <>
      <section className="panel" aria-labelledby="nsfr-title">
        <h2 id="nsfr-title">{t('liquidity.nsfr.title')}</h2>
        <dl className="facts facts-inline" data-testid="nsfr-headline">
          <div>
            <dt>{t('liquidity.nsfr.asf')}</dt>
            <dd>{money(nsfr.asf)}</dd>
          </div>
          <div>
            <dt>{t('liquidity.nsfr.rsf')}</dt>
            <dd>{money(nsfr.rsf)}</dd>
          </div>
          <div>
            <dt>{t('liquidity.nsfr.ratio')}</dt>
            <dd className={nsfr.nsfr !== null && nsfr.nsfr < 1 ? 'negative' : undefined} data-testid="nsfr-ratio">
              {nsfr.nsfr === null ? t('liquidity.nsfr.undefined', { why: nsfr.nsfrUndefined ?? '' }) : formatPercent(nsfr.nsfr, locale, 1)}
            </dd>
          </div>
        </dl>
        <CategoryTable
          testId="nsfr-categories"
          currency={currency}
          categories={nsfr.categories}
          sections={[
            { id: 'asf', label: t('liquidity.nsfr.asf'), categories: NSFR_ASF_CATEGORIES },
            { id: 'rsf', label: t('liquidity.nsfr.rsf'), categories: NSFR_RSF_CATEGORIES },
          ]}
        />
      </section>
      <LineGrid ratio="nsfr" basis={basis} currency={currency} />
    </>
  );
}
