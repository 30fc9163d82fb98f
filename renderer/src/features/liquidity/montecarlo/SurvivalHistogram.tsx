import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonteCarloResult } from '../../../../../preload/contract/liquidity.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatCount } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';

/** How many paths ran out of buffer on each day; the paths that never did are counted beside the chart, not as a bar. */
export function SurvivalHistogram({ result }: { result: MonteCarloResult }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const rows = result.survivalHistogram.map((paths, index) => ({ day: index + 1, paths }));
  return (
    <div data-testid="survival-histogram">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} vertical={false} />
          <XAxis dataKey="day" stroke={palette.axis} fontSize={11} tickLine={false} minTickGap={12} {...xAxisTitle(t('charts.axis.runOutDay'), palette)} />
          <YAxis allowDecimals={false} stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} {...yAxisTitle(t('charts.axis.paths'), palette, 48)} />
          <Tooltip {...tooltipStyle(palette)} cursor={{ fill: palette.grid, opacity: 0.5 }} formatter={(value) => [formatCount(Number(value), locale), t('liquidity.monteCarlo.paths')]} labelFormatter={(day) => t('liquidity.stress.dayLabel', { day: String(day) })} />
          <Bar dataKey="paths" fill={palette.bad} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <p className="small" data-testid="survived-paths">
        {t('liquidity.monteCarlo.survived', { survived: formatCount(result.survived, locale), paths: formatCount(result.paths, locale), days: result.days })}
      </p>
    </div>
  );
}
