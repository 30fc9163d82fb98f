import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { FraudDay } from '../../../../preload/contract/fraud-views.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { inSeriesOrder } from '../../components/charts/legend-order.ts';
import { tooltipStyle, useChartPalette } from '../../components/charts/palette.ts';
import { formatCount, formatMoney } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';

interface DayRow {
  readonly day: string;
  readonly review: number;
  readonly block: number;
  /** Money flagged in minor units, by currency. */
  readonly [currency: string]: number | string;
}

/** One row per day; the summary has one per day and currency. */
function byDay(days: readonly FraudDay[]): { rows: DayRow[]; currencies: string[] } {
  const rows = new Map<string, Record<string, number | string>>();
  const currencies = new Set<string>();
  for (const { day, currency, review, block, amountMinor } of days) {
    const row = rows.get(day) ?? { day, review: 0, block: 0 };
    row.review = Number(row.review) + review;
    row.block = Number(row.block) + block;
    row[currency] = amountMinor;
    currencies.add(currency);
    rows.set(day, row);
  }
  return { rows: [...rows.values()] as DayRow[], currencies: [...currencies] };
}

/** The latest run's flags per day (review and block stacked) and the money they moved, per currency. */
export function FraudDayCharts({ days }: { days: readonly FraudDay[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const { rows, currencies } = byDay(days);
  if (rows.length === 0) return <p className="muted">{t('fraud.charts.none')}</p>;
  const axis = { stroke: palette.axis, fontSize: 11, tickLine: false } as const;
  return (
    <div className="panel-grid fraud-charts">
      <figure className="panel fraud-chart" data-testid="fraud-per-day" data-days={rows.length}>
        <figcaption>
          <h2>{t('fraud.charts.perDay')}</h2>
          <p className="muted small">{t('fraud.charts.perDayHint')}</p>
        </figcaption>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={palette.grid} vertical={false} />
            <XAxis dataKey="day" {...axis} {...xAxisTitle(t('charts.axis.date'), palette)} />
            <YAxis {...axis} axisLine={false} allowDecimals={false} tickFormatter={(value) => formatCount(Number(value), locale)} {...yAxisTitle(t('charts.axis.flaggedTransactions'), palette, 44)} />
            <Tooltip {...tooltipStyle(palette)} formatter={(value, name) => [formatCount(Number(value), locale), name]} />
            <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={inSeriesOrder(['review', 'block'])} />
            <Bar dataKey="review" stackId="flags" name={t('fraud.actions.review')} fill={palette.warn} isAnimationActive={false} />
            <Bar dataKey="block" stackId="flags" name={t('fraud.actions.block')} fill={palette.bad} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="panel fraud-chart" data-testid="fraud-money" data-currencies={currencies.join(' ')}>
        <figcaption>
          <h2>{t('fraud.charts.money')}</h2>
          <p className="muted small">{t('fraud.charts.moneyHint')}</p>
        </figcaption>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={palette.grid} vertical={false} />
            <XAxis dataKey="day" {...axis} {...xAxisTitle(t('charts.axis.date'), palette)} />
            <YAxis
              {...axis}
              axisLine={false}
              tickFormatter={(value) => formatMoney(Number(value), currencies[0] ?? '', locale, { compact: true })}
              {...yAxisTitle(t('charts.axis.amount', { currency: currencies.join(', ') }), palette, 64)}
            />
            <Tooltip {...tooltipStyle(palette)} formatter={(value, name) => [formatMoney(Number(value), String(name), locale), name]} />
            <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={inSeriesOrder(currencies)} />
            {currencies.map((currency, index) => (
              <Bar key={currency} dataKey={currency} name={currency} fill={palette.series[index % palette.series.length]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
