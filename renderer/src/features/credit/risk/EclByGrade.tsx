import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunSummary } from '../../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { inSeriesOrder } from '../../../components/charts/legend-order.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatCount, formatMoney, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { GRADES } from '../credit-codes.ts';

/** ECL by grade (bars) against the grade's mean 12-month PD (line): where the loss sits on the master scale. */
export function EclByGrade({ run }: { run: RunSummary }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const { totals, currency } = run;
  const rows = GRADES.map((grade) => {
    const entry = totals.byGrade.find((candidate) => candidate.grade === grade);
    return { grade, loans: entry?.loans ?? 0, eadMinor: entry?.eadMinor ?? 0, eclMinor: entry?.eclMinor ?? 0, meanPd: entry?.meanPd ?? null };
  });
  return (
    <ResponsiveContainer width="100%" height={260}>
      <ComposedChart data={rows} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="grade" stroke={palette.axis} fontSize={11} tickLine={false} {...xAxisTitle(t('charts.axis.grade'), palette)} />
        <YAxis
          yAxisId="ecl"
          stroke={palette.axis}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          tickFormatter={(value) => formatMoney(Number(value), currency, locale, { compact: true })}
          {...yAxisTitle(t('charts.axis.ecl', { currency }), palette, 68)}
        />
        <YAxis
          yAxisId="pd"
          orientation="right"
          stroke={palette.axis}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          tickFormatter={(value) => formatPercent(Number(value), locale, 0)}
          {...yAxisTitle(t('charts.axis.meanPd'), palette, 44, 'right')}
        />
        <Tooltip
          {...tooltipStyle(palette)}
          cursor={{ fill: palette.grid, opacity: 0.5 }}
          formatter={(value, name, item) => {
            const row = item.payload as (typeof rows)[number];
            if (item.dataKey === 'meanPd') return [formatPercent(Number(value), locale), name];
            return [`${formatMoney(row.eclMinor, currency, locale)} · ${t('credit.risk.loans', { count: row.loans, formatted: formatCount(row.loans, locale) })}`, name];
          }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder(['eclMinor', 'meanPd'])} />
        <Bar yAxisId="ecl" dataKey="eclMinor" name={t('credit.risk.kpi.ecl')} fill={palette.series[0]} isAnimationActive={false} barSize={26} />
        <Line yAxisId="pd" dataKey="meanPd" name={t('credit.risk.meanPd')} stroke={palette.bad} strokeWidth={2} isAnimationActive={false} connectNulls />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
