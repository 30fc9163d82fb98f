import type { Db } from '../../store/database.ts';
import { dashboardSummary } from '../../store/dashboard-queries.ts';
import type { ReportProgress } from '../serve-job.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';

export type DashboardSummary = ReturnType<typeof dashboardSummary>;

/**
 * The dashboard's SQL takes seconds at a million loans (the monthly delinquency trend scans the performance
 * history), so it runs here, on the worker's own read-only connection, and main stays free for other calls.
 */
export function dashboardSummaryJob(db: Db, _input: Record<string, never>, report: ReportProgress): DashboardSummary {
  report({ done: 0, total: 1, phase: 'dashboard' });
  const summary = inReadSnapshot(db, () => dashboardSummary(db));
  report({ done: 1, total: 1, phase: 'dashboard' });
  return summary;
}
