import type { GridApi } from 'ag-grid-community';
import type { LoanRow, MethodArgs } from '../../../../preload/contract/index.ts';
import { api } from '../../api/client.ts';
import { gridViewOf } from '../../components/grid/grid-view.ts';
import { readInChunks, saveDownload } from '../../components/save-download.ts';

type ExportArgs = MethodArgs<'portfolio.exportLoans'>;

/** The loan grid's current view (sort, filters, visible columns in their order) as export arguments. */
export function exportArgsFor(grid: GridApi<LoanRow>, filterFactors: Readonly<Record<string, number>>): ExportArgs {
  const columns = grid.getAllDisplayedColumns().map((column) => column.getColId()) as NonNullable<ExportArgs['columns']>;
  return { ...gridViewOf(grid, filterFactors), columns };
}

/** Read a finished export in chunks and hand it to the browser as a download. */
export async function downloadExport(jobId: string): Promise<string> {
  const { parts, fileName } = await readInChunks((offset) => api.call('jobs.readExport', { jobId, offset }), (chunk) => chunk.chunk);
  saveDownload(parts, 'text/csv;charset=utf-8', fileName);
  return fileName;
}
