import type { GridApi } from 'ag-grid-community';
import type { LoanRow, MethodArgs } from '../../../../preload/contract/index.ts';
import { gridViewOf } from '../../components/grid/grid-view.ts';

type ExportArgs = MethodArgs<'portfolio.exportLoans'>;

/** The loan grid's current view (sort, filters, visible columns in their order) as export arguments. */
export function exportArgsFor(grid: GridApi<LoanRow>, filterFactors: Readonly<Record<string, number>>): ExportArgs {
  const columns = grid.getAllDisplayedColumns().map((column) => column.getColId()) as NonNullable<ExportArgs['columns']>;
  return { ...gridViewOf(grid, filterFactors), columns };
}
