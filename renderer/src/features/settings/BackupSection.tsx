import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { useJobRunner } from '../../jobs/jobs-context.tsx';
import { resultOf } from '../../jobs/job-result.ts';
import { useSession, useUnlocked } from '../../session/session-context.tsx';
import { useFileFolder } from './use-file-folder.ts';

/** Backup (admin, auditor) to a new encrypted file; restore (admin) replaces this workspace and locks it. */
export function BackupSection() {
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const canBackup = allows(user.role, 'workspace.backup');
  const canRestore = allows(user.role, 'workspace.restore');
  return (
    <section className="panel" aria-labelledby="backup-title" data-testid="backup-section">
      <h2 id="backup-title">{t('settings.backup.title')}</h2>
      {!canBackup && !canRestore && <p className="muted">{t('settings.backup.notAllowed', { role: t(`roles.${user.role}`) })}</p>}
      {canBackup && <BackupForm />}
      {canRestore && <RestoreForm />}
    </section>
  );
}

function BackupForm() {
  const { t } = useTranslation();
  const folder = useFileFolder();
  const [path, setPath] = useState('');
  const runner = useJobRunner();
  const running = runner.jobId !== null && !runner.entry?.finished;
  const backup = runner.entry?.finished ? resultOf(runner.entry, 'backup') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void runner.start(() => api.call('workspace.backup', { path }));
  };
  return (
    <form onSubmit={submit} className="subsection">
      <h3>{t('settings.backup.backup')}</h3>
      <div className="form-row">
        <Field label={t('settings.backup.path')} hint={folder ? t('settings.backup.pathHint', { folder }) : undefined}>
          <input required value={path} onChange={(event) => setPath(event.target.value)} className="input-wide mono" placeholder="riskdesk-2025-01-31.rdw" spellCheck={false} />
        </Field>
        <button type="submit" className="button button-primary" disabled={running}>
          {t('settings.backup.backupButton')}
        </button>
      </div>
      {runner.jobId && <JobProgress jobId={runner.jobId} />}
      {backup && (
        <p className="notice" data-testid="backup-anchor">
          {t('settings.backup.anchor', { seq: backup.auditHead.seq })} <code className="mono small">{`${backup.auditHead.seq}:${backup.auditHead.hash}`}</code>
        </p>
      )}
      <ErrorNotice error={runner.startError} />
    </form>
  );
}

function RestoreForm() {
  const { t } = useTranslation();
  const { setStatus } = useSession();
  const folder = useFileFolder();
  const [from, setFrom] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // The workspace is replaced and locked: the unlock screen follows.
      setStatus(await api.call('workspace.restore', { from, passphrase }));
    } catch (failure) {
      setError(failure);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="subsection">
      <h3>{t('settings.backup.restore')}</h3>
      <p className="muted small">{t('settings.backup.restoreHint')}</p>
      <div className="form-row">
        <Field label={t('settings.backup.from')} hint={folder ? t('settings.backup.fromHint', { folder }) : undefined}>
          <input required value={from} onChange={(event) => setFrom(event.target.value)} className="input-wide mono" spellCheck={false} />
        </Field>
        <Field label={t('settings.backup.restorePassphrase')}>
          <input type="password" required value={passphrase} onChange={(event) => setPassphrase(event.target.value)} autoComplete="off" />
        </Field>
        <button type="submit" className={confirming ? 'button button-danger' : 'button'} disabled={busy}>
          {confirming ? t('settings.backup.confirmRestore') : t('settings.backup.restoreButton')}
        </button>
        {confirming && (
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        )}
      </div>
      <ErrorNotice error={error} />
    </form>
  );
}
