import { dashboardSummary } from '../../store/dashboard-queries.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import type { EngineJob } from '../protocol.ts';

/**
 * The dashboard's SQL takes seconds at a million loans (the monthly delinquency trend scans the performance
 * history), so it runs here, on the worker's own read-only connection, and main stays free for other calls.
 */
export const dashboardSummaryJob: EngineJob<'dashboard-summary'> = ({ reader }, _input, report) => {
  report({ done: 0, total: 1, phase: 'dashboard' });
  const summary = inReadSnapshot(reader, () => dashboardSummary(reader));
  report({ done: 1, total: 1, phase: 'dashboard' });
  return summary;
};
