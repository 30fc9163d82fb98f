import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DevelopmentReport } from '../../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { inSeriesOrder } from '../../../components/charts/legend-order.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatCount, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatDecimal } from '../format-stats.ts';

type Ks = NonNullable<DevelopmentReport['curves']>['ks'];
type Point = Ks['events'][number];

/**
 * Where the two cumulative curves are furthest apart (the KS statistic). Both are step functions of the score,
 * thinned separately, so each is read at the other's points as its last value at or below that score.
 */
function widestGap(events: readonly Point[], nonEvents: readonly Point[]): { x: number; gap: number } | null {
  const xs = [...new Set([...events, ...nonEvents].map((point) => point.x))].sort((a, b) => a - b);
  let best: { x: number; gap: number } | null = null;
  let e = -1;
  let n = -1;
  for (const x of xs) {
    while (e + 1 < events.length && (events[e + 1]?.x ?? Infinity) <= x) e += 1;
    while (n + 1 < nonEvents.length && (nonEvents[n + 1]?.x ?? Infinity) <= x) n += 1;
    const gap = Math.abs((events[e]?.y ?? 0) - (nonEvents[n]?.y ?? 0));
    if (!best || gap > best.gap) best = { x, gap };
  }
  return best;
}

/**
 * Cumulative share of events and of non-events by score; KS is the widest vertical gap between them. The engine
 * draws it on the development sample's training rows (development-report.ts), which the chart says under it.
 */
export function KsChart({ ks, trainingRows }: { ks: Ks; trainingRows: number | null }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const percent = (value: unknown) => formatPercent(Number(value), locale, 0);
  const widest = widestGap(ks.events, ks.nonEvents);
  return (
    <>
      <ResponsiveContainer width="100%" height={270}>
        <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} />
          <XAxis
            type="number"
            dataKey="x"
            domain={['dataMin', 'dataMax']}
            stroke={palette.axis}
            fontSize={11}
            tickFormatter={(value) => formatDecimal(Number(value), locale, 0)}
            {...xAxisTitle(t('charts.axis.scorePoints'), palette)}
          />
          <YAxis type="number" domain={[0, 1]} stroke={palette.axis} fontSize={11} tickFormatter={percent} {...yAxisTitle(t('charts.axis.cumulativeShare'), palette, 44)} />
          <Tooltip {...tooltipStyle(palette)} formatter={(value) => percent(value)} labelFormatter={(value) => `${t('credit.validation.score')} ${formatDecimal(Number(value), locale, 0)}`} />
          <Legend verticalAlign="top" iconType="plainline" wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder([t('credit.validation.events'), t('credit.validation.nonEvents')])} />
          <Line data={ks.events} dataKey="y" name={t('credit.validation.events')} type="stepAfter" stroke={palette.bad} strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line data={ks.nonEvents} dataKey="y" name={t('credit.validation.nonEvents')} type="stepAfter" stroke={palette.good} strokeWidth={2} dot={false} isAnimationActive={false} />
          {widest && (
            <ReferenceLine
              x={widest.x}
              stroke={palette.axis}
              strokeDasharray="3 3"
              label={{ value: `KS ${formatDecimal(widest.gap, locale)}`, position: 'insideTopRight', fontSize: 11, fill: palette.text }}
            />
          )}
        </LineChart>
      </ResponsiveContainer>
      <p className="muted small" data-testid="ks-sample">
        {trainingRows === null ? t('charts.ksSampleNoRows') : t('charts.ksSample', { rows: formatCount(trainingRows, locale) })}
      </p>
    </>
  );
}
