import { currentReportSchedule, dueScheduledReport, generateReport, listReports, readReportPdf, setReportSchedule, storedReportFigures } from '../reports/report-service.ts';
import type { ApiCore } from './api-core.ts';
import type { HandlerTable } from './handler.ts';
import { startJob } from './start-job.ts';

type ReportMethods = 'reports.generate' | 'reports.list' | 'reports.figures' | 'reports.readPdf' | 'reports.schedule' | 'reports.setSchedule';

function startReport(core: ApiCore, request: { period: string; language: 'en' | 'zh-CN'; scheduled?: boolean }): { jobId: string } {
  const label = `${request.scheduled ? 'Scheduled risk report' : 'Risk report'} ${request.period} (${request.language})`;
  return startJob(core, 'risk-report', label, (session, control) => generateReport(session.ctx, request, control, (change) => session.write(change)));
}

export const reportHandlers: HandlerTable<ReportMethods> = {
  'reports.generate': (core, request) => startReport(core, request),
  'reports.list': (core) => listReports(core.requireSession().ctx),
  'reports.figures': (core, { reportId }) => storedReportFigures(core.requireSession().ctx, reportId),
  'reports.readPdf': (core, request) => {
    const session = core.requireSession();
    // The first chunk is audited as the report leaving the workspace: a write, behind the session's lock.
    return request.offset === 0 ? session.write(() => readReportPdf(session.ctx, request)) : readReportPdf(session.ctx, request);
  },
  'reports.schedule': (core) => currentReportSchedule(core.requireSession().ctx),
  'reports.setSchedule': (core, request) => setReportSchedule(core.requireSession().ctx, request),
};

/**
 * At an unlock, the report the schedule owes (if any) is made as a job of the new session, so the user sees it in the
 * jobs list and is told when it is ready; a failure there never blocks the unlock.
 */
export function startScheduledReport(core: ApiCore, log: (message: string) => void): void {
  try {
    const due = dueScheduledReport(core.requireSession().ctx);
    if (due) startReport(core, { ...due, scheduled: true });
  } catch (error) {
    log(`RiskDesk: the scheduled report could not be started: ${error instanceof Error ? error.message : String(error)}`);
  }
}
