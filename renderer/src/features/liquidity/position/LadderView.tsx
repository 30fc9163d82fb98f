import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LiquidityPosition } from '../../../../../preload/contract/liquidity.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { inSeriesOrder } from '../../../components/charts/legend-order.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatCount, formatMajorMoney } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { RatioKpis } from './RatioKpis.tsx';
import { formatDate } from '../../../format/dates.ts';

/** The contractual maturity ladder: each bucket's gap as a bar, the cumulative gap as a line, the same figures as a table. */
export function LadderView({ position }: { position: LiquidityPosition }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const { ladder, currency } = position;
  const money = (value: number) => formatMajorMoney(value, currency, locale);
  const compact = (value: unknown) => formatMajorMoney(Number(value), currency, locale, { compact: true });
  const rows = ladder.buckets.map((bucket) => ({ ...bucket, label: t(`liquidity.ladder.buckets.${bucket.bucket}`) }));

  return (
    <>
      <RatioKpis position={position} />
      <section className="panel" aria-labelledby="ladder-title" data-testid="ladder">
        <h2 id="ladder-title">{t('liquidity.ladder.title', { asOf: formatDate(ladder.asOf, locale) })}</h2>
        <div data-testid="ladder-chart">
          <ResponsiveContainer width="100%" height={280}>
            <ComposedChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={palette.grid} vertical={false} />
              <XAxis dataKey="label" stroke={palette.axis} fontSize={11} tickLine={false} interval={0} {...xAxisTitle(t('charts.axis.maturityBucket'), palette)} />
              <YAxis stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={compact} {...yAxisTitle(t('charts.axis.amount', { currency }), palette, 72)} />
              <Tooltip {...tooltipStyle(palette)} formatter={(value) => money(Number(value))} cursor={{ fill: palette.grid, opacity: 0.5 }} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder(['gap', 'cumulativeGap'])} />
              <ReferenceLine y={0} stroke={palette.axis} />
              <Bar dataKey="gap" name={t('liquidity.ladder.gap')} fill={palette.good} isAnimationActive={false}>
                {rows.map((row) => (
                  <Cell key={row.bucket} fill={row.gap < 0 ? palette.bad : palette.good} />
                ))}
              </Bar>
              <Line dataKey="cumulativeGap" name={t('liquidity.ladder.cumulativeGap')} stroke={palette.series[0]} strokeWidth={2} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <div className="table-scroll">
          <table className="table table-compact" data-testid="ladder-table">
            <thead>
              <tr>
                <th scope="col">{t('liquidity.ladder.bucket')}</th>
                <th scope="col" className="num">{t('liquidity.ladder.lines')}</th>
                <th scope="col" className="num">{t('liquidity.ladder.inflows')}</th>
                <th scope="col" className="num">{t('liquidity.ladder.outflows')}</th>
                <th scope="col" className="num">{t('liquidity.ladder.gap')}</th>
                <th scope="col" className="num">{t('liquidity.ladder.cumulativeGap')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.bucket} data-bucket={row.bucket}>
                  <th scope="row">{row.label}</th>
                  <td className="num">{formatCount(row.lines, locale)}</td>
                  <td className="num">{money(row.inflows)}</td>
                  <td className="num">{money(row.outflows)}</td>
                  <td className={row.gap < 0 ? 'num negative' : 'num'}>{money(row.gap)}</td>
                  <td className={row.cumulativeGap < 0 ? 'num negative' : 'num'}>{money(row.cumulativeGap)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {ladder.excluded.length > 0 && (
          <div className="small muted" data-testid="ladder-excluded">
            <p>{t('liquidity.ladder.excludedIntro')}</p>
            <ul>
              {ladder.excluded.map((entry) => (
                <li key={entry.reason}>{t(`liquidity.ladder.excluded.${entry.reason}`, { count: entry.lines, formatted: formatCount(entry.lines, locale), amount: money(entry.amount) })}</li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </>
  );
}
