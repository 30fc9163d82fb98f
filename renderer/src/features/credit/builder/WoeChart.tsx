import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BinReportRow } from '../../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { categoryAxisWidth } from '../../../components/charts/category-axis.ts';
import { formatDecimal } from '../format-stats.ts';

/** WOE per bin, in bin order: the shape (monotonic or not) is what an analyst checks first. Bins are named by `labels` (bin-label.ts). */
export function WoeChart({ bins, labels }: { bins: readonly BinReportRow[]; labels: readonly string[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const data = bins.map((bin, index) => ({ ...bin, shown: labels[index] ?? bin.label }));
  return (
    <ResponsiveContainer width="100%" height={bins.length * 24 + 54}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 4 }}>
        <CartesianGrid stroke={palette.grid} horizontal={false} />
        <XAxis type="number" dataKey="woe" stroke={palette.axis} fontSize={11} tickLine={false} tickFormatter={(value) => formatDecimal(Number(value), locale, 1)} {...xAxisTitle(t('charts.axis.woe'), palette)} />
        <YAxis
          type="category"
          dataKey="shown"
          stroke={palette.axis}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          interval={0}
          {...yAxisTitle(t('charts.axis.bin'), palette, categoryAxisWidth(data.map((bin) => bin.shown)))}
        />
        <ReferenceLine x={0} stroke={palette.axis} />
        <Tooltip
          {...tooltipStyle(palette)}
          cursor={{ fill: palette.grid, opacity: 0.5 }}
          formatter={(_value, _name, item) => {
            const bin = item.payload as BinReportRow;
            return [`${formatDecimal(bin.woe, locale)} · ${t('credit.bins.eventRate')} ${formatPercent(bin.eventRate, locale)}`, t('credit.bins.woe')];
          }}
        />
        <Bar dataKey="woe" isAnimationActive={false} barSize={14}>
          {bins.map((bin, index) => (
            <Cell key={index} fill={bin.woe < 0 ? palette.bad : palette.good} />
          ))}
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
