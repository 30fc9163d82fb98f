import { useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevelopmentOptions, StoredBinning } from '../../../../../preload/contract/index.ts';
import { api } from '../../../api/client.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { JobProgress } from '../../../components/JobProgress.tsx';
import { formatCount, formatPercent } from '../../../format/numbers.ts';
import { useJobs } from '../../../jobs/jobs-context.tsx';
import { resultOf } from '../../../jobs/job-result.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { useUnlocked } from '../../../session/session-context.tsx';
import { MetricsTable } from '../MetricsTable.tsx';
import { RoundingEffect } from '../RoundingEffect.tsx';
import { BinEditor } from './BinEditor.tsx';
import { builderReducer, recallBuilder, refitBinnings, rememberBuilder, type Development } from './builder-state.ts';
import { CoefficientTable } from './CoefficientTable.tsx';
import { DevelopmentOptionsForm } from './DevelopmentOptionsForm.tsx';
import { DropComparison } from './DropComparison.tsx';
import { FeatureTable } from './FeatureTable.tsx';
import { SaveModelForm } from './SaveModelForm.tsx';
import { sampleText } from '../development-text.ts';

/**
 * Scorecard development on the workspace's seasoned loans: options → a development job → features with their IV
 * → bins edited by hand and re-counted at once → a refit with those bins → the model, its metrics, a draft.
 */
export function ScorecardBuilder() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { user, workspace } = useUnlocked();
  const owner = `${workspace.path}\u0000${user.username}`;
  const jobs = useJobs();
  // A remembered development still running is followed only if this session's job list knows it (after a lock
  // and unlock it would never be reported done here).
  const [state, dispatch] = useReducer(builderReducer, owner, (key: string) => {
    const recalled = recallBuilder(key);
    return recalled.pending && !jobs.get(recalled.pending.jobId) ? { ...recalled, pending: null } : recalled;
  });
  const [startError, setStartError] = useState<unknown>(null);
  const [reportError, setReportError] = useState<unknown>(null);
  const { current, pending } = state;

  useEffect(() => rememberBuilder(owner, state), [owner, state]);

  // Follow a development until its report is in (also one started before the user last left this screen).
  const pendingJob = pending?.jobId ?? null;
  useEffect(() => {
    if (!pendingJob) return;
    let live = true;
    setReportError(null);
    jobs
      .waitFor(pendingJob)
      .then((done) => (done.error ? null : (resultOf(done, 'credit-development') ?? api.call('credit.development', { jobId: pendingJob }))))
      .then(
        (report) => live && report && dispatch({ type: 'reported', jobId: pendingJob, report }),
        (failure: unknown) => live && setReportError(failure),
      );
    return () => {
      live = false;
    };
  }, [pendingJob]);

  const start = async (options: DevelopmentOptions, handBinnings: Readonly<Record<string, StoredBinning>>, baseline?: Development['baseline']) => {
    setStartError(null);
    try {
      const { jobId } = await api.call('credit.startDevelopment', { ...options, binnings: Object.values(handBinnings) });
      dispatch({ type: 'started', development: { jobId, options, handBinnings, ...(baseline ? { baseline } : {}) } });
    } catch (failure) {
      setStartError(failure);
    }
  };

  const running = pendingJob !== null && !jobs.get(pendingJob)?.finished;
  const editCount = Object.keys(state.edits).length;
  // A bin with no loans has no WOE: main refuses to fit it, so the refit waits until it is merged away.
  const emptyBins = Object.values(state.edits).some((edit) => edit.bins.some((bin) => bin.flags?.includes('empty')));
  const report = current?.report ?? null;
  const feature = report?.features.find((candidate) => candidate.name === state.selected) ?? null;

  // One click: the same development without the flagged features (and so for later ones too), metrics kept to compare.
  const dropFlagged = (features: readonly string[]) => {
    if (!current) return;
    const exclude = [...new Set([...current.options.exclude, ...features])];
    dispatch({ type: 'draft', draft: { ...state.draft, exclude: [...new Set([...state.draft.exclude, ...features])] } });
    void start({ ...current.options, exclude }, current.handBinnings, { dropped: features, metrics: current.report.metrics });
  };

  return (
    <div className="credit-stack" data-testid="scorecard-builder">
      <DevelopmentOptionsForm
        draft={state.draft}
        candidates={state.candidates}
        running={running}
        onChange={(draft) => dispatch({ type: 'draft', draft })}
        onDevelop={(options) => void start(options, {})}
      />
      <ErrorNotice error={startError ?? reportError} />
      {pendingJob && <JobProgress jobId={pendingJob} />}
      {!current && !pending && <p className="muted">{t('credit.builder.intro')}</p>}
      {current && report && (
        <>
          <p className="muted small" data-testid="development-summary">
            {t('credit.builder.summary', {
              rows: formatCount(report.rows, locale),
              events: formatCount(report.events, locale),
              rate: formatPercent(report.rows > 0 ? report.events / report.rows : 0, locale),
            })}{' '}
            {sampleText(t, report, locale)} <span className="mono" title={t('credit.builder.trainingHash')}>#{report.trainingHash.slice(0, 12)}</span>
          </p>
          <div className="builder-grid">
            <section className="panel" aria-labelledby="features-title">
              <div className="panel-head">
                <h2 id="features-title">{t('credit.builder.features')}</h2>
                {editCount > 0 && (
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={running || emptyBins}
                    title={emptyBins ? t('credit.diagnostics.emptyRefused') : undefined}
                    data-testid="refit"
                    onClick={() => void start(current.options, refitBinnings(state))}
                  >
                    {t('credit.builder.refit', { count: editCount })}
                  </button>
                )}
              </div>
              {emptyBins && <p className="notice notice-error">{t('credit.diagnostics.emptyRefused')}</p>}
              <FeatureTable features={report.features} edits={state.edits} handBinned={current.handBinnings} selected={state.selected} onSelect={(name) => dispatch({ type: 'select', feature: name })} />
            </section>
            <section className="panel" aria-labelledby="bins-title">
              {feature ? (
                <BinEditor
                  key={feature.name}
                  feature={feature}
                  evaluation={state.edits[feature.name] ?? null}
                  sample={current.options}
                  onEdited={(evaluation) => dispatch({ type: 'edited', feature: feature.name, evaluation })}
                  onUndo={() => dispatch({ type: 'undo', feature: feature.name })}
                  frozen={running}
                />
              ) : (
                <p className="muted">{t('credit.builder.noFeatures')}</p>
              )}
            </section>
            <section className="panel" aria-labelledby="model-title">
              <h2 id="model-title">{t('credit.builder.model')}</h2>
              <CoefficientTable model={report.model} {...(running ? {} : { onDrop: dropFlagged })} />
              {current.baseline && <DropComparison dropped={current.baseline.dropped} before={current.baseline.metrics} after={report.metrics} />}
            </section>
            <section className="panel" aria-labelledby="metrics-title">
              <h2 id="metrics-title">{t('credit.builder.metrics')}</h2>
              <MetricsTable metrics={report.metrics} />
              {report.rounding && <RoundingEffect rounding={report.rounding} rounded={report.scaling.round_points === true} />}
              <SaveModelForm key={current.jobId} jobId={current.jobId} report={report} pendingEdits={editCount} />
            </section>
          </div>
        </>
      )}
    </div>
  );
}
