import type { ColDef } from 'ag-grid-community';
import { CodeSetFilter, CodeSetFloatingFilter, type CodeSetParams, type CodeValues } from './CodeSetFilter.tsx';

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

/**
 * A column of codes from a known set (a product, a status…): the user ticks names in their language, and main gets the
 * codes (a set filter). `values` is the list, or where it comes from the data (regions), a call that reads it.
 */
export function codeSetFilter(values: CodeValues, label: (code: string) => string): Pick<ColDef, 'filter' | 'filterParams' | 'floatingFilterComponent'> {
  const filterParams: CodeSetParams = { values, label };
  return { filter: CodeSetFilter, filterParams, floatingFilterComponent: CodeSetFloatingFilter };
}

/** A column of codes: their names in the user's language in the cell, and the set filter over them. */
export function codeColumn<Code extends string>(values: readonly Code[] | (() => Promise<readonly Code[]>), label: (code: Code) => string): Pick<ColDef, 'filter' | 'filterParams' | 'floatingFilterComponent' | 'valueFormatter'> {
  const name = (code: string) => label(code as Code);
  return { ...codeSetFilter(values, name), valueFormatter: ({ value }) => (typeof value === 'string' && value ? name(value) : '') };
}

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
