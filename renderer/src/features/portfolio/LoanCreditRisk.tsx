import { useTranslation } from 'react-i18next';
import type { LoanRisk } from '../../../../preload/contract/index.ts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { formatAmount, formatMoney, formatPercent } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { formatDecimal } from '../credit/format-stats.ts';
import { FactList } from '../../components/FactList.tsx';
import { FeatureName } from '../credit/FeatureName.tsx';
import { formatDate } from '../../format/dates.ts';
import { stageReasonText } from './stage-reason.ts';

/**
 * The loan in the latest credit run: PD, grade, stage (and why), loss figures, pricing, reason codes, ECL schedule.
 * Its amounts are in the loan's own currency: a run covers only loans in the workspace's base currency.
 */
export function LoanCreditRisk({ loanId, currency, interestRate }: { loanId: string; currency: string; interestRate: number }) {
  const { t } = useTranslation();
  // null: no answer yet; { risk: null }: no credit run covers this loan.
  const { data, error } = useCall(() => api.call('credit.loanRisk', { loanId }).then((risk) => ({ risk })), [loanId]);
  const risk = data?.risk;

  return (
    <section aria-labelledby="loan-risk-title" data-testid="loan-credit-risk">
      <h3 id="loan-risk-title">{t('loan.risk.title')}</h3>
      <ErrorNotice error={error} />
      {risk === null && <p className="muted">{t('loan.risk.notCovered')}</p>}
      {risk && <LoanRiskBody risk={risk} currency={currency} interestRate={interestRate} />}
    </section>
  );
}

function LoanRiskBody({ risk, currency, interestRate }: { risk: LoanRisk; currency: string; interestRate: number }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const percent = (rate: number) => formatPercent(rate, locale);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const facts: Array<[string, string]> = [
    [t('loan.risk.score'), formatDecimal(risk.score, locale, 0)],
    [t('loan.risk.grade'), risk.grade],
    [t('loan.risk.stage'), t('credit.risk.stage', { stage: risk.stage })],
    [t('loan.risk.pd12m'), percent(risk.pd12m)],
    [t('loan.risk.pdLifetime'), percent(risk.pdLifetime)],
    [t('loan.risk.pdOrigination'), percent(risk.pdOrigination)],
    [t('loan.risk.lgd'), percent(risk.lgd)],
    [t('loan.risk.ead'), money(risk.eadMinor)],
    [t('loan.risk.ecl'), money(risk.eclMinor)],
  ];
  const totalEcl = risk.schedule.reduce((sum, month) => sum + month.eclMinor, 0);

  return (
    <>
      <p className="muted small">{t('loan.risk.asOf', { date: formatDate(risk.asOf, locale), run: risk.runId })}</p>
      <FactList facts={facts} />
      <p className="small" data-testid="stage-reason">
        <strong>{t('loan.risk.stageReason')}</strong> {stageReasonText(t, risk.stageReason, locale)}
      </p>
      <p className={`small ${interestRate < risk.requiredRate ? 'value-bad' : ''}`} data-testid="required-rate">
        <strong>{t('loan.risk.requiredRate')}</strong>{' '}
        {t(interestRate < risk.requiredRate ? 'loan.risk.pricedBelow' : 'loan.risk.pricedAbove', { required: percent(risk.requiredRate), rate: percent(interestRate) })}
      </p>
      <h3>{t('loan.risk.reasonCodes')}</h3>
      {risk.reasonCodes.length === 0 ? (
        <p className="muted small">{t('loan.risk.noReasons')}</p>
      ) : (
        <table className="table table-compact" data-testid="reason-codes">
          <thead>
            <tr>
              <th scope="col">{t('credit.builder.feature')}</th>
              <th scope="col" className="num">{t('loan.risk.pointsLost')}</th>
            </tr>
          </thead>
          <tbody>
            {risk.reasonCodes.map((reason) => (
              <tr key={reason.feature}>
                <th scope="row" className="name-cell">
                  <FeatureName name={reason.feature} />
                </th>
                <td className="num">{formatDecimal(reason.pointsLost, locale, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('loan.risk.schedule', { count: risk.schedule.length })}</h3>
      <div className="table-scroll">
        <table className="table table-compact" data-testid="ecl-schedule">
          <thead>
            <tr>
              <th scope="col" className="num">{t('loan.risk.month')}</th>
              <th scope="col" className="num">{t('loan.risk.marginalPd')}</th>
              <th scope="col" className="num">{t('loan.risk.survival')}</th>
              <th scope="col" className="num">{t('loan.risk.ead')}</th>
              <th scope="col" className="num">{t('loan.risk.lgd')}</th>
              <th scope="col" className="num">{t('loan.risk.discountFactor')}</th>
              <th scope="col" className="num">{t('loan.risk.ecl')}</th>
            </tr>
          </thead>
          <tbody>
            {risk.schedule.map((month) => (
              <tr key={month.month}>
                <td className="num">{month.month}</td>
                <td className="num">{formatPercent(month.marginalPd, locale, 3)}</td>
                <td className="num">{percent(month.survival)}</td>
                <td className="num">{formatAmount(Math.round(month.eadMinor), currency, locale)}</td>
                <td className="num">{percent(month.lgd)}</td>
                <td className="num">{formatDecimal(month.discountFactor, locale, 4)}</td>
                <td className="num">{formatAmount(Math.round(month.eclMinor), currency, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={6}>
                {t('loan.risk.total')}
              </th>
              <td className="num strong">{formatAmount(Math.round(totalEcl), currency, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
