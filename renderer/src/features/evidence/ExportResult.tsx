import { useTranslation } from 'react-i18next';
import type { EvidenceExport } from '../../../../preload/contract/evidence.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FactList } from '../../components/FactList.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { DownloadOutcome } from '../../components/PlaintextSaved.tsx';
import { useSavedDownload } from '../../components/use-saved-download.ts';
import type { useJobRunner } from '../../jobs/jobs-context.tsx';
import { formatBytes } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { Fingerprint } from './Fingerprint.tsx';
import { downloadPack } from './pack-download.ts';

interface Props {
  readonly runner: ReturnType<typeof useJobRunner>;
  /** The pack the job made (null while it runs, or when it failed or was cancelled). */
  readonly exported: EvidenceExport | null;
  readonly onBack: () => void;
  readonly onRestart: () => void;
}

/** The export job's progress (with cancel), then the pack: what identifies it, and saving it. */
export function ExportResult({ runner, exported, onBack, onRestart }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const download = useSavedDownload();
  const finished = runner.startError !== null || runner.entry?.finished === true;

  return (
    <div className="panel" data-testid="export-step">
      {runner.jobId && <JobProgress jobId={runner.jobId} />}
      <ErrorNotice error={runner.startError} />
      {exported && runner.jobId && (
        <section aria-labelledby="pack-title" data-testid="export-result">
          <h2 id="pack-title">{t('evidence.result.title')}</h2>
          <FactList
            facts={[
              [t('evidence.result.fileName'), <span className="mono">{exported.fileName}</span>],
              [t('evidence.result.size'), formatBytes(exported.bytes, locale)],
              [t('evidence.result.sha256'), <Fingerprint hex={exported.sha256} testId="pack-sha256" />],
              [t('evidence.result.fingerprint'), <Fingerprint hex={exported.fingerprint} testId="pack-fingerprint" />],
              [t('evidence.result.auditHead'), <span className="mono small">{exported.auditHead}</span>],
            ]}
          />
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={download.busy} onClick={() => void download.save(() => downloadPack(runner.jobId ?? ''))} data-testid="save-pack">
              {t('evidence.result.save')}
            </button>
          </div>
          <DownloadOutcome download={download} />
        </section>
      )}
      {finished && (
        <div className="form-actions">
          {!exported && (
            <button type="button" className="button" onClick={onBack}>
              {t('evidence.back')}
            </button>
          )}
          <button type="button" className="button" onClick={onRestart}>
            {t('evidence.result.another')}
          </button>
        </div>
      )}
    </div>
  );
}
