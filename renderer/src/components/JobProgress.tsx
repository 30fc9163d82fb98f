import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { ErrorNotice } from './ErrorNotice.tsx';
import { useJobs } from '../jobs/jobs-context.tsx';
import { usePreferences } from '../session/preferences.tsx';
import { formatCount } from '../format/numbers.ts';

interface Props {
  readonly jobId: string;
  /** One line, for the status bar. */
  readonly compact?: boolean;
  readonly onDismiss?: (() => void) | undefined;
}

/** A job's progress bar with cancel, then its outcome. */
export function JobProgress({ jobId, compact = false, onDismiss }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const jobs = useJobs();
  const entry = jobs.get(jobId);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  if (!entry) {
    return (
      <div className={compact ? 'job job-compact' : 'job'} data-testid="job-progress" data-state="starting">
        <span className="job-title">{t('jobs.starting')}</span>
        <progress className="job-bar" aria-label={t('jobs.starting')} />
      </div>
    );
  }

  const { job } = entry;
  const determinate = job.total > 0;
  const percent = determinate ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  const title = t(`jobs.kinds.${job.kind}`);
  const state = entry.error?.code === 'JOB_CANCELLED' ? 'cancelled' : job.state;

  const cancel = () => {
    setCancelling(true);
    jobs.cancel(jobId).catch((error: unknown) => {
      setCancelError(errorMessage(error));
      setCancelling(false);
    });
  };

  return (
    <div className={compact ? 'job job-compact' : 'job'} data-testid="job-progress" data-state={state}>
      <div className="job-head">
        <span className="job-title" title={job.label}>
          {title}
          {!compact && job.label && job.label.toLowerCase() !== title.toLowerCase() && <span className="job-label"> · {job.label}</span>}
        </span>
        {state === 'running' && (
          <span className="job-phase">
            {job.phase}
            {determinate && ` · ${formatCount(job.done, locale)} / ${formatCount(job.total, locale)}`}
          </span>
        )}
        {state === 'done' && <span className="job-outcome ok">{t('jobs.states.done')}</span>}
        {state === 'cancelled' && <span className="job-outcome">{t('jobs.states.cancelled')}</span>}
        {state === 'failed' && <span className="job-outcome error">{t('jobs.states.failed')}</span>}
      </div>
      {state === 'running' && (
        <div className="job-row">
          <progress className="job-bar" max={100} value={percent ?? undefined} aria-label={title} />
          {percent !== null && <span className="job-percent">{percent} %</span>}
          <button type="button" className="button button-small" onClick={cancel} disabled={cancelling}>
            {cancelling ? t('jobs.cancelling') : t('common.cancel')}
          </button>
        </div>
      )}
      {state === 'failed' && entry.error && !compact && <ErrorNotice error={new RiskDeskError(entry.error.code, entry.error.message, entry.error.details)} />}
      {cancelError && (
        <p className="notice notice-error" role="alert">
          {cancelError}
        </p>
      )}
      {onDismiss && (
        <button type="button" className="button-icon" onClick={onDismiss} aria-label={t('common.dismiss')} title={t('common.dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}
