import { useTranslation } from 'react-i18next';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonteCarloResult } from '../../../../../preload/contract/liquidity.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatMajorMoney } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { fanRows } from './fan-bands.ts';

/** Band opacities from the outside in: the rarer the outcome, the paler its band. */
const BANDS = [
  { key: 'low1', opacity: 0.15 },
  { key: 'low5', opacity: 0.3 },
  { key: 'middle', opacity: 0.5 },
  { key: 'high95', opacity: 0.3 },
  { key: 'high99', opacity: 0.15 },
] as const;

/**
 * Cumulative net outflow by day across the simulated paths: the p1–p99, p5–p95 and p25–p75 bands as stacked areas on
 * an invisible floor, the median as a line, and the buffer it must stay under as a reference line.
 */
export function FanChart({ result }: { result: MonteCarloResult }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const rows = fanRows(result.fan);
  const money = (value: number) => formatMajorMoney(value, result.currency, locale);
  const byDay = new Map(result.fan.map((day) => [day.day, day]));
  const colour = palette.series[0];

  return (
    <div data-testid="fan-chart">
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} vertical={false} />
          <XAxis dataKey="day" stroke={palette.axis} fontSize={11} tickLine={false} minTickGap={16} {...xAxisTitle(t('charts.axis.dayOfHorizon'), palette)} />
          <YAxis
            stroke={palette.axis}
            fontSize={11}
            tickLine={false}
            axisLine={false}
            tickFormatter={(value) => formatMajorMoney(Number(value), result.currency, locale, { compact: true })}
            {...yAxisTitle(t('charts.axis.cumulativeNetOutflow', { currency: result.currency }), palette, 72)}
          />
          <Tooltip
            {...tooltipStyle(palette)}
            // The stacked thicknesses mean nothing read alone: the tooltip shows the day's percentiles instead.
            content={({ label }) => {
              const day = byDay.get(Number(label));
              if (!day) return null;
              return (
                <div className="chart-tooltip" style={tooltipStyle(palette).contentStyle}>
                  <strong>{t('liquidity.stress.dayLabel', { day: String(day.day) })}</strong>
                  {(['p99', 'p95', 'p75', 'p50', 'p25', 'p5', 'p1'] as const).map((p) => (
                    <div key={p}>
                      {p}: {money(day[p])}
                    </div>
                  ))}
                </div>
              );
            }}
          />
          <Area dataKey="floor" stackId="fan" stroke="none" fill="transparent" isAnimationActive={false} legendType="none" />
          {BANDS.map((band) => (
            <Area key={band.key} dataKey={band.key} stackId="fan" stroke="none" fill={colour} fillOpacity={band.opacity} isAnimationActive={false} />
          ))}
          <Line dataKey="p50" name={t('liquidity.monteCarlo.median')} stroke={colour} strokeWidth={2} dot={false} isAnimationActive={false} />
          <ReferenceLine y={result.buffer} stroke={palette.bad} strokeDasharray="6 3" label={{ value: t('liquidity.stress.bufferLine'), position: 'insideTopLeft', fontSize: 11, fill: palette.bad }} />
        </ComposedChart>
      </ResponsiveContainer>
      <p className="muted small">{t('liquidity.monteCarlo.fanNote')}</p>
    </div>
  );
}
