import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { FraudTransaction, HistoryPoint } from '../../../../preload/contract/fraud-views.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { inSeriesOrder } from '../../components/charts/legend-order.ts';
import { tooltipStyle, useChartPalette } from '../../components/charts/palette.ts';
import { formatMoney, formatTimestamp, minorToMajor } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { formatDate } from '../../format/dates.ts';

interface Point {
  readonly time: number;
  readonly amount: number;
  readonly point: HistoryPoint;
}

const SERIES = ['normal', 'review', 'block', 'current'] as const;
type Series = (typeof SERIES)[number];

/** The account's transactions around this one on a time axis, by amount: flagged ones in the colour of their action. */
export function HistoryChart({ history, current }: { history: readonly HistoryPoint[]; current: FraudTransaction }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const series: Record<Series, Point[]> = { normal: [], review: [], block: [], current: [] };
  for (const point of history) {
    const at: Point = { time: Date.parse(point.ts), amount: minorToMajor(point.amountMinor, point.currency), point };
    series[point.txId === current.txId ? 'current' : (point.action ?? 'normal')].push(at);
  }
  const colours: Record<Series, string> = { normal: palette.series[0] ?? palette.axis, review: palette.warn, block: palette.bad, current: palette.text };
  const flagged = history.filter((point) => point.action !== null).length;
  return (
    <figure className="panel fraud-history" data-testid="fraud-history" data-points={history.length} data-flagged={flagged}>
      <figcaption>
        <h2>{t('fraud.transaction.history')}</h2>
        <p className="muted small">{t('fraud.transaction.historyHint', { count: history.length, account: current.accountId })}</p>
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <ScatterChart margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} />
          <XAxis type="number" dataKey="time" domain={['dataMin', 'dataMax']} stroke={palette.axis} fontSize={11} tickLine={false} tickFormatter={(value) => formatDate(formatTimestamp(new Date(Number(value)).toISOString()), locale)} {...xAxisTitle(t('charts.axis.date'), palette)} />
          <YAxis type="number" dataKey="amount" name={t('fraud.transaction.amount')} stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} {...yAxisTitle(t('charts.axis.amount', { currency: current.currency }), palette, 64)} />
          <ZAxis range={[40, 40]} />
          <Tooltip
            {...tooltipStyle(palette)}
            content={({ payload }) => {
              const hovered = (payload?.[0]?.payload as Point | undefined)?.point;
              if (!hovered) return null;
              return (
                <div className="chart-tooltip" style={tooltipStyle(palette).contentStyle}>
                  <div className="mono">{hovered.txId}</div>
                  <div>{formatTimestamp(hovered.ts)}</div>
                  <div>{formatMoney(hovered.amountMinor, hovered.currency, locale)}</div>
                  {hovered.action && <div>{t(`fraud.actions.${hovered.action}`)}</div>}
                </div>
              );
            }}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={inSeriesOrder(SERIES.map((name) => t(`fraud.transaction.historySeries.${name}`)))} />
          {SERIES.map((name) => (
            <Scatter key={name} name={t(`fraud.transaction.historySeries.${name}`)} data={series[name]} fill={colours[name]} shape={name === 'current' ? 'star' : 'circle'} isAnimationActive={false} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
