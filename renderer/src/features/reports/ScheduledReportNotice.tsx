import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StoredReport } from '../../../../preload/contract/reports.ts';
import { api } from '../../api/client.ts';
import { useJobs, type JobEntry } from '../../jobs/jobs-context.tsx';
import { resultOf } from '../../jobs/job-result.ts';
import { periodKindOf } from './report-period.ts';

function finishedReportJobs(jobs: readonly JobEntry[]): JobEntry[] {
  return jobs.filter((entry) => entry.job.kind === 'risk-report' && entry.finished && entry.job.state === 'done');
}

/**
 * Tells the user that the schedule made a report (main starts those jobs itself at the unlock), with a link to it.
 * A job followed live carries its report; one that ended before this page connected is matched to the first scheduled
 * report kept after it started.
 */
export function ScheduledReportNotice() {
  const { t } = useTranslation();
  const { jobs } = useJobs();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [kept, setKept] = useState<readonly StoredReport[]>([]);
  const finished = finishedReportJobs(jobs);
  const withoutResult = finished.filter((entry) => !entry.result).map((entry) => entry.job.jobId).join(',');

  useEffect(() => {
    if (withoutResult === '') return;
    let live = true;
    api.call('reports.list').then(
      (reports) => live && setKept(reports),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [withoutResult]);

  const notices = finished.flatMap((entry) => {
    if (dismissed.has(entry.job.jobId)) return [];
    const report = resultOf(entry, 'risk-report') ?? kept.filter((candidate) => candidate.scheduled && candidate.generatedAt >= entry.job.startedAt).at(-1);
    return report?.scheduled ? [{ jobId: entry.job.jobId, report }] : [];
  });
  if (notices.length === 0) return null;

  return (
    <div className="job-notices">
      {notices.map(({ jobId, report }) => (
        <p key={jobId} className="notice notice-ok" role="status" data-testid="scheduled-report-notice">
          {periodKindOf(report.period) === 'week' ? t('reports.notice.weekly', { period: report.period }) : t('reports.notice.monthly', { period: report.period })}{' '}
          <Link to={`/reports?report=${report.reportId}`} onClick={() => setDismissed((current) => new Set(current).add(jobId))}>
            {t('reports.notice.open')}
          </Link>
          <button type="button" className="button-icon" onClick={() => setDismissed((current) => new Set(current).add(jobId))} aria-label={t('common.dismiss')} title={t('common.dismiss')}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
