import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { LoanRow } from '../../../../preload/contract/index.ts';
import { DATE_FILTER, NUMBER_FILTER, TEXT_FILTER } from '../../components/grid/column-filters.ts';
import { formatAmount, formatCount, formatPercent } from '../../format/numbers.ts';

type LoanColumn = keyof LoanRow;

/** Shown until the user chooses otherwise. */
export const LOAN_HIDDEN_BY_DEFAULT: readonly LoanColumn[] = ['maturity_date', 'undrawn_amount_minor', 'currency', 'collateral_type', 'channel'];

/** Money is typed into filters in major units and rates in percent; these factors bring them back. */
export function loanFilterFactors(moneyFactor: number): Record<string, number> {
  return { principal_minor: moneyFactor, outstanding_balance_minor: moneyFactor, undrawn_amount_minor: moneyFactor, ecl_minor: moneyFactor, interest_rate: 0.01, pd_12m: 0.01 };
}

export function loanColumns(t: TFunction, locale: string): ColDef<LoanRow>[] {
  const money = (field: 'principal_minor' | 'outstanding_balance_minor' | 'undrawn_amount_minor' | 'ecl_minor', width: number): ColDef<LoanRow> => ({
    field,
    headerName: t(`portfolio.loanColumns.${field}`),
    ...NUMBER_FILTER,
    type: 'rightAligned',
    width,
    valueFormatter: ({ value, data }) => (data ? formatAmount(value as number | null, data.currency, locale) : ''),
  });
  const text = (field: LoanColumn, width: number, extra: ColDef<LoanRow> = {}): ColDef<LoanRow> => ({
    field,
    headerName: t(`portfolio.loanColumns.${field}`),
    ...TEXT_FILTER,
    width,
    ...extra,
  });
  return [
    text('loan_id', 115, { cellClass: 'mono', pinned: 'left', lockVisible: true }),
    text('borrower_id', 105, { cellClass: 'mono' }),
    text('product', 165),
    text('region', 105),
    { field: 'origination_date', headerName: t('portfolio.loanColumns.origination_date'), ...DATE_FILTER, width: 160 },
    { field: 'maturity_date', headerName: t('portfolio.loanColumns.maturity_date'), ...DATE_FILTER, width: 160 },
    money('principal_minor', 130),
    money('outstanding_balance_minor', 140),
    money('undrawn_amount_minor', 120),
    text('currency', 90),
    {
      field: 'interest_rate',
      headerName: t('portfolio.loanColumns.interest_rate'),
      headerTooltip: t('portfolio.percentFilterHint'),
      ...NUMBER_FILTER,
      type: 'rightAligned',
      width: 100,
      valueFormatter: ({ value }) => formatPercent(value as number | null, locale),
    },
    { field: 'term_months', headerName: t('portfolio.loanColumns.term_months'), ...NUMBER_FILTER, type: 'rightAligned', width: 100 },
    text('status', 110, { cellClass: ({ value }) => `status status-${String(value ?? 'none')}` }),
    {
      field: 'dpd',
      headerName: t('portfolio.loanColumns.dpd'),
      ...NUMBER_FILTER,
      type: 'rightAligned',
      width: 80,
      valueFormatter: ({ value }) => formatCount(value as number | null, locale),
      cellClassRules: {
        'dpd-late': ({ value }) => typeof value === 'number' && value > 0 && value < 30,
        'dpd-warn': ({ value }) => typeof value === 'number' && value >= 30 && value < 90,
        'dpd-bad': ({ value }) => typeof value === 'number' && value >= 90,
      },
    },
    text('collateral_type', 120),
    text('channel', 140),
    // From the latest credit run: empty until one has covered the loan.
    {
      field: 'pd_12m',
      headerName: t('portfolio.loanColumns.pd_12m'),
      headerTooltip: t('portfolio.percentFilterHint'),
      ...NUMBER_FILTER,
      type: 'rightAligned',
      width: 100,
      valueFormatter: ({ value }) => formatPercent(value as number | null, locale),
    },
    text('grade', 80),
    {
      field: 'stage',
      headerName: t('portfolio.loanColumns.stage'),
      ...NUMBER_FILTER,
      type: 'rightAligned',
      width: 80,
      cellClassRules: { 'dpd-warn': ({ value }) => value === 2, 'dpd-bad': ({ value }) => value === 3 },
    },
    money('ecl_minor', 120),
  ];
}
