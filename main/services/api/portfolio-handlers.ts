import canonicalize from 'canonicalize';
import type { BorrowerRow, GridQuery, LoanRow } from '../../../preload/contract/index.ts';
import { AUDIT_GRID, type AuditEventListRow } from '../../store/audit-queries.ts';
import { countRows, gridQueryProblems, isIndexOrdered, pageRows, rowsForKeys, viewKeys, type GridSpec } from '../../store/grid-sql.ts';
import { BORROWER_GRID, loanDetail, LOAN_GRID } from '../../store/portfolio-queries.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { validationFailure } from './api-errors.ts';
import type { HandlerTable } from './handler.ts';
import type { Session } from './session.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';

type PortfolioMethods = 'dashboard.summary' | 'portfolio.loans' | 'portfolio.borrowers' | 'portfolio.loanDetail' | 'audit.events';

/** VALIDATION for sorts and filters this grid cannot run (unknown columns, a filter of the wrong kind, missing values). */
export function checkGridQuery(spec: GridSpec, query: Pick<GridQuery, 'sortModel' | 'filterModel'>): void {
  const issues = gridQueryProblems(spec, query);
  if (issues.length > 0) throw validationFailure('grid query', issues);
}

export interface Grid {
  readonly name: string;
  readonly spec: GridSpec;
}

const LOANS: Grid = { name: 'loans', spec: LOAN_GRID };
const BORROWERS: Grid = { name: 'borrowers', spec: BORROWER_GRID };
const AUDIT: Grid = { name: 'audit', spec: AUDIT_GRID };

/** Pages near the top of an index-ordered view are read directly; deeper ones from the view's key list. */
const DIRECT_PAGING_ROWS = 5_000;

/**
 * One page of a grid and the view's row count. Where an index gives the view's order (an unsorted view, or a
 * sort on an indexed column) a page near the top is read directly by LIMIT/OFFSET, and the count (per filter)
 * is cached. Any other view, or a deep page, is read once as the view's whole ordered key list (one pass that
 * filters and sorts), cached until the workspace changes: every page is then a slice of it and its count the
 * list's length, so scrolling to row 900,000 costs what row 0 does.
 */
export function gridPage<Row>(session: Session, grid: Grid, query: GridQuery): { rows: Row[]; rowCount: number } {
  checkGridQuery(grid.spec, query);
  const { reader } = session;
  const { filterModel, sortModel } = query;
  const viewKey = `keys\u0000${grid.name}\u0000${canonicalize({ filterModel, sortModel }) ?? ''}`;
  if (!session.isCached(viewKey) && query.endRow <= DIRECT_PAGING_ROWS && isIndexOrdered(reader, grid.spec, filterModel, sortModel)) {
    const countKey = `count\u0000${grid.name}\u0000${canonicalize(filterModel) ?? ''}`;
    return inReadSnapshot(reader, () => ({
      rows: pageRows<Row>(reader, grid.spec, query),
      rowCount: session.cached(countKey, () => countRows(reader, grid.spec, filterModel)),
    }));
  }
  const keys = session.cached(viewKey, () => viewKeys(reader, grid.spec, filterModel, sortModel), (list) => list.length);
  return { rows: rowsForKeys<Row>(reader, grid.spec, keys.slice(query.startRow, query.endRow)), rowCount: keys.length };
}

export const portfolioHandlers: HandlerTable<PortfolioMethods> = {
  'dashboard.summary': (core) => {
    const session = core.requireSession();
    return session.cachedAsync('dashboard', () => core.pool().run('dashboard-summary', {}, { reader: session.workspace.readerSpec() }));
  },
  'portfolio.loans': (core, query) => gridPage<LoanRow>(core.requireSession(), LOANS, query),
  'portfolio.borrowers': (core, query) => gridPage<BorrowerRow>(core.requireSession(), BORROWERS, query),
  'audit.events': (core, query) => gridPage<AuditEventListRow>(core.requireSession(), AUDIT, query),
  'portfolio.loanDetail': (core, { loanId }) => {
    const detail = loanDetail(core.requireSession().reader, loanId);
    if (!detail) throw new RiskDeskError('NOT_FOUND', `There is no loan "${loanId}" in this workspace.`);
    return detail;
  },
};
