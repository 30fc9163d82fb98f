import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { uploadFile } from '../../api/upload-file.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { UploadProgress } from '../../components/UploadProgress.tsx';
import { useJobRunner } from '../../jobs/jobs-context.tsx';
import { resultOf } from '../../jobs/job-result.ts';
import { VerificationResult } from './VerificationResult.tsx';

/** A pack from this computer is uploaded to main (the import's upload path), checked as a job, and shown line by line. */
export function VerifyPack() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<{ sent: number; total: number } | null>(null);
  const runner = useJobRunner();
  const running = upload !== null || (runner.jobId !== null && !runner.entry?.finished);
  const result = runner.entry?.finished ? (resultOf(runner.entry, 'evidence-verify') ?? null) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runner.start(async () => {
      if (!file) throw new Error(t('evidence.verify.choose'));
      if (file.size === 0) throw new Error(t('evidence.verify.empty', { name: file.name }));
      try {
        const uploadId = await uploadFile(file, (sent, total) => setUpload({ sent, total }));
        return await api.call('evidence.startVerify', { uploadId });
      } finally {
        setUpload(null);
      }
    });
  };

  return (
    <section className="panel" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('evidence.verify.title')}</h2>
      <p className="muted small">{t('evidence.verify.explain')}</p>
      <form onSubmit={submit} className="form-row" data-testid="verify-form">
        <Field label={t('evidence.verify.file')}>
          <input type="file" required accept=".zip,application/zip" onChange={(event) => setFile(event.target.files?.[0] ?? null)} data-testid="verify-file" />
        </Field>
        <button type="submit" className="button button-primary" disabled={running}>
          {t('evidence.verify.button')}
        </button>
      </form>
      {upload && <UploadProgress name={file?.name ?? ''} sent={upload.sent} total={upload.total} />}
      {runner.jobId && <JobProgress jobId={runner.jobId} />}
      <ErrorNotice error={runner.startError} />
      {result && <VerificationResult result={result} />}
    </section>
  );
}
