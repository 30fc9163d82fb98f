import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reportPeriodSchema, type ReportLanguage, type StoredReport } from '../../../../preload/contract/reports.ts';
import { api } from '../../api/client.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { Field } from '../../components/Field.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { SegmentedChoice } from '../../components/SegmentedChoice.tsx';
import { useJobRunner } from '../../jobs/jobs-context.tsx';
import { resultOf } from '../../jobs/job-result.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { ReportLanguageField } from './ReportLanguageField.tsx';
import { lastMonth, lastWeek, PERIOD_KINDS, type PeriodKind } from './report-period.ts';

/** A report of a month or an ISO week (the last complete one by default), in either language, made as a job. */
export function GenerateReport({ onGenerated }: { onGenerated: (report: StoredReport | null) => void }) {
  const { t } = useTranslation();
  const { language: appLanguage } = usePreferences();
  const [kind, setKind] = useState<PeriodKind>('month');
  const [period, setPeriod] = useState(() => lastMonth(new Date()));
  const [language, setLanguage] = useState<ReportLanguage>(appLanguage);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const runner = useJobRunner();
  const running = runner.jobId !== null && !runner.entry?.finished;

  const changeKind = (next: PeriodKind) => {
    setKind(next);
    setPeriod(next === 'month' ? lastMonth(new Date()) : lastWeek(new Date()));
    setProblem(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reportPeriodSchema.safeParse(period).success) {
      setProblem(t('reports.generate.badPeriod'));
      return;
    }
    setProblem(undefined);
    const done = await runner.start(() => api.call('reports.generate', { period, language }));
    if (done && !done.error) onGenerated(resultOf(done, 'risk-report') ?? null);
  };

  return (
    <form className="panel" onSubmit={(event) => void submit(event)} noValidate data-testid="generate-report">
      <h2>{t('reports.generate.title')}</h2>
      <SegmentedChoice name="report-period-kind" label={t('reports.generate.periodKind')} options={PERIOD_KINDS} value={kind} onChange={changeKind} optionLabel={(option) => t(`reports.generate.kinds.${option}`)} />
      <div className="form-row">
        <Field label={t('reports.generate.period')} hint={kind === 'month' ? t('reports.generate.monthHint') : t('reports.generate.weekHint')} problem={problem}>
          <input value={period} onChange={(event) => setPeriod(event.target.value.trim())} className="mono input-narrow" placeholder={kind === 'month' ? '2026-11' : '2026-W47'} spellCheck={false} />
        </Field>
        <ReportLanguageField label={t('reports.generate.language')} value={language} onChange={setLanguage} />
        <button type="submit" className="button button-primary" disabled={running}>
          {t('reports.generate.button')}
        </button>
      </div>
      {runner.jobId && <JobProgress jobId={runner.jobId} />}
      <ErrorNotice error={runner.startError} />
    </form>
  );
}
