import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useAddressParams } from '../../components/use-address-params.ts';
import { useJobs } from '../../jobs/jobs-context.tsx';
import { GenerateReport } from './GenerateReport.tsx';
import { ReportList } from './ReportList.tsx';
import { ReportPreview } from './ReportPreview.tsx';
import { ReportSchedule } from './ReportSchedule.tsx';

/**
 * Risk reports: generate one for a month or a week, the reports kept in the workspace (made here, by the CLI or by the
 * schedule at an unlock), the preview of one, and the schedule. The address holds the report open (`?report=3`).
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const [params, update] = useAddressParams();
  const { jobs } = useJobs();
  // Any report job that ends (this page's, or one main started at unlock for the schedule) adds to the list.
  const finishedReports = jobs.filter((entry) => entry.job.kind === 'risk-report' && entry.finished).length;
  const reports = useCall(() => api.call('reports.list'), [finishedReports]);
  const asked = Number(params.get('report'));
  const selected = Number.isInteger(asked) && asked > 0 ? asked : null;
  const select = (reportId: number) => update({ report: reportId });

  return (
    <section className="page" aria-labelledby="page-title" data-testid="reports-page">
      <PageHeader title={t('nav.reports')} subtitle={t('reports.subtitle')} />
      <div className="panel-grid">
        <GenerateReport onGenerated={(report) => (report ? select(report.reportId) : reports.reload())} />
        <ReportSchedule />
      </div>
      <section className="panel" aria-labelledby="reports-title">
        <h2 id="reports-title">{t('reports.list.title')}</h2>
        <ErrorNotice error={reports.error} />
        {reports.data && <ReportList reports={reports.data} selected={selected} onSelect={select} />}
      </section>
      {selected !== null && <ReportPreview reportId={selected} />}
    </section>
  );
}
