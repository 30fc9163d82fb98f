import type { ColDef } from 'ag-grid-community';
import type { CustomCellRendererProps } from 'ag-grid-react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridQuery } from '../../../../../preload/contract/index.ts';
import { LCR_CATEGORIES, NSFR_CATEGORIES, type WeightedLine } from '../../../../../preload/contract/liquidity.ts';
import { codeSetFilter, NUMBER_FILTER, TEXT_FILTER } from '../../../components/grid/column-filters.ts';
import { ServerGrid } from '../../../components/grid/ServerGrid.tsx';
import { formatMajorMoney } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { CategoryName } from '../CategoryName.tsx';
import { categoryName } from '../category-name.ts';
import { basisArgs, type PositionBasis } from '../liquidity-address.ts';

interface Props {
  readonly ratio: 'lcr' | 'nsfr';
  readonly basis: PositionBasis;
  readonly currency: string;
}

function CategoryCell({ value }: CustomCellRendererProps<WeightedLine, string>) {
  return value ? <CategoryName category={value} inline /> : null;
}

/** Every line behind a ratio with its category, factor and weighted amount, sorted and filtered in SQL: the figures' audit trail. */
export function LineGrid({ ratio, basis, currency }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const columns = useMemo<ColDef<WeightedLine>[]>(() => {
    const money = ({ value }: { value: unknown }) => formatMajorMoney(value as number | null, currency, locale);
    return [
      { field: 'line_id', headerName: t('liquidity.lines.line_id'), ...TEXT_FILTER, width: 150, cellClass: 'mono', pinned: 'left', lockVisible: true },
      // Shown by name with the code beside it; filtered by ticking names (a set filter of the ratio's categories) and
      // sorted by the code, as main's SQL holds it.
      {
        field: 'category',
        headerName: t('liquidity.lines.category'),
        ...codeSetFilter(ratio === 'lcr' ? LCR_CATEGORIES : NSFR_CATEGORIES, (category) => categoryName(t, category) ?? category),
        width: 440,
        cellRenderer: CategoryCell,
      },
      { field: 'amount', headerName: t('liquidity.lines.amount'), ...NUMBER_FILTER, type: 'rightAligned', width: 160, valueFormatter: money },
      { field: 'factor', headerName: t('liquidity.lines.factor'), ...NUMBER_FILTER, type: 'rightAligned', width: 100 },
      { field: 'weighted', headerName: t('liquidity.lines.weighted'), ...NUMBER_FILTER, type: 'rightAligned', width: 160, valueFormatter: money },
      { field: 'description', headerName: t('liquidity.lines.description'), ...TEXT_FILTER, width: 280 },
    ];
  }, [t, locale, currency, ratio]);
  // Stable per basis: a new function would reload the grid on every render.
  const queryArgs = useCallback((query: GridQuery) => ({ ratio, ...basisArgs(basis), query }), [ratio, basis.asOf, basis.version]);

  return (
    <section className="panel" aria-labelledby={`${ratio}-lines-title`}>
      <h2 id={`${ratio}-lines-title`}>{t('liquidity.lines.title')}</h2>
      <div className="liquidity-grid">
        <ServerGrid
          gridId={`liquidity-${ratio}-lines`}
          testId={`${ratio}-lines`}
          method="liquidity.lines"
          columnDefs={columns}
          hiddenByDefault={[]}
          rowId={(row) => row.line_id}
          queryArgs={queryArgs}
          countLabel={(count, formatted) => t('liquidity.lines.count', { count, formatted })}
        />
      </div>
    </section>
  );
}
