import { useTranslation } from 'react-i18next';
import type { RunSummary } from '../../../../../preload/contract/index.ts';
import { formatCount, formatMoney, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { GRADES, STAGES } from '../credit-codes.ts';

/** ECL of each grade in each stage (loans and exposure in the tooltip), with row and column totals. */
export function StageGradeTable({ run }: { run: RunSummary }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const { totals, currency } = run;
  const money = (minor: number) => formatMoney(minor, currency, locale, { compact: true });
  const cellTitle = (cell: { loans: number; eadMinor: number; eclMinor: number }) =>
    `${t('credit.risk.loans', { count: cell.loans, formatted: formatCount(cell.loans, locale) })} · ${t('credit.risk.kpi.ead')} ${formatMoney(cell.eadMinor, currency, locale)} · ${t('credit.risk.kpi.coverage')} ${formatPercent(cell.eadMinor > 0 ? cell.eclMinor / cell.eadMinor : 0, locale)}`;
  return (
    <div className="table-scroll">
      <table className="table table-compact" data-testid="stage-grade-table">
        <thead>
          <tr>
            <th scope="col">{t('credit.risk.grade')}</th>
            {STAGES.map((stage) => (
              <th key={stage} scope="col" className="num">
                {t('credit.risk.stage', { stage })}
              </th>
            ))}
            <th scope="col" className="num">{t('credit.risk.total')}</th>
          </tr>
        </thead>
        <tbody>
          {GRADES.map((grade) => {
            const total = totals.byGrade.find((entry) => entry.grade === grade);
            return (
              <tr key={grade}>
                <th scope="row">{grade}</th>
                {STAGES.map((stage) => {
                  const cell = totals.byStageGrade.find((entry) => entry.grade === grade && entry.stage === stage);
                  return (
                    <td key={stage} className="num" title={cell ? cellTitle(cell) : undefined}>
                      {cell ? money(cell.eclMinor) : '—'}
                    </td>
                  );
                })}
                <td className="num strong" title={total ? cellTitle(total) : undefined}>
                  {total ? money(total.eclMinor) : '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('credit.risk.total')}</th>
            {STAGES.map((stage) => {
              const cell = totals.byStage.find((entry) => entry.stage === stage);
              return (
                <td key={stage} className="num strong" title={cell ? cellTitle(cell) : undefined}>
                  {cell ? money(cell.eclMinor) : '—'}
                </td>
              );
            })}
            <td className="num strong" title={cellTitle(totals)}>
              {money(totals.eclMinor)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
