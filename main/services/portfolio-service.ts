// The portfolio as the screens read it: the loan and borrower grids, one loan in full, and the dashboard. Every read
// goes through the context's reader and checks the permission here, whatever the front end.
import type { BorrowerRow, Dashboard, GridQuery, LoanDetail, LoanRow } from '../../preload/contract/index.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { BORROWER_GRID, borrowerRegions, loanDetail as loanDetailRow, LOAN_GRID } from '../store/portfolio-queries.ts';
import type { ServiceContext } from './context.ts';
import { gridPage, type Grid } from './grid-page.ts';
import { requirePermission } from './permissions.ts';

export const LOANS: Grid = { name: 'loans', spec: LOAN_GRID };
const BORROWERS: Grid = { name: 'borrowers', spec: BORROWER_GRID };

export function loansPage(ctx: ServiceContext, query: GridQuery): { rows: LoanRow[]; rowCount: number } {
  requirePermission(ctx.actor, 'workspace.read');
  return gridPage<LoanRow>(ctx, LOANS, query);
}

export function borrowersPage(ctx: ServiceContext, query: GridQuery): { rows: BorrowerRow[]; rowCount: number } {
  requirePermission(ctx.actor, 'workspace.read');
  return gridPage<BorrowerRow>(ctx, BORROWERS, query);
}

/** The regions the borrowers carry (for the grids' region filters), kept until the workspace changes. */
export function portfolioRegions(ctx: ServiceContext): string[] {
  requirePermission(ctx.actor, 'workspace.read');
  return ctx.reads.cached('regions', () => borrowerRegions(ctx.reader));
}

/** One loan, its borrower and its monthly performance history; NOT_FOUND if there is no such loan. */
export function loanDetail(ctx: ServiceContext, loanId: string): LoanDetail {
  requirePermission(ctx.actor, 'workspace.read');
  const detail = loanDetailRow(ctx.reader, loanId);
  if (!detail) throw new RiskDeskError('NOT_FOUND', `There is no loan "${loanId}" in this workspace.`);
  return detail;
}

/** The portfolio's KPIs, computed on a worker (seconds at a million loans) and kept until the workspace changes. */
export function dashboardSummary(ctx: ServiceContext): Promise<Dashboard> {
  requirePermission(ctx.actor, 'workspace.read');
  return ctx.reads.cachedAsync('dashboard', () => ctx.pool().run('dashboard-summary', {}, { reader: ctx.workspace.readerSpec() }));
}
