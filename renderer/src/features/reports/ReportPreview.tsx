import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { DownloadOutcome } from '../../components/PlaintextSaved.tsx';
import { useSavedDownload } from '../../components/use-saved-download.ts';
import { formatTimestamp } from '../../format/numbers.ts';
import { ApprovalFigures, CaseFigures, FraudFigures, PortfolioFigures } from './ActivityFigures.tsx';
import { CreditFigures } from './CreditFigures.tsx';
import { LiquidityFigures } from './LiquidityFigures.tsx';
import { downloadReportPdf, openReportPdf } from './report-pdf.ts';
import { ReportSection } from './ReportSection.tsx';

/** A kept report's figures as the PDF shows them, section by section, with the PDF itself to download or open. */
export function ReportPreview({ reportId }: { reportId: number }) {
  const { t } = useTranslation();
  const figures = useCall(() => api.call('reports.figures', { reportId }), [reportId]);
  // Opening in a tab saves nothing (the browser's viewer shows it), so only the download brings the plaintext notice.
  const pdf = useSavedDownload();
  const data = figures.data;
  return (
    <section className="panel report-preview" aria-labelledby="report-title" data-testid="report-preview">
      <div className="page-header">
        <div>
          <h2 id="report-title">{data ? `${data.period.label}` : t('common.loading')}</h2>
          {data && (
            <p className="muted small">
              {t('reports.preview.scope', { from: data.period.from, to: data.period.to, name: data.workspace.name, fingerprint: data.workspace.fingerprint.slice(0, 16) })}
              <br />
              {t('reports.preview.generated', { when: formatTimestamp(data.generatedAt), by: data.generatedBy })}
            </p>
          )}
        </div>
        <div className="page-actions">
          <button type="button" className="button button-primary" disabled={pdf.busy} onClick={() => void pdf.save(() => downloadReportPdf(reportId))} data-testid="download-pdf">
            {t('reports.preview.download')}
          </button>
          <button type="button" className="button" disabled={pdf.busy} onClick={() => void pdf.save(() => openReportPdf(reportId))}>
            {t('reports.preview.open')}
          </button>
        </div>
      </div>
      <DownloadOutcome download={pdf} />
      <ErrorNotice error={figures.error} />
      {data && (
        <>
          <ReportSection id="portfolio" title={t('reports.sections.portfolio')} data={data.portfolio}>
            {(portfolio) => <PortfolioFigures portfolio={portfolio} />}
          </ReportSection>
          <ReportSection id="credit" title={t('reports.sections.credit')} data={data.credit}>
            {(credit) => <CreditFigures credit={credit} />}
          </ReportSection>
          <ReportSection id="fraud" title={t('reports.sections.fraud')} data={data.fraud}>
            {(fraud) => <FraudFigures fraud={fraud} />}
          </ReportSection>
          <ReportSection id="liquidity" title={t('reports.sections.liquidity')} data={data.liquidity}>
            {(liquidity) => <LiquidityFigures liquidity={liquidity} />}
          </ReportSection>
          <ReportSection id="cases" title={t('reports.sections.cases')} data={data.cases}>
            {(cases) => <CaseFigures cases={cases} />}
          </ReportSection>
          <ReportSection id="approvals" title={t('reports.sections.approvals')} data={data.approvals}>
            {(approvals) => <ApprovalFigures approvals={approvals} />}
          </ReportSection>
        </>
      )}
    </section>
  );
}
