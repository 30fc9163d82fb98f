import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { BorrowerRow } from '../../../../preload/contract/index.ts';
import { codeColumn, NUMBER_FILTER, TEXT_FILTER } from '../../components/grid/column-filters.ts';
import type { CodeValues } from '../../components/grid/CodeSetFilter.tsx';
import { codeLabel, CODE_SETS, type CodeGroup } from '../../components/code-labels.ts';
import { readRegions } from './region-values.ts';
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
  // Codes show their names in the user's language and are filtered by ticking those names (a set filter of codes).
  const coded = (field: 'region' | 'employment_type' | 'industry' | 'home_ownership', group: CodeGroup, values: CodeValues, width: number): ColDef<BorrowerRow> =>
    text(field, width, { ...codeColumn(values, (code) => codeLabel(t, group, code)), tooltipValueGetter: ({ value }) => (value as string | null) ?? '' });
  const money = { valueFormatter: ({ value }: { value: unknown }) => formatAmount(value as number | null, currency, locale) };
  return [
    text('borrower_id', 130, { cellClass: 'mono', pinned: 'left', lockVisible: true }),
    coded('region', 'regions', readRegions, 120),
    number('annual_income_minor', 140, money),
    coded('employment_type', 'employment', CODE_SETS.employment, 150),
    coded('industry', 'industries', CODE_SETS.industries, 160),
    coded('home_ownership', 'homeOwnership', CODE_SETS.homeOwnership, 160),
    number('credit_history_months', 130),
    number('id_verified', 100, {
      headerTooltip: t('portfolio.idVerifiedHint'),
      valueFormatter: ({ value }) => (value === null || value === undefined ? '' : value ? t('common.yes') : t('common.no')),
    }),
    number('loans', 80),
    number('outstanding_minor', 140, money),
  ];
}
