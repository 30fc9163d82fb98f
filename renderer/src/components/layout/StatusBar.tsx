import { useTranslation } from 'react-i18next';
import { useJobs } from '../../jobs/jobs-context.tsx';
import { JobProgress } from '../JobProgress.tsx';

/** The session's jobs (import, demo, export, backup, verify), wherever they were started. */
export function StatusBar() {
  const { t } = useTranslation();
  const { jobs, dismiss } = useJobs();
  const running = jobs.filter((entry) => !entry.finished).length;
  return (
    <footer className="statusbar" aria-label={t('jobs.title')}>
      <span className="statusbar-caption">{running > 0 ? t('jobs.running', { count: running }) : t('jobs.idle')}</span>
      <div className="statusbar-jobs">
        {jobs.slice(0, 3).map((entry) => (
          <JobProgress key={entry.job.jobId} jobId={entry.job.jobId} compact onDismiss={entry.finished ? () => dismiss(entry.job.jobId) : undefined} />
        ))}
      </div>
    </footer>
  );
}
