import { auditEventsPage } from '../audit-service.ts';
import { borrowersPage, dashboardSummary, loanDetail, loansPage, portfolioRegions } from '../portfolio-service.ts';
import type { HandlerTable } from './handler.ts';

type PortfolioMethods = 'dashboard.summary' | 'portfolio.loans' | 'portfolio.borrowers' | 'portfolio.regions' | 'portfolio.loanDetail' | 'audit.events';

export const portfolioHandlers: HandlerTable<PortfolioMethods> = {
  'dashboard.summary': (core) => dashboardSummary(core.requireSession().ctx),
  'portfolio.loans': (core, query) => loansPage(core.requireSession().ctx, query),
  'portfolio.borrowers': (core, query) => borrowersPage(core.requireSession().ctx, query),
  'portfolio.regions': (core) => portfolioRegions(core.requireSession().ctx),
  'audit.events': (core, query) => auditEventsPage(core.requireSession().ctx, query),
  'portfolio.loanDetail': (core, { loanId }) => loanDetail(core.requireSession().ctx, loanId),
};
