import canonicalize from 'canonicalize';
import type { GridQuery } from '../../preload/contract/index.ts';
import { countRows, gridQueryProblems, isIndexOrdered, pageRows, rowsForKeys, viewKeys, type GridSpec } from '../store/grid-sql.ts';
import { inReadSnapshot } from '../store/read-connection.ts';
import type { ServiceContext } from './context.ts';
import { validationFailure } from './validation-failure.ts';

/** A grid the front ends page through: its name (the key of what is cached of it) and its SQL. */
export interface Grid {
  readonly name: string;
  readonly spec: GridSpec;
}

/** VALIDATION for sorts and filters this grid cannot run (unknown columns, a filter of the wrong kind, missing values). */
export function checkGridQuery(grid: Grid, query: Pick<GridQuery, 'sortModel' | 'filterModel'>): void {
  const issues = gridQueryProblems(grid.spec, query);
  if (issues.length > 0) throw validationFailure('grid query', issues);
}

/** Pages near the top of an index-ordered view are read directly; deeper ones from the view's key list. */
const DIRECT_PAGING_ROWS = 5_000;

/**
 * One page of a grid and the view's row count, through the context's reader; the caller has checked the
 * permission. Where an index gives the view's order (an unsorted view, or a sort on an indexed column) a page near
 * the top is read directly by LIMIT/OFFSET, and the count (per filter) is cached. Any other view, or a deep page, is
 * read once as the view's whole ordered key list (one pass that filters and sorts), cached until the workspace
 * changes: every page is then a slice of it and its count the list's length, so scrolling to row 900,000 costs what
 * row 0 does.
 */
export function gridPage<Row>(ctx: ServiceContext, grid: Grid, query: GridQuery): { rows: Row[]; rowCount: number } {
  checkGridQuery(grid, query);
  const { reader, reads } = ctx;
  const { filterModel, sortModel } = query;
  const viewKey = `keys\u0000${grid.name}\u0000${canonicalize({ filterModel, sortModel }) ?? ''}`;
  if (!reads.isCached(viewKey) && query.endRow <= DIRECT_PAGING_ROWS && isIndexOrdered(reader, grid.spec, filterModel, sortModel)) {
    const countKey = `count\u0000${grid.name}\u0000${canonicalize(filterModel) ?? ''}`;
    return inReadSnapshot(reader, () => ({
      rows: pageRows<Row>(reader, grid.spec, query),
      rowCount: reads.cached(countKey, () => countRows(reader, grid.spec, filterModel)),
    }));
  }
  const keys = reads.cached(viewKey, () => viewKeys(reader, grid.spec, filterModel, sortModel), (list) => list.length);
  return { rows: rowsForKeys<Row>(reader, grid.spec, keys.slice(query.startRow, query.endRow)), rowCount: keys.length };
}
