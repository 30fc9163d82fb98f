import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../preload/contract/errors.ts';
import { importSummarySchema } from '../../../../preload/contract/jobs.ts';
import { IMPORT_ENCODINGS, IMPORT_KINDS, type ImportEncoding, type ImportKind } from '../../../../preload/contract/vocabulary.ts';
import { api } from '../../api/client.ts';
import { uploadFile } from '../../api/upload-file.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { SegmentedChoice } from '../../components/SegmentedChoice.tsx';
import { UploadProgress } from '../../components/UploadProgress.tsx';
import { useJobRunner } from '../../jobs/jobs-context.tsx';
import { ImportCheck } from './ImportCheck.tsx';
import { ImportWarnings } from './ImportWarnings.tsx';
import { useFileFolder } from './use-file-folder.ts';

type ImportSource = 'upload' | 'folder';
const IMPORT_SOURCES: readonly ImportSource[] = ['upload', 'folder'];

/** The encoding a refused import looks like it is in, when main named one RiskDesk reads (details.retryEncoding). */
function retryEncoding(error: ApiError | undefined): ImportEncoding | null {
  if (error?.code !== 'IMPORT_REJECTED') return null;
  const named = (error.details as { retryEncoding?: unknown } | undefined)?.retryEncoding;
  return IMPORT_ENCODINGS.find((encoding) => encoding === named) ?? null;
}

/** What the user asked to check: confirming imports this file in this encoding, whatever the form holds since. */
interface ImportRequest {
  readonly kind: ImportKind;
  readonly encoding: ImportEncoding;
  readonly source: ImportSource;
  readonly file: File | null;
  readonly path: string;
}

/**
 * A CSV file from anywhere on this computer is uploaded to main (the page never names a path there); a file
 * already in the RiskDesk folder can be named instead, which avoids copying a very large one. Every file is checked
 * first (the import itself, rolled back): the user sees its rows, its rejected values or its unusual ones before
 * anything is written, and then imports it or cancels. A file refused because it is in another encoding than the one
 * chosen (a Chinese spreadsheet's GBK, say) can be checked again in the encoding main says it looks like, with one click.
 */
export function ImportForm() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('loans');
  const [encoding, setEncoding] = useState<ImportEncoding>('utf-8');
  const [source, setSource] = useState<ImportSource>('upload');
  const [file, setFile] = useState<File | null>(null);
  const [path, setPath] = useState('');
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const [checked, setChecked] = useState<ImportRequest | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const folder = useFileFolder();
  const runner = useJobRunner();
  const running = upload !== null || (runner.jobId !== null && !runner.entry?.finished);
  const retryAs = runner.entry?.finished ? retryEncoding(runner.entry.error) : null;
  const parsed = runner.entry?.finished ? importSummarySchema.safeParse(runner.entry.result) : null;
  const summary = parsed?.success ? parsed.data : null;

  const run = (request: ImportRequest, checkOnly: boolean) => {
    setCancelled(false);
    void runner.start(async () => {
      const { kind: chosenKind, encoding: chosenEncoding } = request;
      if (request.source === 'folder') return api.call('jobs.startImport', { kind: chosenKind, path: request.path, encoding: chosenEncoding, checkOnly });
      const picked = request.file;
      if (!picked) throw new Error(t('settings.data.chooseFile'));
      if (picked.size === 0) throw new Error(t('settings.data.emptyFile', { name: picked.name }));
      try {
        // The upload is removed when its job ends, so the import after a check (or a retry) sends the file again.
        const uploadId = await uploadFile(picked, (sent, total) => setUpload({ sent, total }));
        return await api.call('jobs.importUpload', { kind: chosenKind, uploadId, encoding: chosenEncoding, checkOnly });
      } finally {
        setUpload(null);
      }
    });
  };

  const check = (chosen: ImportEncoding) => {
    const request = { kind, encoding: chosen, source, file, path };
    setChecked(request);
    run(request, true);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    check(encoding);
  };

  const retry = (chosen: ImportEncoding) => {
    setEncoding(chosen);
    check(chosen);
  };

  const confirm = () => {
    if (checked) run(checked, false);
  };

  const cancel = () => {
    runner.reset();
    setChecked(null);
    setCancelled(true);
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
        <Field label={t('settings.data.encoding')}>
          <select value={encoding} onChange={(event) => setEncoding(event.target.value as ImportEncoding)} data-testid="import-encoding">
            {IMPORT_ENCODINGS.map((option) => (
              <option key={option} value={option}>
                {t(`settings.data.encodings.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button button-primary" disabled={running}>
          {t('settings.data.checkButton')}
        </button>
      </div>
      {upload && <UploadProgress name={file?.name ?? ''} sent={upload.sent} total={upload.total} />}
      {runner.jobId && <JobProgress jobId={runner.jobId} />}
      {summary && (summary.written ? <ImportWarnings summary={summary} /> : <ImportCheck summary={summary} onConfirm={confirm} onCancel={cancel} />)}
      {cancelled && (
        <p className="muted small" role="status" data-testid="import-cancelled">
          {t('settings.data.check.cancelled')}
        </p>
      )}
      {retryAs && (
        <div className="form-actions">
          <button type="button" className="button" onClick={() => retry(retryAs)} data-testid="import-retry-encoding">
            {t('settings.data.retryAs', { encoding: t(`settings.data.encodings.${retryAs}`) })}
          </button>
        </div>
      )}
      <ErrorNotice error={runner.startError} />
    </form>
  );
}
