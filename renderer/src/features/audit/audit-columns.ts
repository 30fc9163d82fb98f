import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { MethodResult } from '../../../../preload/contract/index.ts';
import { NUMBER_FILTER, TEXT_FILTER } from '../../components/grid/column-filters.ts';
import { formatTimestamp } from '../../format/numbers.ts';

export type AuditRow = MethodResult<'audit.events'>['rows'][number];

export function auditColumns(t: TFunction): ColDef<AuditRow>[] {
  return [
    { field: 'seq', headerName: t('audit.columns.seq'), ...NUMBER_FILTER, type: 'rightAligned', width: 90, sort: 'desc', lockVisible: true },
    {
      field: 'at',
      headerName: t('audit.columns.at'),
      ...TEXT_FILTER,
      width: 190,
      valueFormatter: ({ value }) => formatTimestamp(value as string | null),
      tooltipField: 'at',
    },
    { field: 'actor', headerName: t('audit.columns.actor'), ...TEXT_FILTER, width: 120 },
    { field: 'action', headerName: t('audit.columns.action'), ...TEXT_FILTER, width: 180, cellClass: 'mono' },
    { field: 'subject', headerName: t('audit.columns.subject'), ...TEXT_FILTER, width: 200, cellClass: 'mono' },
    { field: 'details', headerName: t('audit.columns.details'), ...TEXT_FILTER, flex: 1, minWidth: 240, cellClass: 'mono muted-cell', tooltipField: 'details' },
  ];
}
