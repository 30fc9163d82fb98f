import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { ALERT_SEVERITIES } from '../../../../preload/contract/alerts.ts';
import { CASE_DISPOSITIONS, CASE_STATUSES } from '../../../../preload/contract/case-workflow.ts';
import { CASE_TYPES, type CaseRow } from '../../../../preload/contract/cases.ts';
import { codeColumn, DATE_FILTER, NUMBER_FILTER, TEXT_FILTER } from '../../components/grid/column-filters.ts';
import { formatCount, formatTimestamp } from '../../format/numbers.ts';
import { formatDue, slaState } from './case-format.ts';

type CaseColumn = keyof CaseRow;

/** Shown until the user chooses otherwise. */
export const CASE_HIDDEN_BY_DEFAULT: readonly CaseColumn[] = ['created_at', 'updated_at', 'closed_at', 'disposition'];

/**
 * The queue's columns. Codes (priority, status, type, disposition) are shown in the user's language and filtered by
 * ticking those names (a set filter of codes); the due date carries the SLA countdown, red once breached. `now` is
 * read at each render, and the page refreshes the due cells every minute.
 */
export function caseColumns(t: TFunction, locale: string, now: () => number): ColDef<CaseRow>[] {
  const text = (field: CaseColumn, width: number, extra: ColDef<CaseRow> = {}): ColDef<CaseRow> => ({
    field,
    headerName: t(`cases.columns.${field}`),
    ...TEXT_FILTER,
    width,
    ...extra,
  });
  const date = (field: 'created_at' | 'updated_at' | 'closed_at', width: number): ColDef<CaseRow> => ({
    field,
    headerName: t(`cases.columns.${field}`),
    ...DATE_FILTER,
    width,
    valueFormatter: ({ value }) => formatTimestamp(value as string | null),
  });
  return [
    {
      field: 'case_id',
      headerName: t('cases.columns.case_id'),
      ...NUMBER_FILTER,
      width: 110,
      pinned: 'left',
      lockVisible: true,
      cellClass: 'mono',
      valueFormatter: ({ value }) => (value == null ? '' : `#${String(value)}`),
    },
    text('priority', 105, {
      ...codeColumn(ALERT_SEVERITIES, (code) => t(`cases.priorities.${code}`)),
      cellClass: ({ value }) => `priority-cell priority-${String(value ?? 'none')}`,
    }),
    text('title', 300, { tooltipField: 'title' }),
    text('type', 95, codeColumn(CASE_TYPES, (code) => t(`cases.types.${code}`))),
    text('status', 130, codeColumn(CASE_STATUSES, (code) => t(`cases.statuses.${code}`))),
    text('assignee', 120, { valueFormatter: ({ value }) => (value as string | null) ?? '—' }),
    { field: 'alert_count', headerName: t('cases.columns.alert_count'), ...NUMBER_FILTER, type: 'rightAligned', width: 85, valueFormatter: ({ value }) => formatCount(value as number | null, locale) },
    {
      field: 'due_at',
      headerName: t('cases.columns.due_at'),
      ...DATE_FILTER,
      width: 230,
      valueFormatter: ({ data }) => {
        if (!data) return '';
        const sla = slaState(t, data.due_at, data.closed_at, now());
        return `${formatDue(data.due_at)} · ${sla.text}`;
      },
      cellClassRules: { 'sla-breached': ({ data }) => !!data && slaState(t, data.due_at, data.closed_at, now()).breached },
    },
    date('created_at', 160),
    date('updated_at', 160),
    date('closed_at', 160),
    text('disposition', 160, codeColumn(CASE_DISPOSITIONS, (code) => t(`cases.dispositions.${code}`))),
  ];
}
