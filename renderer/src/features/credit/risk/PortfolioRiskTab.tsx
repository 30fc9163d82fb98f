import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../../../preload/contract/index.ts';
import { api } from '../../../api/client.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { JobProgress } from '../../../components/JobProgress.tsx';
import { useJobResult } from '../../../jobs/use-job-result.ts';
import { useCall } from '../../../api/use-call.ts';
import { ConcentrationPanel } from './ConcentrationPanel.tsx';
import { EclByGrade } from './EclByGrade.tsx';
import { EclByStage } from './EclByStage.tsx';
import { PricingCheck } from './PricingCheck.tsx';
import { RiskKpis } from './RiskKpis.tsx';
import { RollRateTable } from './RollRateTable.tsx';
import { RunControl } from './RunControl.tsx';
import { RunHistory } from './RunHistory.tsx';
import { StageGradeTable } from './StageGradeTable.tsx';
import { VintageChart } from './VintageChart.tsx';

/**
 * The portfolio's credit risk: the latest run (PD, grade, stage and ECL per loan, with the model and parameter set
 * it used), then the book's behaviour from its performance history (vintages, roll rates, concentration).
 */
export function PortfolioRiskTab() {
  const { t } = useTranslation();
  const runs = useCall(() => api.call('credit.runs'), []);
  // A run started here comes back with its job.done: it is the latest, with no need to read every run again.
  const [finishedHere, setFinishedHere] = useState<RunSummary | null>(null);
  const analytics = useJobResult(
    'credit-analytics',
    () => api.call('credit.startAnalytics'),
    (jobId) => api.call('credit.analytics', { jobId }),
    [],
  );
  const latest = finishedHere ?? runs.data?.[0] ?? null;

  return (
    <div className="credit-stack" data-testid="portfolio-risk">
      <RunControl
        latest={latest}
        loaded={runs.data !== null}
        onFinished={(run) => {
          setFinishedHere(run);
          if (!run) runs.reload();
        }}
      />
      <ErrorNotice error={runs.error} />
      {latest && (
        <>
          <RiskKpis run={latest} />
          <div className="panel-grid">
            <section className="panel" aria-labelledby="ecl-stage-title">
              <h2 id="ecl-stage-title">{t('credit.risk.byStage')}</h2>
              <EclByStage run={latest} />
            </section>
            <section className="panel" aria-labelledby="ecl-grade-title">
              <h2 id="ecl-grade-title">{t('credit.risk.byGrade')}</h2>
              <EclByGrade run={latest} />
            </section>
            <section className="panel panel-wide" aria-labelledby="stage-grade-title">
              <h2 id="stage-grade-title">{t('credit.risk.stageGrade')}</h2>
              <StageGradeTable run={latest} />
            </section>
          </div>
        </>
      )}
      <ErrorNotice error={analytics.error} />
      {analytics.runningJobId && <JobProgress jobId={analytics.runningJobId} />}
      {analytics.data && (
        <div className="panel-grid">
          <section className="panel" aria-labelledby="vintage-title">
            <h2 id="vintage-title">{t('credit.risk.vintages')}</h2>
            <VintageChart vintages={analytics.data.vintages} />
          </section>
          <section className="panel" aria-labelledby="roll-title">
            <h2 id="roll-title">{t('credit.risk.rollRates')}</h2>
            <RollRateTable rollRates={analytics.data.rollRates} />
          </section>
          <section className="panel panel-wide" aria-labelledby="concentration-title">
            <h2 id="concentration-title">{t('credit.risk.concentration')}</h2>
            <ConcentrationPanel concentration={analytics.data.concentration} currency={analytics.data.currency} />
          </section>
        </div>
      )}
      {latest && <PricingCheck key={latest.runId} run={latest} />}
      <RunHistory latestRunId={latest?.runId ?? null} />
    </div>
  );
}
