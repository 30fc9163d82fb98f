import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReportFigures } from '../../../../preload/contract/reports.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../components/charts/palette.ts';
import { formatCount, formatMoney, formatPercent, formatTimestamp } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { STAGES } from '../credit/credit-codes.ts';
import { ReportKpis } from './ReportSection.tsx';
import { formatDate } from '../../format/dates.ts';
import { labelOr } from '../../components/code-labels.ts';

type Credit = NonNullable<ReportFigures['credit']>;

/** The credit section: ECL by stage and grade (with a bar chart by grade), the stage migration, vintages and the model. */
export function CreditFigures({ credit }: { credit: Credit }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const { currency } = credit.run;
  const money = (minor: number) => formatMoney(minor, currency, locale, { compact: true });
  const migrated = (from: string, to: string) => credit.stageMigration?.counts.find((cell) => cell.from === from && cell.to === to)?.loans ?? 0;
  return (
    <>
      <p className="muted small">{t('reports.credit.run', { runId: credit.run.runId, asOf: formatDate(credit.run.asOf, locale), model: credit.run.modelName, version: credit.run.parameterVersion })}</p>
      <ReportKpis
        figures={[
          [t('reports.credit.ead'), money(credit.eadMinor)],
          [t('reports.credit.ecl'), formatMoney(credit.eclMinor, currency, locale)],
        ]}
      />
      <div className="panel-grid">
        <table className="table table-compact" data-testid="report-ecl-by-stage">
          <caption>{t('reports.credit.byStage')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.credit.stage')}</th>
              <th scope="col" className="num">{t('reports.credit.loans')}</th>
              <th scope="col" className="num">{t('reports.credit.ead')}</th>
              <th scope="col" className="num">{t('reports.credit.ecl')}</th>
            </tr>
          </thead>
          <tbody>
            {credit.byStage.map((row) => (
              <tr key={row.stage}>
                <th scope="row">{t('credit.risk.stage', { stage: row.stage })}</th>
                <td className="num">{formatCount(row.loans, locale)}</td>
                <td className="num">{money(row.eadMinor)}</td>
                <td className="num">{money(row.eclMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <figure className="report-chart">
          <figcaption className="small">{t('reports.credit.byGrade')}</figcaption>
          <ResponsiveContainer width="100%" height={210}>
            <BarChart data={credit.byGrade} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={palette.grid} vertical={false} />
              <XAxis dataKey="grade" stroke={palette.axis} fontSize={11} tickLine={false} {...xAxisTitle(t('charts.axis.grade'), palette)} />
              <YAxis stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={(value) => money(Number(value))} {...yAxisTitle(t('charts.axis.ecl', { currency }), palette, 68)} />
              <Tooltip {...tooltipStyle(palette)} cursor={{ fill: palette.grid, opacity: 0.5 }} formatter={(value) => [money(Number(value)), t('reports.credit.ecl')]} />
              <Bar dataKey="eclMinor" fill={palette.series[0] ?? palette.axis} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      </div>
      <table className="table table-compact" data-testid="report-ecl-by-grade">
        <thead>
          <tr>
            <th scope="col">{t('reports.credit.grade')}</th>
            <th scope="col" className="num">{t('reports.credit.loans')}</th>
            <th scope="col" className="num">{t('reports.credit.ead')}</th>
            <th scope="col" className="num">{t('reports.credit.ecl')}</th>
            <th scope="col" className="num">{t('reports.credit.meanPd')}</th>
          </tr>
        </thead>
        <tbody>
          {credit.byGrade.map((row) => (
            <tr key={row.grade}>
              <th scope="row">{row.grade}</th>
              <td className="num">{formatCount(row.loans, locale)}</td>
              <td className="num">{money(row.eadMinor)}</td>
              <td className="num">{money(row.eclMinor)}</td>
              <td className="num">{formatPercent(row.meanPd, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {credit.stageMigration ? (
        <table className="table table-compact" data-testid="report-stage-migration">
          <caption>{t('reports.credit.migration', { runId: credit.stageMigration.fromRunId, asOf: formatDate(credit.stageMigration.fromAsOf, locale) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.credit.migrationCorner')}</th>
              {STAGES.map((to) => (
                <th key={to} scope="col" className="num">
                  {t('credit.risk.stage', { stage: to })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {STAGES.map((from) => (
              <tr key={from}>
                <th scope="row">{t('credit.risk.stage', { stage: from })}</th>
                {STAGES.map((to) => (
                  <td key={to} className="num">
                    {formatCount(migrated(from, to), locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">{t('reports.credit.noMigration')}</p>
      )}
      {credit.vintages.length > 0 && (
        <table className="table table-compact">
          <caption>{t('reports.credit.vintages')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.credit.vintage')}</th>
              <th scope="col" className="num">{t('reports.credit.loans')}</th>
              <th scope="col" className="num">{t('reports.credit.defaultRate12m')}</th>
            </tr>
          </thead>
          <tbody>
            {credit.vintages.map((row) => (
              <tr key={row.vintage}>
                <th scope="row">{row.vintage}</th>
                <td className="num">{formatCount(row.loans, locale)}</td>
                <td className="num">{row.defaultRate12m === null ? '—' : formatPercent(row.defaultRate12m, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="facts">
        <div>
          <dt>{t('reports.credit.model')}</dt>
          <dd>{credit.model.name}</dd>
        </div>
        <div>
          <dt>{t('reports.credit.status')}</dt>
          <dd>{labelOr(t, `lifecycle.states.${credit.model.status}`, credit.model.status)}</dd>
        </div>
        <div>
          <dt>{t('reports.credit.approvedBy')}</dt>
          <dd>{credit.model.approvedBy ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('reports.credit.activatedAt')}</dt>
          <dd>{formatTimestamp(credit.model.activatedAt) || '—'}</dd>
        </div>
        <div>
          <dt>{t('reports.credit.psi')}</dt>
          <dd>{credit.model.psi === null ? '—' : `${credit.model.psi.toFixed(3)}${credit.model.psiBand ? ` (${t(`reports.credit.psiBands.${credit.model.psiBand}`)})` : ''}`}</dd>
        </div>
      </dl>
    </>
  );
}
