import { useTranslation } from 'react-i18next';
import { formatCount } from '../format/numbers.ts';
import { usePreferences } from '../session/preferences.tsx';

/** A file on its way to main (before the job that reads it starts), in bytes sent. */
export function UploadProgress({ name, sent, total }: { name: string; sent: number; total: number }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <div className="job" data-testid="upload-progress">
      <div className="job-head">
        <span className="job-title">{t('jobs.uploading', { name })}</span>
        <span className="job-phase">
          {formatCount(sent, locale)} / {formatCount(total, locale)} {t('jobs.bytes')}
        </span>
      </div>
      <progress className="job-bar" max={total} value={sent} aria-label={t('jobs.uploading', { name })} />
    </div>
  );
}
