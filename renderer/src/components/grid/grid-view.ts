import type { GridApi } from 'ag-grid-community';
import type { GridQuery } from '../../../../preload/contract/index.ts';
import { scaleNumberFilters } from './infinite-datasource.ts';

/** A grid's current sort (in the order the user chose it) and filters, as main reads them: what an export covers. */
export function gridViewOf<Row>(grid: GridApi<Row>, filterFactors: Readonly<Record<string, number>>): Pick<GridQuery, 'sortModel' | 'filterModel'> {
  const sortModel = grid
    .getColumnState()
    .filter((column) => column.sort)
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .slice(0, 5)
    .map((column) => ({ colId: column.colId, sort: column.sort as 'asc' | 'desc' }));
  return { sortModel, filterModel: scaleNumberFilters(grid.getFilterModel(), filterFactors) };
}
