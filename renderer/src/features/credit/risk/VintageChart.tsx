import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CreditAnalytics } from '../../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { distinctColors } from '../../../components/charts/distinct-colors.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { SeriesLegend, useSeriesHighlight } from '../../../components/charts/SeriesLegend.tsx';
import { formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';

type Vintage = CreditAnalytics['vintages'][number];

/**
 * Cumulative default rate by months on book, a line per origination quarter. Each quarter has a hue of its own
 * (neighbouring quarters far apart on the wheel); picking one in the legend greys the others out.
 */
export function VintageChart({ vintages }: { vintages: readonly Vintage[] }) {
  const { t } = useTranslation();
  const { locale, effectiveTheme } = usePreferences();
  const palette = useChartPalette();
  const highlight = useSeriesHighlight();
  if (vintages.length === 0) return <p className="muted empty">{t('credit.risk.noVintages')}</p>;
  const longest = Math.max(...vintages.map((vintage) => vintage.cumulativeDefaultRate.length));
  const rows = Array.from({ length: longest }, (_, index) => ({
    mob: index + 1,
    ...Object.fromEntries(vintages.flatMap((vintage) => (index < vintage.cumulativeDefaultRate.length ? [[vintage.vintage, vintage.cumulativeDefaultRate[index]]] : []))),
  }));
  const colors = distinctColors(vintages.length, effectiveTheme);
  const series = vintages.map((vintage, index) => ({ key: vintage.vintage, label: `${vintage.vintage} (${vintage.loans})`, color: colors[index] ?? palette.axis }));
  const picked = highlight.highlighted;
  const percent = (value: unknown) => formatPercent(Number(value), locale, 1);
  return (
    <div className="chart-with-legend" data-testid="vintage-chart">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} vertical={false} />
          <XAxis dataKey="mob" stroke={palette.axis} fontSize={11} tickLine={false} minTickGap={12} {...xAxisTitle(t('charts.axis.monthsOnBook'), palette)} />
          <YAxis stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={percent} {...yAxisTitle(t('charts.axis.cumulativeDefaultRate'), palette, 48)} />
          <Tooltip {...tooltipStyle(palette)} formatter={(value) => percent(value)} labelFormatter={(mob) => t('credit.risk.mobLabel', { mob: String(mob) })} />
          {/* The picked line is drawn last, on top of the greyed ones. */}
          {[...series.filter((item) => item.key !== picked), ...series.filter((item) => item.key === picked)].map((item) => (
            <Line
              key={item.key}
              dataKey={item.key}
              name={item.label}
              stroke={picked === null || picked === item.key ? item.color : palette.grid}
              strokeWidth={picked === item.key ? 2.5 : 1.5}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <SeriesLegend series={series} highlight={highlight} testId="vintage-legend" />
    </div>
  );
}
