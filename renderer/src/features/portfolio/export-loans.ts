import type { GridApi } from 'ag-grid-community';
import type { LoanRow, MethodArgs } from '../../../../preload/contract/index.ts';
import { scaleNumberFilters } from '../../components/grid/infinite-datasource.ts';

type ExportArgs = MethodArgs<'portfolio.exportLoans'>;

/** The loan grid's current view (sort, filters, visible columns in their order) as export arguments. */
export function exportArgsFor(grid: GridApi<LoanRow>, filterFactors: Readonly<Record<string, number>>): ExportArgs {
  const sortModel = grid
    .getColumnState()
    .filter((column) => column.sort)
    .sort((a, b) => (a.sortIndex ?? 0) - (b.sortIndex ?? 0))
    .slice(0, 5)
    .map((column) => ({ colId: column.colId, sort: column.sort as 'asc' | 'desc' }));
  const columns = grid.getAllDisplayedColumns().map((column) => column.getColId()) as NonNullable<ExportArgs['columns']>;
  return { sortModel, filterModel: scaleNumberFilters(grid.getFilterModel(), filterFactors), columns };
}
