import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { LoanRow } from '../../../../preload/contract/index.ts';
import { GRADES } from '../../../../preload/contract/credit.ts';
import { codeColumn, codeSetFilter, DATE_FILTER, NUMBER_FILTER, TEXT_FILTER } from '../../components/grid/column-filters.ts';
import type { CodeValues } from '../../components/grid/CodeSetFilter.tsx';
import { codeLabel, CODE_SETS, type CodeGroup } from '../../components/code-labels.ts';
import { readRegions } from './region-values.ts';
import { formatDate } from '../../format/dates.ts';
import { formatCount, formatMoney, formatPercent } from '../../format/numbers.ts';

type LoanColumn = keyof LoanRow;

/**
 * Shown until the user chooses otherwise. The columns a risk analyst reads first (status, DPD and the latest credit
 * run's PD, grade, stage and ECL) come right after the pinned id, and fit a 1440-pixel window without scrolling;
 * the rest follow them or wait in the column chooser.
 */
export const LOAN_HIDDEN_BY_DEFAULT: readonly LoanColumn[] = ['maturity_date', 'undrawn_amount_minor', 'currency', 'collateral_type', 'channel', 'term_months'];

/** Money is typed into filters in major units and rates in percent; these factors bring them back. */
export function loanFilterFactors(moneyFactor: number): Record<string, number> {
  return { principal_minor: moneyFactor, outstanding_balance_minor: moneyFactor, undrawn_amount_minor: moneyFactor, ecl_minor: moneyFactor, interest_rate: 0.01, pd_12m: 0.01 };
}

/**
 * The loan grid's columns. Codes (product, status, region, collateral, channel) show their names in the user's
 * language and are filtered by ticking those names (a set filter of codes); amounts carry each loan's own currency.
 */
export function loanColumns(t: TFunction, locale: string): ColDef<LoanRow>[] {
  const money = (field: 'principal_minor' | 'outstanding_balance_minor' | 'undrawn_amount_minor' | 'ecl_minor', width: number): ColDef<LoanRow> => ({
    field,
    headerName: t(`portfolio.loanColumns.${field}`),
    ...NUMBER_FILTER,
    type: 'rightAligned',
    width,
    valueFormatter: ({ value, data }) => (data ? formatMoney(value as number | null, data.currency, locale) : ''),
  });
  const text = (field: LoanColumn, width: number, extra: ColDef<LoanRow> = {}): ColDef<LoanRow> => ({
    field,
    headerName: t(`portfolio.loanColumns.${field}`),
    ...TEXT_FILTER,
    width,
    ...extra,
  });
  const coded = (field: 'product' | 'status' | 'region' | 'collateral_type' | 'channel', group: CodeGroup, values: CodeValues, width: number, extra: ColDef<LoanRow> = {}): ColDef<LoanRow> =>
    text(field, width, { ...codeColumn(values, (code) => codeLabel(t, group, code)), tooltipValueGetter: ({ value }) => (value as string | null) ?? '', ...extra });
  const date = (field: 'origination_date' | 'maturity_date'): ColDef<LoanRow> => ({
    field,
    headerName: t(`portfolio.loanColumns.${field}`),
    ...DATE_FILTER,
    width: 130,
    valueFormatter: ({ value }) => formatDate(value as string | null, locale),
  });
  return [
    text('loan_id', 110, { cellClass: 'mono', pinned: 'left', lockVisible: true }),
    coded('product', 'products', CODE_SETS.products, 150),
    coded('status', 'statuses', CODE_SETS.statuses, 100, { cellClass: ({ value }) => `status status-${String(value ?? 'none')}` }),
    {
      field: 'dpd',
      headerName: t('portfolio.loanColumns.dpd'),
      ...NUMBER_FILTER,
      type: 'rightAligned',
      width: 75,
      valueFormatter: ({ value }) => formatCount(value as number | null, locale),
      cellClassRules: {
        'dpd-late': ({ value }) => typeof value === 'number' && value > 0 && value < 30,
        'dpd-warn': ({ value }) => typeof value === 'number' && value >= 30 && value < 90,
        'dpd-bad': ({ value }) => typeof value === 'number' && value >= 90,
      },
    },
    // From the latest credit run: empty until one has covered the loan.
    {
      field: 'pd_12m',
      headerName: t('portfolio.loanColumns.pd_12m'),
      headerTooltip: t('portfolio.percentFilterHint'),
      ...NUMBER_FILTER,
      type: 'rightAligned',
      width: 90,
      valueFormatter: ({ value }) => formatPercent(value as number | null, locale),
    },
    // A grade is a letter of the master scale: its own name in every language.
    text('grade', 75, codeSetFilter(GRADES, (grade) => grade)),
    {
      field: 'stage',
      headerName: t('portfolio.loanColumns.stage'),
      ...NUMBER_FILTER,
      type: 'rightAligned',
      width: 75,
      cellClassRules: { 'dpd-warn': ({ value }) => value === 2, 'dpd-bad': ({ value }) => value === 3 },
    },
    money('ecl_minor', 125),
    money('outstanding_balance_minor', 145),
    money('principal_minor', 140),
    {
      field: 'interest_rate',
      headerName: t('portfolio.loanColumns.interest_rate'),
      headerTooltip: t('portfolio.percentFilterHint'),
      ...NUMBER_FILTER,
      type: 'rightAligned',
      width: 95,
      valueFormatter: ({ value }) => formatPercent(value as number | null, locale),
    },
    { field: 'term_months', headerName: t('portfolio.loanColumns.term_months'), ...NUMBER_FILTER, type: 'rightAligned', width: 95 },
    date('origination_date'),
    date('maturity_date'),
    coded('region', 'regions', readRegions, 105),
    text('borrower_id', 105, { cellClass: 'mono' }),
    money('undrawn_amount_minor', 130),
    text('currency', 90),
    coded('collateral_type', 'collateral', CODE_SETS.collateral, 130),
    coded('channel', 'channels', CODE_SETS.channels, 140),
  ];
}
