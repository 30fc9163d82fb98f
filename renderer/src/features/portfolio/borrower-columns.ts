import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { BorrowerRow } from '../../../../preload/contract/index.ts';
import { NUMBER_FILTER, TEXT_FILTER } from '../../components/grid/column-filters.ts';
import { formatAmount, formatCount } from '../../format/numbers.ts';

type BorrowerColumn = keyof BorrowerRow;

export const BORROWER_HIDDEN_BY_DEFAULT: readonly BorrowerColumn[] = ['industry', 'home_ownership'];

export function borrowerFilterFactors(moneyFactor: number): Record<string, number> {
  return { annual_income_minor: moneyFactor, outstanding_minor: moneyFactor };
}

/** Borrowers carry no currency of their own: their amounts are in the workspace currency. */
export function borrowerColumns(t: TFunction, locale: string, currency: string): ColDef<BorrowerRow>[] {
  const text = (field: BorrowerColumn, width: number, extra: ColDef<BorrowerRow> = {}): ColDef<BorrowerRow> => ({
    field,
    headerName: t(`portfolio.borrowerColumns.${field}`),
    ...TEXT_FILTER,
    width,
    ...extra,
  });
  const number = (field: BorrowerColumn, width: number, extra: ColDef<BorrowerRow> = {}): ColDef<BorrowerRow> => ({
    field,
    headerName: t(`portfolio.borrowerColumns.${field}`),
    ...NUMBER_FILTER,
    type: 'rightAligned',
    width,
    valueFormatter: ({ value }) => formatCount(value as number | null, locale),
    ...extra,
  });
  const money = { valueFormatter: ({ value }: { value: unknown }) => formatAmount(value as number | null, currency, locale) };
  return [
    text('borrower_id', 130, { cellClass: 'mono', pinned: 'left', lockVisible: true }),
    text('region', 120),
    number('annual_income_minor', 140, money),
    text('employment_type', 150),
    text('industry', 140),
    text('home_ownership', 140),
    number('credit_history_months', 130),
    number('id_verified', 100, {
      headerTooltip: t('portfolio.idVerifiedHint'),
      valueFormatter: ({ value }) => (value === null || value === undefined ? '' : value ? t('common.yes') : t('common.no')),
    }),
    number('loans', 80),
    number('outstanding_minor', 140, money),
  ];
}
