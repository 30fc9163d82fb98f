import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { useJobRunner } from '../../jobs/jobs-context.tsx';
import { resultOf } from '../../jobs/job-result.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { formatCount } from '../../format/numbers.ts';

/** Re-check the audit trail's SHA-256 hash chain on a worker, and say whether it holds. */
export function VerifyChain() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const runner = useJobRunner();
  const entry = runner.entry;
  const running = runner.jobId !== null && !entry?.finished;
  const result = entry?.finished ? (resultOf(entry, 'audit-verify') ?? null) : null;

  return (
    <div className="panel">
      <h2>{t('audit.verify.title')}</h2>
      <p className="muted">{t('audit.verify.explain')}</p>
      <div className="form-row">
        <button type="button" className="button button-primary" disabled={running} onClick={() => void runner.start(() => api.call('audit.verify'))} data-testid="verify-chain">
          {t('audit.verify.button')}
        </button>
      </div>
      {runner.jobId && <JobProgress jobId={runner.jobId} />}
      <ErrorNotice error={runner.startError} />
      {result?.ok === true && (
        <p className="notice notice-ok" data-testid="verify-result">
          {t('audit.verify.intact', { events: formatCount(result.events, locale) })} <span className="mono small">{result.head.slice(0, 16)}…</span>
        </p>
      )}
      {result?.ok === false && (
        <p className="notice notice-error" role="alert" data-testid="verify-result">
          {t('audit.verify.broken', { seq: result.firstBadSeq, events: formatCount(result.events, locale), reason: result.reason })}
        </p>
      )}
    </div>
  );
}
