import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { zonedTimestamp, type MethodResult } from '../../../../preload/contract/index.ts';
import { DATE_FILTER, NUMBER_FILTER, TEXT_FILTER } from '../../components/grid/column-filters.ts';
import { auditDetailsLine } from './audit-details.ts';

export type AuditRow = MethodResult<'audit.events'>['rows'][number];

/** The raw JSON stays a column (hidden at first) and in the event's panel: it is what the hash covers. */
export const AUDIT_HIDDEN_BY_DEFAULT: readonly string[] = ['details'];

/** The zone this browser runs in: the grid shows every time in it, with its offset. */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function auditColumns(t: TFunction, locale: string, timeZone: string): ColDef<AuditRow>[] {
  return [
    { field: 'seq', headerName: t('audit.columns.seq'), ...NUMBER_FILTER, type: 'rightAligned', width: 90, sort: 'desc', lockVisible: true },
    {
      field: 'at',
      headerName: t('audit.columns.at'),
      // The date filter picks whole UTC days (the stored instants'); the cell shows the user's zone and its offset.
      ...DATE_FILTER,
      width: 230,
      valueFormatter: ({ value }) => (value ? zonedTimestamp(value as string, timeZone) : ''),
      tooltipValueGetter: ({ value }) => (value ? `${value as string} (UTC)` : ''),
      cellClass: 'mono',
    },
    { field: 'actor', headerName: t('audit.columns.actor'), ...TEXT_FILTER, width: 120 },
    { field: 'action', headerName: t('audit.columns.action'), ...TEXT_FILTER, width: 180, cellClass: 'mono' },
    {
      field: 'subject',
      headerName: t('audit.columns.subject'),
      ...TEXT_FILTER,
      width: 220,
      valueFormatter: ({ data, value }) => (data?.subjectName ? `${value as string} · ${data.subjectName}` : ((value as string | undefined) ?? '')),
    },
    {
      colId: 'readable',
      headerName: t('audit.columns.readable'),
      sortable: false,
      filter: false,
      flex: 1,
      minWidth: 280,
      valueGetter: ({ data }) => (data ? auditDetailsLine(t, locale, data.items) : ''),
      tooltipValueGetter: ({ value }) => value as string,
    },
    { field: 'details', headerName: t('audit.columns.details'), ...TEXT_FILTER, width: 260, cellClass: 'mono muted-cell', tooltipField: 'details' },
  ];
}
