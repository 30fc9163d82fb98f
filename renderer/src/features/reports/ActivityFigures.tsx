import { useTranslation } from 'react-i18next';
import { CASE_DISPOSITIONS } from '../../../../preload/contract/case-workflow.ts';
import type { ReportFigures } from '../../../../preload/contract/reports.ts';
import { formatCount, formatMoney, formatPercent, formatTimestamp } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { ReportKpis } from './ReportSection.tsx';
import { formatDate } from '../../format/dates.ts';

/** The portfolio's headline figures as of the period's last day. */
export function PortfolioFigures({ portfolio }: { portfolio: NonNullable<ReportFigures['portfolio']> }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const money = (minor: number) => formatMoney(minor, portfolio.currency, locale, { compact: true });
  const share = (value: number | null) => (value === null ? '—' : formatPercent(value, locale, 1));
  return (
    <ReportKpis
      figures={[
        [t('reports.portfolio.asOf'), formatDate(portfolio.asOf, locale)],
        [t('reports.portfolio.openLoans'), formatCount(portfolio.openLoans, locale)],
        [t('reports.portfolio.borrowers'), formatCount(portfolio.borrowers, locale)],
        [t('reports.portfolio.outstanding'), money(portfolio.outstandingMinor)],
        [t('reports.portfolio.dpd30'), share(portfolio.dpd30PlusShare)],
        [t('reports.portfolio.dpd90'), share(portfolio.dpd90PlusShare)],
        [t('reports.portfolio.originated'), `${formatCount(portfolio.originatedInPeriod, locale)} · ${money(portfolio.originatedInPeriodMinor)}`],
      ]}
    />
  );
}

/** Fraud in the period: runs, what was flagged, the cases closed by disposition, the rule set in force. */
export function FraudFigures({ fraud }: { fraud: NonNullable<ReportFigures['fraud']> }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const disposition = (code: string) => {
    const known = CASE_DISPOSITIONS.find((candidate) => candidate === code);
    return known ? t(`cases.dispositions.${known}`) : code;
  };
  return (
    <>
      <ReportKpis
        figures={[
          [t('reports.fraud.runs'), formatCount(fraud.runs, locale)],
          [t('reports.fraud.transactionsScored'), formatCount(fraud.transactionsScored, locale)],
          [t('reports.fraud.flagged'), formatCount(fraud.flagged, locale)],
          [t('reports.fraud.flaggedAmount'), formatMoney(fraud.flaggedMinor, fraud.currency, locale, { compact: true })],
          [t('reports.fraud.alertsRaised'), formatCount(fraud.alertsRaised, locale)],
        ]}
      />
      <p className="small">{fraud.ruleSet ? t('reports.fraud.ruleSet', { version: fraud.ruleSet.version, rules: fraud.ruleSet.rules }) : t('reports.fraud.noRuleSet')}</p>
      {fraud.dispositions.length > 0 && (
        <table className="table table-compact">
          <caption>{t('reports.fraud.dispositions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.fraud.disposition')}</th>
              <th scope="col" className="num">{t('reports.fraud.cases')}</th>
            </tr>
          </thead>
          <tbody>
            {fraud.dispositions.map((row) => (
              <tr key={row.disposition}>
                <th scope="row">{disposition(row.disposition)}</th>
                <td className="num">{formatCount(row.cases, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** Cases opened and closed in the period, and the SLA breaches by priority. */
export function CaseFigures({ cases }: { cases: NonNullable<ReportFigures['cases']> }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <>
      <ReportKpis
        figures={[
          [t('reports.cases.opened'), formatCount(cases.opened, locale)],
          [t('reports.cases.closed'), formatCount(cases.closed, locale)],
          [t('reports.cases.openAtEnd'), formatCount(cases.openAtEnd, locale)],
        ]}
      />
      <table className="table table-compact">
        <caption>{t('reports.cases.slaBreaches')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.cases.severity')}</th>
            <th scope="col" className="num">{t('reports.cases.breaches')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.slaBreaches.map((row) => (
            <tr key={row.severity}>
              <th scope="row">{t(`cases.priorities.${row.severity}`)}</th>
              <td className="num">{formatCount(row.breaches, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The four-eyes steps taken in the period, from the audit trail. */
export function ApprovalFigures({ approvals }: { approvals: ReportFigures['approvals'] }) {
  const { t } = useTranslation();
  if (approvals.length === 0) return <p className="muted">{t('reports.approvals.none')}</p>;
  return (
    <table className="table table-compact" data-testid="report-approvals">
      <thead>
        <tr>
          <th scope="col">{t('reports.approvals.at')}</th>
          <th scope="col">{t('reports.approvals.action')}</th>
          <th scope="col">{t('reports.approvals.subject')}</th>
          <th scope="col">{t('reports.approvals.by')}</th>
        </tr>
      </thead>
      <tbody>
        {approvals.map((row, index) => (
          <tr key={`${row.at}-${index}`}>
            <td>{formatTimestamp(row.at)}</td>
            <td className="mono small">{row.action}</td>
            <td>{row.subject}</td>
            <td>{row.by}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
