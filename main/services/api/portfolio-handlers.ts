import canonicalize from 'canonicalize';
import type { GridQuery } from '../../../preload/contract/index.ts';
import { AUDIT_GRID, auditEventPage, countAuditEvents } from '../../store/audit-queries.ts';
import { dashboardSummary } from '../../store/dashboard-queries.ts';
import type { Db } from '../../store/database.ts';
import { gridQueryProblems, type GridFilterModel, type GridSpec } from '../../store/grid-sql.ts';
import { borrowerPage, BORROWER_GRID, countBorrowers, countLoans, loanDetail, loanPage, LOAN_GRID } from '../../store/portfolio-queries.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { ApiFailure, validationFailure } from './api-errors.ts';
import type { HandlerTable } from './handler.ts';
import type { Session } from './session.ts';

type PortfolioMethods = 'dashboard.summary' | 'portfolio.loans' | 'portfolio.borrowers' | 'portfolio.loanDetail' | 'audit.events';

/** VALIDATION for sorts and filters this grid cannot run (unknown columns, a filter of the wrong kind, missing values). */
export function checkGridQuery(spec: GridSpec, query: Pick<GridQuery, 'sortModel' | 'filterModel'>): void {
  const issues = gridQueryProblems(spec, query);
  if (issues.length > 0) throw validationFailure('grid query', issues);
}

interface Grid<Row> {
  readonly name: string;
  readonly spec: GridSpec;
  page(db: Db, query: GridQuery): Row[];
  count(db: Db, filterModel: GridFilterModel): number;
}

/** One page and the view's row count, read in one snapshot; the count is cached per filter until the workspace changes. */
function gridPage<Row>(session: Session, grid: Grid<Row>, query: GridQuery): { rows: Row[]; rowCount: number } {
  checkGridQuery(grid.spec, query);
  const key = `${grid.name}\u0000${canonicalize(query.filterModel) ?? '{}'}`;
  return inReadSnapshot(session.reader, () => ({
    rows: grid.page(session.reader, query),
    rowCount: session.cachedCount(key, () => grid.count(session.reader, query.filterModel)),
  }));
}

const LOANS: Grid<ReturnType<typeof loanPage>[number]> = { name: 'loans', spec: LOAN_GRID, page: loanPage, count: countLoans };
const BORROWERS: Grid<ReturnType<typeof borrowerPage>[number]> = { name: 'borrowers', spec: BORROWER_GRID, page: borrowerPage, count: countBorrowers };
const AUDIT: Grid<ReturnType<typeof auditEventPage>[number]> = { name: 'audit', spec: AUDIT_GRID, page: auditEventPage, count: countAuditEvents };

export const portfolioHandlers: HandlerTable<PortfolioMethods> = {
  'dashboard.summary': (core) => {
    const session = core.requireSession();
    return session.cachedDashboard(() => inReadSnapshot(session.reader, () => dashboardSummary(session.reader)));
  },
  'portfolio.loans': (core, query) => gridPage(core.requireSession(), LOANS, query),
  'portfolio.borrowers': (core, query) => gridPage(core.requireSession(), BORROWERS, query),
  'audit.events': (core, query) => gridPage(core.requireSession(), AUDIT, query),
  'portfolio.loanDetail': (core, { loanId }) => {
    const detail = loanDetail(core.requireSession().reader, loanId);
    if (!detail) throw new ApiFailure('NOT_FOUND', `There is no loan "${loanId}" in this workspace.`);
    return detail;
  },
};
