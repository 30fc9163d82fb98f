import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunSummary } from '../../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatCount, formatMoney, formatPercent } from '../../../format/numbers.ts';
import { CompactMoney } from '../../../components/CompactMoney.tsx';
import { usePreferences } from '../../../session/preferences.tsx';
import { STAGES, stageColor } from '../credit-codes.ts';

/** ECL by stage as bars, and each stage's loans, exposure, loss and coverage under them. */
export function EclByStage({ run }: { run: RunSummary }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const { totals, currency } = run;
  const rows = STAGES.map((stage) => {
    const entry = totals.byStage.find((candidate) => candidate.stage === stage);
    return { stage, name: t('credit.risk.stage', { stage }), loans: entry?.loans ?? 0, eadMinor: entry?.eadMinor ?? 0, eclMinor: entry?.eclMinor ?? 0 };
  });
  const coverage = (ecl: number, ead: number) => formatPercent(ead > 0 ? ecl / ead : 0, locale);
  return (
    <div className="chart-over-table" data-testid="ecl-by-stage-chart">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} vertical={false} />
          <XAxis dataKey="name" stroke={palette.axis} fontSize={11} tickLine={false} interval={0} {...xAxisTitle(t('charts.axis.stage'), palette)} />
          <YAxis
            stroke={palette.axis}
            fontSize={11}
            tickLine={false}
            axisLine={false}
            tickFormatter={(value) => formatMoney(Number(value), currency, locale, { compact: true })}
            {...yAxisTitle(t('charts.axis.ecl', { currency }), palette, 68)}
          />
          <Tooltip
            {...tooltipStyle(palette)}
            cursor={{ fill: palette.grid, opacity: 0.5 }}
            formatter={(_value, _name, item) => {
              const row = item.payload as (typeof rows)[number];
              return [`${formatMoney(row.eclMinor, currency, locale)} · ${t('credit.risk.kpi.coverage')} ${coverage(row.eclMinor, row.eadMinor)}`, t('credit.risk.kpi.ecl')];
            }}
          />
          <Bar dataKey="eclMinor" isAnimationActive={false} barSize={36}>
            {rows.map((row) => (
              <Cell key={row.stage} fill={stageColor(row.stage, palette)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <table className="table table-compact" data-testid="ecl-by-stage">
        <thead>
          <tr>
            <th scope="col">{t('credit.risk.stageHeading')}</th>
            <th scope="col" className="num">{t('credit.risk.loansHeading')}</th>
            <th scope="col" className="num">{t('credit.risk.kpi.ead')}</th>
            <th scope="col" className="num">{t('credit.risk.kpi.ecl')}</th>
            <th scope="col" className="num">{t('credit.risk.kpi.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.stage} data-stage={row.stage}>
              <th scope="row">
                <span className="swatch" style={{ background: stageColor(row.stage, palette) }} aria-hidden="true" />
                {row.name}
              </th>
              <td className="num">{formatCount(row.loans, locale)}</td>
              <td className="num"><CompactMoney minor={row.eadMinor} currency={currency} locale={locale} /></td>
              <td className="num" data-testid="stage-ecl">
                <CompactMoney minor={row.eclMinor} currency={currency} locale={locale} />
              </td>
              <td className="num">{coverage(row.eclMinor, row.eadMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('credit.risk.total')}</th>
            <td className="num">{formatCount(totals.loans, locale)}</td>
            <td className="num"><CompactMoney minor={totals.eadMinor} currency={currency} locale={locale} /></td>
            <td className="num" data-testid="total-ecl">
              <CompactMoney minor={totals.eclMinor} currency={currency} locale={locale} />
            </td>
            <td className="num">{coverage(totals.eclMinor, totals.eadMinor)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
