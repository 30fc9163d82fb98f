import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { PricingRow } from '../../../../../preload/contract/index.ts';
import { GRADES } from '../../../../../preload/contract/credit.ts';
import { codeColumn, codeSetFilter, NUMBER_FILTER, TEXT_FILTER } from '../../../components/grid/column-filters.ts';
import { formatAmount, formatPercent } from '../../../format/numbers.ts';
import { codeLabel, CODE_SETS } from '../../../components/code-labels.ts';

type PricingColumn = keyof PricingRow;
type RateColumn = 'interest_rate' | 'required_rate' | 'shortfall' | 'pd_12m' | 'lgd';
const RATE_COLUMNS: readonly RateColumn[] = ['interest_rate', 'required_rate', 'shortfall', 'pd_12m', 'lgd'];

/** Rates are filtered in percent and money in major units; these factors bring them back (see scaleNumberFilters). */
export function pricingFilterFactors(moneyFactor: number): Record<string, number> {
  return { ...Object.fromEntries(RATE_COLUMNS.map((column) => [column, 0.01])), outstanding_balance_minor: moneyFactor };
}

/** Loans priced below funding cost + expected loss + operating cost + margin, in the run's currency. */
export function pricingColumns(t: TFunction, locale: string, currency: string): ColDef<PricingRow>[] {
  const text = (field: PricingColumn, width: number, extra: ColDef<PricingRow> = {}): ColDef<PricingRow> => ({
    field,
    headerName: t(`credit.pricing.columns.${field}`),
    ...TEXT_FILTER,
    width,
    ...extra,
  });
  const rate = (field: RateColumn): ColDef<PricingRow> => ({
    field,
    headerName: t(`credit.pricing.columns.${field}`),
    headerTooltip: t('portfolio.percentFilterHint'),
    ...NUMBER_FILTER,
    type: 'rightAligned',
    width: 115,
    valueFormatter: ({ value }) => formatPercent(value as number | null, locale),
    ...(field === 'shortfall' ? { cellClass: 'value-bad' } : {}),
  });
  return [
    text('loan_id', 120, { cellClass: 'mono', pinned: 'left', lockVisible: true }),
    text('product', 170, codeColumn(CODE_SETS.products, (code) => codeLabel(t, 'products', code))),
    text('grade', 80, codeSetFilter(GRADES, (grade) => grade)),
    ...RATE_COLUMNS.map(rate),
    {
      field: 'outstanding_balance_minor',
      headerName: t('credit.pricing.columns.outstanding_balance_minor'),
      ...NUMBER_FILTER,
      type: 'rightAligned',
      width: 140,
      valueFormatter: ({ value }) => formatAmount(value as number | null, currency, locale),
    },
  ];
}
