import type { ColDef } from 'ag-grid-community';

/**
 * Column filters limited to what the contract's grid queries accept (preload/contract/grid.ts): one condition
 * per column (no AND/OR pairs) and only the operators main can turn into SQL.
 */
export const TEXT_FILTER: Pick<ColDef, 'filter' | 'filterParams'> = {
  filter: 'agTextColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['contains', 'notContains', 'equals', 'notEqual', 'startsWith', 'endsWith', 'blank', 'notBlank'],
  },
};

export const NUMBER_FILTER: Pick<ColDef, 'filter' | 'filterParams'> = {
  filter: 'agNumberColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['equals', 'notEqual', 'lessThan', 'lessThanOrEqual', 'greaterThan', 'greaterThanOrEqual', 'inRange', 'blank', 'notBlank'],
  },
};

export const DATE_FILTER: Pick<ColDef, 'filter' | 'filterParams'> = {
  filter: 'agDateColumnFilter',
  filterParams: {
    maxNumConditions: 1,
    filterOptions: ['equals', 'notEqual', 'lessThan', 'greaterThan', 'inRange', 'blank', 'notBlank'],
  },
};

/** Every column: server-side sort and filter, no client-side type inference. */
export const SERVER_SIDE_COLUMN: ColDef = {
  sortable: true,
  resizable: true,
  floatingFilter: true,
  cellDataType: false,
  suppressHeaderMenuButton: false,
  minWidth: 70,
};
