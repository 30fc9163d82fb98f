import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditRunResult, RunSummary } from '../../../../../preload/contract/index.ts';
import { allows } from '../../../../../preload/contract/permissions.ts';
import { api } from '../../../api/client.ts';
import { useCall } from '../../../api/use-call.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { JobProgress } from '../../../components/JobProgress.tsx';
import { formatTimestamp } from '../../../format/numbers.ts';
import { useJobRunner } from '../../../jobs/jobs-context.tsx';
import { resultOf } from '../../../jobs/job-result.ts';
import { useUnlocked } from '../../../session/session-context.tsx';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatDate } from '../../../format/dates.ts';

interface Props {
  readonly latest: RunSummary | null;
  /** The run list has been read (so "no run yet" is a fact, not a pending answer). */
  readonly loaded: boolean;
  /** A run finished: its summary, from job.done (null if that was lost with the connection: read the runs again). */
  readonly onFinished: (run: RunSummary | null) => void;
}

/** What the figures below come from (the latest run's date, model, parameters, who and when), and a new run. */
export function RunControl({ latest, loaded, onFinished }: Props) {
  const { locale } = usePreferences();
  const { t } = useTranslation();
  const { user } = useUnlocked();
  const runner = useJobRunner();
  const running = runner.jobId !== null && !runner.entry?.finished;
  /** The alerts the run started here emitted (the run's result says; the runs list does not keep them). */
  const [alerts, setAlerts] = useState<CreditRunResult['alerts'] | null>(null);
  // A run needs an active model and an active parameter set: without one the button says which is missing.
  const actives = useCall(
    () => Promise.all([api.call('credit.models'), api.call('credit.parameterSets')]).then(([models, sets]) => ({ model: models.some((m) => m.status === 'active'), parameters: sets.some((s) => s.status === 'active') })),
    [],
  );
  const missing = actives.data && !actives.data.model ? t('credit.risk.needsModel') : actives.data && !actives.data.parameters ? t('credit.risk.needsParameters') : null;

  const run = async () => {
    setAlerts(null);
    const done = await runner.start(() => api.call('credit.startRun', {}));
    if (done && !done.error) {
      const result = resultOf(done, 'credit-run') ?? null;
      setAlerts(result?.alerts ?? null);
      onFinished(result);
    }
  };

  return (
    <section className="panel" aria-labelledby="run-title" data-testid="run-control">
      <div className="panel-head">
        <h2 id="run-title">{t('credit.risk.run')}</h2>
        {allows(user.role, 'runs.start') && (
          <button
            type="button"
            className="button button-primary"
            disabled={running || missing !== null}
            title={missing ?? undefined}
            aria-describedby={missing ? 'run-blocked' : undefined}
            onClick={() => void run()}
            data-testid="start-run"
          >
            {running ? t('credit.risk.running') : t('credit.risk.startRun')}
          </button>
        )}
      </div>
      {missing && allows(user.role, 'runs.start') && (
        <p className="muted small" id="run-blocked" data-testid="run-blocked">
          {missing}
        </p>
      )}
      {latest ? (
        <dl className="facts facts-inline" data-testid="run-facts">
          <div>
            <dt>{t('credit.risk.asOf')}</dt>
            <dd>{formatDate(latest.asOf, locale)}</dd>
          </div>
          <div>
            <dt>{t('credit.risk.model')}</dt>
            <dd>{latest.modelName}</dd>
          </div>
          <div>
            <dt>{t('credit.risk.parameterVersion')}</dt>
            <dd>v{latest.parameterVersion}</dd>
          </div>
          <div>
            <dt>{t('credit.risk.startedBy')}</dt>
            <dd>{latest.startedBy}</dd>
          </div>
          <div>
            <dt>{t('credit.risk.finishedAt')}</dt>
            <dd>{formatTimestamp(latest.finishedAt)}</dd>
          </div>
        </dl>
      ) : (
        loaded && <p className="muted">{t('credit.risk.noRun')}</p>
      )}
      {alerts && (
        <p className="small" data-testid="run-alerts">
          {t('credit.risk.runAlerts', { raised: alerts.raised, repeated: alerts.repeated })}
        </p>
      )}
      {runner.jobId && <JobProgress jobId={runner.jobId} />}
      <ErrorNotice error={runner.startError} />
    </section>
  );
}
