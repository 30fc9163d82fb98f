import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { ALERT_STATUSES } from '../../../../preload/contract/alerts.ts';
import { FRAUD_ACTIONS, type FraudAlertRow } from '../../../../preload/contract/fraud-views.ts';
import { codeColumn, DATE_FILTER, NUMBER_FILTER, TEXT_FILTER } from '../../components/grid/column-filters.ts';
import { formatAmount, formatTimestamp } from '../../format/numbers.ts';

type FraudColumn = keyof FraudAlertRow;

/** Shown until the user chooses otherwise. */
export const FRAUD_HIDDEN_BY_DEFAULT: readonly FraudColumn[] = ['currency', 'alert_id', 'alert_status'];

/** Amounts are typed into the filter in major units. */
export function fraudFilterFactors(moneyFactor: number): Record<string, number> {
  return { amount_minor: moneyFactor };
}

export function fraudColumns(t: TFunction, locale: string): ColDef<FraudAlertRow>[] {
  const header = (field: FraudColumn) => t(`fraud.columns.${field}`);
  const text = (field: FraudColumn, width: number, extra: ColDef<FraudAlertRow> = {}): ColDef<FraudAlertRow> => ({ field, headerName: header(field), ...TEXT_FILTER, width, ...extra });
  const number = (field: FraudColumn, width: number, extra: ColDef<FraudAlertRow> = {}): ColDef<FraudAlertRow> => ({ field, headerName: header(field), ...NUMBER_FILTER, type: 'rightAligned', width, ...extra });
  return [
    text('tx_id', 130, { cellClass: 'mono', pinned: 'left', lockVisible: true }),
    text('account_id', 115, { cellClass: 'mono' }),
    { field: 'ts', headerName: header('ts'), ...DATE_FILTER, width: 170, valueFormatter: ({ value }) => formatTimestamp(value as string | null) },
    number('amount_minor', 130, {
      headerTooltip: t('fraud.amountFilterHint'),
      valueFormatter: ({ value, data }) => (data ? formatAmount(value as number | null, data.currency, locale) : ''),
    }),
    text('currency', 90),
    number('score', 90),
    // Codes show their names in the user's language and are filtered by ticking those names (a set filter of codes).
    text('action', 100, {
      ...codeColumn(FRAUD_ACTIONS, (code) => t(`fraud.actions.${code}`)),
      cellClass: ({ value }) => `fraud-action fraud-action-${String(value ?? 'none')}`,
    }),
    // A text filter matches a rule id inside the list (main filters the fired rules' JSON).
    text('rules', 260, { valueFormatter: ({ value }) => (Array.isArray(value) ? value.join(', ') : ''), sortable: false }),
    text('ring_id', 115, { cellClass: 'mono' }),
    number('ring_size', 95),
    number('alert_id', 90),
    text('alert_status', 110, codeColumn(ALERT_STATUSES, (code) => t(`fraud.alertStatuses.${code}`))),
    number('case_id', 90),
  ];
}
