import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { JobProgress } from '../../../components/JobProgress.tsx';
import { useJobResult } from '../../../jobs/use-job-result.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { STABILITY_TONE } from '../credit-codes.ts';
import { formatDecimal } from '../format-stats.ts';
import { MetricsTable } from '../MetricsTable.tsx';
import { RoundingEffect } from '../RoundingEffect.tsx';
import { ToneBadge } from '../ToneBadge.tsx';
import { useCall } from '../../../api/use-call.ts';
import { CalibrationChart } from './CalibrationChart.tsx';
import { CsiTable } from './CsiTable.tsx';
import { KsChart } from './KsChart.tsx';
import { ModelScaleAndAcceptance } from './ModelScaleAndAcceptance.tsx';
import { PsiChart } from './PsiChart.tsx';
import { RocChart } from './RocChart.tsx';

/** One model's report (curves, bands) and its monitoring on the current portfolio (PSI, CSI, calibration). */
export function ModelValidation({ modelId }: { modelId: number }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const detail = useCall(() => api.call('credit.model', { modelId }), [modelId]);
  const monitoring = useJobResult(
    'credit-monitoring',
    () => api.call('credit.startMonitoring', { modelId }),
    (jobId) => api.call('credit.monitoring', { jobId }),
    [modelId],
  );
  const report = detail.data?.report;
  const stability = report?.stability;

  return (
    <>
      <ErrorNotice error={detail.error} />
      <div className="panel-grid" data-testid="model-validation">
        {report && (
          <>
            <ModelScaleAndAcceptance report={report} />
            <section className="panel" aria-labelledby="roc-title">
              <h2 id="roc-title">{t('credit.validation.roc')}</h2>
              {report.curves ? <RocChart roc={report.curves.roc} /> : <p className="muted empty">{t('credit.validation.noCurves')}</p>}
            </section>
            <section className="panel" aria-labelledby="ks-title">
              <h2 id="ks-title">{t('credit.validation.ks')}</h2>
              {report.curves ? <KsChart ks={report.curves.ks} trainingRows={report.metrics?.train.rows ?? null} /> : <p className="muted empty">{t('credit.validation.noCurves')}</p>}
            </section>
            <section className="panel" aria-labelledby="validation-metrics-title">
              <h2 id="validation-metrics-title">{t('credit.builder.metrics')}</h2>
              <MetricsTable metrics={report.metrics} />
              {report.rounding && <RoundingEffect rounding={report.rounding} rounded={report.scaling.round_points === true} />}
              {stability && (
                <p className="small">
                  {t('credit.validation.developmentPsi')} {formatDecimal(stability.score.value, locale)}{' '}
                  <ToneBadge tone={STABILITY_TONE[stability.score.band]}>{t(`credit.stability.${stability.score.band}`)}</ToneBadge>
                </p>
              )}
            </section>
            <section className="panel" aria-labelledby="calibration-title">
              <h2 id="calibration-title">{t('credit.validation.calibration')}</h2>
              <CalibrationChart development={report.bands?.holdout ?? report.bands?.train ?? []} current={monitoring.data?.calibration ?? []} />
            </section>
          </>
        )}
        <section className="panel panel-wide" aria-labelledby="psi-title">
          <h2 id="psi-title">{t('credit.validation.psi')}</h2>
          <ErrorNotice error={monitoring.error} />
          {monitoring.runningJobId && <JobProgress jobId={monitoring.runningJobId} />}
          {monitoring.data && <PsiChart periods={monitoring.data.periods} />}
        </section>
        <section className="panel panel-wide" aria-labelledby="csi-title">
          <h2 id="csi-title">{t('credit.validation.csi')}</h2>
          {monitoring.data && <CsiTable periods={monitoring.data.periods} />}
        </section>
      </div>
    </>
  );
}
