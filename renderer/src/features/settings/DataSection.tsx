import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodArgs } from '../../../../preload/contract/index.ts';
import { DEMO_SCALES, IMPORT_KINDS } from '../../../../preload/contract/vocabulary.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { uploadFile } from '../../api/upload-file.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { SegmentedChoice } from '../../components/SegmentedChoice.tsx';
import { UploadProgress } from '../../components/UploadProgress.tsx';
import { useJobRunner } from '../../jobs/jobs-context.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { ImportWarnings } from './ImportWarnings.tsx';
import { useFileFolder } from './use-file-folder.ts';

type ImportKind = MethodArgs<'jobs.startImport'>['kind'];
type DemoScale = MethodArgs<'jobs.startDemo'>['scale'];

/** Bringing data in: CSV imports (all or nothing) and the synthetic demo portfolio. */
export function DataSection() {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const canImport = allows(user.role, 'data.import');
  const canDemo = allows(user.role, 'data.demo');
  return (
    <section className="panel" aria-labelledby="data-title" data-testid="data-section">
      <h2 id="data-title">{t('settings.data.title')}</h2>
      {!canImport && !canDemo && <p className="muted">{t('settings.data.notAllowed', { role: t(`roles.${user.role}`) })}</p>}
      {canImport && <ImportForm />}
      {canDemo && <DemoForm />}
    </section>
  );
}

type ImportSource = 'upload' | 'folder';
const IMPORT_SOURCES: readonly ImportSource[] = ['upload', 'folder'];

/**
 * A CSV file from anywhere on this computer is uploaded to main (the page never names a path there); a file
 * already in the RiskDesk folder can be named instead, which avoids copying a very large one.
 */
function ImportForm() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('loans');
  const [source, setSource] = useState<ImportSource>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [path, setPath] = useState('');
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const folder = useFileFolder();
  const runner = useJobRunner();
  const running = upload !== null || (runner.jobId !== null && !runner.entry?.finished);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runner.start(async () => {
      if (source === 'folder') return api.call('jobs.startImport', { kind, path });
      if (!file) throw new Error(t('settings.data.chooseFile'));
      if (file.size === 0) throw new Error(t('settings.data.emptyFile', { name: file.name }));
      try {
        const uploadId = await uploadFile(file, (sent, total) => setUpload({ sent, total }));
        return await api.call('jobs.importUpload', { kind, uploadId });
      } finally {
        setUpload(null);
      }
    });
  };

  return (
    <form onSubmit={submit} className="subsection" data-testid="import-form">
      <h3>{t('settings.data.import')}</h3>
      <p className="muted small">{t('settings.data.importHint')}</p>
      <SegmentedChoice name="import-source" label={t('settings.data.source')} options={IMPORT_SOURCES} value={source} onChange={setSource} optionLabel={(option) => t(`settings.data.sources.${option}`)} />
      <div className="form-row">
        <Field label={t('settings.data.kind')}>
          <select value={kind} onChange={(event) => setKind(event.target.value as ImportKind)}>
            {IMPORT_KINDS.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </Field>
        {source === 'upload' ? (
          <Field label={t('settings.data.file')} hint={t('settings.data.fileHint')}>
            <input type="file" required accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          </Field>
        ) : (
          <Field label={t('settings.data.path')} hint={folder ? t('settings.data.pathHint', { folder }) : undefined}>
            <input required value={path} onChange={(event) => setPath(event.target.value)} className="input-wide mono" placeholder="loans.csv" spellCheck={false} />
          </Field>
        )}
        <button type="submit" className="button button-primary" disabled={running}>
          {t('settings.data.importButton')}
        </button>
      </div>
      {upload && <UploadProgress name={file?.name ?? ''} sent={upload.sent} total={upload.total} />}
      {runner.jobId && <JobProgress jobId={runner.jobId} />}
      {runner.entry?.finished && <ImportWarnings result={runner.entry.result} />}
      <ErrorNotice error={runner.startError} />
    </form>
  );
}

function DemoForm() {
  const { t } = useTranslation();
  const [scale, setScale] = useState<DemoScale>('small');
  const runner = useJobRunner();
  const running = runner.jobId !== null && !runner.entry?.finished;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runner.start(() => api.call('jobs.startDemo', { scale }));
  };

  return (
    <form onSubmit={submit} className="subsection" data-testid="demo-form">
      <h3>{t('settings.data.demo')}</h3>
      <p className="muted small">{t('settings.data.demoHint')}</p>
      <div className="form-row">
        <Field label={t('settings.data.scale')}>
          <select value={scale} onChange={(event) => setScale(event.target.value as DemoScale)}>
            {DEMO_SCALES.map((option) => (
              <option key={option} value={option}>
                {t(`settings.data.scales.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button-primary" disabled={running}>
          {t('settings.data.demoButton')}
        </button>
      </div>
      {runner.jobId && <JobProgress jobId={runner.jobId} />}
      <ErrorNotice error={runner.startError} />
    </form>
  );
}
