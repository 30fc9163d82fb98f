import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IndicatorTrend } from '../../../../../preload/contract/liquidity.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatIndicator } from './indicator-format.ts';

/** One indicator's history, small, with its threshold as a dashed line: how close it has come, and how often. */
export function IndicatorTrendChart({ trend }: { trend: IndicatorTrend }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const format = (value: unknown) => formatIndicator(trend.indicator, value === null ? null : Number(value), locale);
  return (
    <figure className="trend-chart" data-testid="indicator-trend" data-indicator={trend.indicator}>
      <figcaption className="small">{t(`liquidity.indicators.names.${trend.indicator}`)}</figcaption>
      {trend.points.length === 0 ? (
        <p className="muted small">{t('liquidity.indicators.noHistory')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={170}>
          <LineChart data={trend.points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={palette.grid} vertical={false} />
            <XAxis dataKey="date" stroke={palette.axis} fontSize={10} tickLine={false} minTickGap={24} {...xAxisTitle(t('charts.axis.date'), palette)} />
            <YAxis stroke={palette.axis} fontSize={10} tickLine={false} axisLine={false} tickFormatter={format} {...yAxisTitle(t(`liquidity.indicators.names.${trend.indicator}`), palette, 48)} />
            <Tooltip {...tooltipStyle(palette)} formatter={(value) => [format(value), t(`liquidity.indicators.names.${trend.indicator}`)]} />
            <ReferenceLine y={trend.threshold} stroke={palette.bad} strokeDasharray="4 3" />
            <Line dataKey="value" stroke={palette.series[0]} strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
