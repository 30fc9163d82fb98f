import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { inSeriesOrder } from '../../components/charts/legend-order.ts';
import { tooltipStyle, useChartPalette } from '../../components/charts/palette.ts';
import { formatPercent } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';

/** Share of the open-loan balance 30+ and 90+ days past due, month by month: the 30+ DPD tile's measure. */
export function DelinquencyTrendChart({ trend }: { trend: Dashboard['trend'] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  if (trend.length === 0) return <p className="muted empty">{t('dashboard.noTrend')}</p>;
  const percent = (value: unknown) => formatPercent(Number(value), locale, 1);
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={trend} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="month" stroke={palette.axis} fontSize={11} tickLine={false} minTickGap={24} {...xAxisTitle(t('charts.axis.month'), palette)} />
        <YAxis stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={percent} {...yAxisTitle(t('charts.axis.shareOfLoans'), palette, 48)} />
        <Tooltip {...tooltipStyle(palette)} formatter={(value) => percent(value)} />
        <Legend iconType="plainline" wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder(['dpd30Share', 'dpd90Share'])} />
        <Line type="monotone" dataKey="dpd30Share" name={t('dashboard.trend.dpd30')} stroke={palette.warn} strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="dpd90Share" name={t('dashboard.trend.dpd90')} stroke={palette.bad} strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
