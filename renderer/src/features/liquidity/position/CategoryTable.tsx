import { useTranslation } from 'react-i18next';
import type { CategoryTotal } from '../../../../../preload/contract/liquidity.ts';
import { formatCount, formatMajorMoney } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { CategoryName } from '../CategoryName.tsx';

export interface CategorySection {
  readonly id: string;
  readonly label: string;
  readonly categories: readonly string[];
}

interface Props {
  readonly categories: readonly CategoryTotal[];
  readonly sections: readonly CategorySection[];
  readonly currency: string;
  readonly testId: string;
}

/**
 * Each category's lines, amount, factor and weighted amount, grouped (HQLA, outflows, inflows; ASF, RSF) with each
 * group's total, so that a figure of the waterfall or the headline can be re-added from the rows above it.
 */
export function CategoryTable({ categories, sections, currency, testId }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const money = (value: number) => formatMajorMoney(value, currency, locale);
  return (
    <div className="table-scroll">
      <table className="table table-compact" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('liquidity.categories.category')}</th>
            <th scope="col" className="num">{t('liquidity.categories.lines')}</th>
            <th scope="col" className="num">{t('liquidity.categories.amount')}</th>
            <th scope="col" className="num">{t('liquidity.categories.factor')}</th>
            <th scope="col" className="num">{t('liquidity.categories.weighted')}</th>
          </tr>
        </thead>
        {sections.map((section) => {
          const rows = categories.filter((row) => section.categories.includes(row.category));
          const sum = (pick: (row: CategoryTotal) => number) => rows.reduce((total, row) => total + pick(row), 0);
          return (
            <tbody key={section.id} data-section={section.id}>
              {rows.map((row) => (
                <tr key={row.category} data-category={row.category}>
                  <th scope="row">
                    <CategoryName category={row.category} />
                  </th>
                  <td className="num">{formatCount(row.lines, locale)}</td>
                  <td className="num">{money(row.amount)}</td>
                  <td className="num">{row.factor}</td>
                  <td className="num">{money(row.weighted)}</td>
                </tr>
              ))}
              <tr className="row-total" data-testid={`${testId}-total-${section.id}`}>
                <th scope="row">{section.label}</th>
                <td className="num" data-testid="total-lines">
                  {formatCount(sum((row) => row.lines), locale)}
                </td>
                <td className="num">{money(sum((row) => row.amount))}</td>
                <td />
                <td className="num" data-testid="total-weighted">
                  {money(sum((row) => row.weighted))}
                </td>
              </tr>
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
