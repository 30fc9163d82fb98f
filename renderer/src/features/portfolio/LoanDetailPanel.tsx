import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LoanDetail } from '../../../../preload/contract/index.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../components/charts/palette.ts';
import { codeLabel, optionalCodeLabel } from '../../components/code-labels.ts';
import { formatDate, formatMonth } from '../../format/dates.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatAmount, formatCount, formatMoney, formatPercent, minorToMajor } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { LoanCreditRisk } from './LoanCreditRisk.tsx';
import { FactList } from '../../components/FactList.tsx';

/** One loan: its terms, its credit risk in the latest run, its borrower, and its month-by-month performance. */
export function LoanDetailPanel({ loanId, onClose }: { loanId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: detail, error } = useCall(() => api.call('portfolio.loanDetail', { loanId }), [loanId]);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  return (
    <aside className="detail-panel" aria-label={t('loan.title', { id: loanId })} data-testid="loan-detail">
      <div className="detail-head">
        <h2>
          {t('loan.heading')} <span className="mono">{loanId}</span>
        </h2>
        <button ref={closeButton} type="button" className="button-icon" onClick={onClose} aria-label={t('common.close')} title={`${t('common.close')} (Esc)`}>
          ×
        </button>
      </div>
      <ErrorNotice error={error} />
      {!detail && !error && <p className="muted">{t('common.loading')}</p>}
      {detail && <LoanDetailBody detail={detail} />}
    </aside>
  );
}

function LoanDetailBody({ detail }: { detail: LoanDetail }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const { loan, borrower, performance } = detail;
  const currency = loan.currency;
  const history = performance.map((row) => ({ ...row, balance: minorToMajor(row.balance_minor, currency) }));

  const facts: Array<[string, string]> = [
    [t('portfolio.loanColumns.product'), codeLabel(t, 'products', loan.product)],
    [t('portfolio.loanColumns.status'), optionalCodeLabel(t, 'statuses', loan.status)],
    [t('portfolio.loanColumns.principal_minor'), formatMoney(loan.principal_minor, currency, locale)],
    [t('portfolio.loanColumns.outstanding_balance_minor'), formatMoney(loan.outstanding_balance_minor, currency, locale) || '—'],
    [t('portfolio.loanColumns.interest_rate'), formatPercent(loan.interest_rate, locale)],
    [t('portfolio.loanColumns.term_months'), t('loan.months', { count: loan.term_months })],
    [t('portfolio.loanColumns.origination_date'), formatDate(loan.origination_date, locale)],
    [t('portfolio.loanColumns.maturity_date'), formatDate(loan.maturity_date, locale) || '—'],
    [t('portfolio.loanColumns.dpd'), formatCount(loan.dpd, locale) || '—'],
    [t('portfolio.loanColumns.channel'), optionalCodeLabel(t, 'channels', loan.channel)],
    [t('portfolio.loanColumns.collateral_type'), optionalCodeLabel(t, 'collateral', loan.collateral_type)],
  ];
  const borrowerFacts: Array<[string, string]> = [
    [t('portfolio.borrowerColumns.borrower_id'), borrower.borrower_id],
    [t('portfolio.borrowerColumns.region'), codeLabel(t, 'regions', borrower.region)],
    [t('portfolio.borrowerColumns.annual_income_minor'), formatMoney(borrower.annual_income_minor, currency, locale)],
    [t('portfolio.borrowerColumns.employment_type'), optionalCodeLabel(t, 'employment', borrower.employment_type)],
    [t('portfolio.borrowerColumns.industry'), optionalCodeLabel(t, 'industries', borrower.industry)],
    [t('portfolio.borrowerColumns.home_ownership'), optionalCodeLabel(t, 'homeOwnership', borrower.home_ownership)],
    [t('portfolio.borrowerColumns.credit_history_months'), borrower.credit_history_months === null ? '—' : t('loan.months', { count: borrower.credit_history_months })],
  ];

  return (
    <div className="detail-body">
      <FactList facts={facts} />
      <LoanCreditRisk loanId={loan.loan_id} currency={currency} interestRate={loan.interest_rate} />
      <h3>{t('loan.borrower')}</h3>
      <FactList facts={borrowerFacts} />
      <h3>{t('loan.performance', { count: performance.length })}</h3>
      {performance.length === 0 ? (
        <p className="muted">{t('loan.noPerformance')}</p>
      ) : (
        <>
          <ResponsiveContainer width="100%" height={190}>
            <ComposedChart data={history} margin={{ top: 6, right: 4, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={palette.grid} vertical={false} />
              <XAxis dataKey="as_of" stroke={palette.axis} fontSize={10} tickLine={false} minTickGap={20} tickFormatter={(value) => formatMonth(String(value), locale)} {...xAxisTitle(t('charts.axis.date'), palette)} />
              <YAxis
                yAxisId="balance"
                stroke={palette.axis}
                fontSize={10}
                tickLine={false}
                axisLine={false}
                tickFormatter={(value) => compactNumber(Number(value), locale)}
                {...yAxisTitle(t('charts.axis.balance', { currency }), palette, 52)}
              />
              <YAxis yAxisId="dpd" orientation="right" stroke={palette.axis} fontSize={10} tickLine={false} axisLine={false} allowDecimals={false} {...yAxisTitle(t('charts.axis.dpdDays'), palette, 32, 'right')} />
              <Tooltip {...tooltipStyle(palette)} labelFormatter={(label) => formatMonth(String(label), locale)} />
              <Area yAxisId="balance" type="stepAfter" dataKey="balance" name={t('loan.balance')} stroke={palette.series[0]} fill={palette.series[0]} fillOpacity={0.15} isAnimationActive={false} />
              <Line yAxisId="dpd" type="stepAfter" dataKey="dpd" name={t('loan.dpd')} stroke={palette.bad} dot={false} strokeWidth={1.5} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
          <div className="table-scroll">
            <table className="table table-compact" data-testid="performance-table">
              <thead>
                <tr>
                  <th scope="col">{t('loan.month')}</th>
                  <th scope="col" className="num">{t('loan.balance')}</th>
                  <th scope="col" className="num">{t('loan.paid')}</th>
                  <th scope="col" className="num">{t('loan.dpd')}</th>
                  <th scope="col">{t('loan.status')}</th>
                </tr>
              </thead>
              <tbody>
                {[...performance].reverse().map((row) => (
                  <tr key={row.as_of}>
                    <td>{formatMonth(row.as_of, locale)}</td>
                    <td className="num">{formatAmount(row.balance_minor, currency, locale)}</td>
                    <td className="num">{formatAmount(row.paid_amount_minor, currency, locale)}</td>
                    <td className={`num ${row.dpd >= 90 ? 'dpd-bad' : row.dpd >= 30 ? 'dpd-warn' : row.dpd > 0 ? 'dpd-late' : ''}`}>{row.dpd}</td>
                    <td>{row.status ? codeLabel(t, 'statuses', row.status) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

function compactNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}
