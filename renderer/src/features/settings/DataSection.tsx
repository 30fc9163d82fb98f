import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodArgs } from '../../../../preload/contract/index.ts';
import { DEMO_SCALES } from '../../../../preload/contract/vocabulary.ts';
import { allows } from '../../../../preload/contract/permissions.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { useJobRunner } from '../../jobs/jobs-context.tsx';
import { useUnlocked } from '../../session/session-context.tsx';
import { ImportForm } from './ImportForm.tsx';

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
