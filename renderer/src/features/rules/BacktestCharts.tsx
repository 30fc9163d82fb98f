import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BacktestResult, BacktestRule } from '../../../../preload/contract/fraud-backtests.ts';
import { categoryAxisWidth } from '../../components/charts/category-axis.ts';
import { inSeriesOrder } from '../../components/charts/legend-order.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../components/charts/palette.ts';

/** Alerts per day: the backtested version's reviews and blocks stacked, the active version's alerts as a line. */
export function BacktestPerDayChart({ result }: { result: BacktestResult }) {
  const { t } = useTranslation();
  const palette = useChartPalette();
  return (
    <div data-testid="backtest-per-day">
      <ResponsiveContainer width="100%" height={240}>
        <ComposedChart data={result.perDay} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} vertical={false} />
          <XAxis dataKey="day" stroke={palette.axis} fontSize={11} tickLine={false} minTickGap={16} {...xAxisTitle(t('charts.axis.date'), palette)} />
          <YAxis allowDecimals={false} stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} {...yAxisTitle(t('charts.axis.alerts'), palette, 40)} />
          <Tooltip {...tooltipStyle(palette)} cursor={{ fill: palette.grid, opacity: 0.5 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder(['review', 'block', 'baseline'])} />
          <Bar dataKey="review" name={t('rules.actions.review')} stackId="alerts" fill={palette.warn} isAnimationActive={false} />
          <Bar dataKey="block" name={t('rules.actions.block')} stackId="alerts" fill={palette.bad} isAnimationActive={false} />
          {result.baselineVersion !== null && (
            <Line dataKey="baseline" name={t('rules.backtests.perDay.baseline', { version: result.baselineVersion })} stroke={palette.series[0]} strokeWidth={2} dot={false} isAnimationActive={false} />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/**
 * Each rule's hits beside those of them that were fraud: a long bar with a short one is a rule that mostly annoys. The
 * axis is square-root: one broad rule (thousands of hits) would otherwise flatten the precise ones (tens) to nothing.
 */
export function BacktestRuleChart({ rules }: { rules: readonly BacktestRule[] }) {
  const { t } = useTranslation();
  const palette = useChartPalette();
  return (
    <div data-testid="backtest-rule-chart">
      <ResponsiveContainer width="100%" height={Math.max(160, rules.length * 34 + 64)}>
        <BarChart data={rules} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 4 }}>
          <CartesianGrid stroke={palette.grid} horizontal={false} />
          <XAxis type="number" scale="sqrt" domain={[0, 'auto']} allowDecimals={false} stroke={palette.axis} fontSize={11} tickLine={false} {...xAxisTitle(t('charts.axis.ruleHits'), palette)} />
          <YAxis
            type="category"
            dataKey="id"
            stroke={palette.axis}
            fontSize={11}
            tickLine={false}
            axisLine={false}
            interval={0}
            {...yAxisTitle(t('charts.axis.rule'), palette, categoryAxisWidth(rules.map((rule) => rule.id)))}
          />
          <Tooltip {...tooltipStyle(palette)} cursor={{ fill: palette.grid, opacity: 0.5 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder(['hits', 'fraudHits'])} />
          <Bar dataKey="hits" name={t('rules.backtests.rules.hits')} fill={palette.series[0]} isAnimationActive={false} barSize={12} />
          <Bar dataKey="fraudHits" name={t('rules.backtests.rules.fraudHits')} fill={palette.bad} isAnimationActive={false} barSize={12} />
        </BarChart>
      </ResponsiveContainer>
      <p className="muted small">{t('rules.backtests.rules.chartScale')}</p>
    </div>
  );
}
