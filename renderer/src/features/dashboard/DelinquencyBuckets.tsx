import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard, DelinquencyBucket } from '../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette, type ChartPalette } from '../../components/charts/palette.ts';
import { codeLabel } from '../../components/code-labels.ts';
import { CompactMoney } from '../../components/CompactMoney.tsx';
import { formatCount, formatMoney, formatPercent, minorToMajor } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';

function bucketColor(bucket: DelinquencyBucket, palette: ChartPalette): string {
  if (bucket === 'current') return palette.good;
  if (bucket === '1-29') return palette.series[0] ?? palette.good;
  if (bucket === '30-59' || bucket === '60-89') return palette.warn;
  return palette.bad;
}

/** Open-loan balance by days-past-due bucket: the past-due buckets as bars, every bucket's figures under them. */
export function DelinquencyBuckets({ data }: { data: Dashboard }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const rows = data.delinquency.map((bucket) => ({
    ...bucket,
    name: codeLabel(t, 'buckets', bucket.bucket),
    major: minorToMajor(bucket.outstandingMinor, data.currency),
    share: data.outstandingMinor > 0 ? bucket.outstandingMinor / data.outstandingMinor : 0,
  }));
  // The chart shows the past-due buckets only: beside "current" (most of any book) they would not show.
  const pastDue = rows.filter((row) => row.bucket !== 'current');
  return (
    <div className="chart-over-table" data-testid="delinquency-chart">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={pastDue} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} horizontal={false} />
          <XAxis type="number" dataKey="share" stroke={palette.axis} fontSize={11} tickLine={false} tickFormatter={(value) => formatPercent(Number(value), locale, 1)} {...xAxisTitle(t('charts.axis.shareOfOutstanding'), palette)} />
          <YAxis type="category" dataKey="name" stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} interval={0} {...yAxisTitle(t('charts.axis.daysPastDue'), palette, 64)} />
          <Tooltip
            {...tooltipStyle(palette)}
            cursor={{ fill: palette.grid, opacity: 0.5 }}
            formatter={(_value, _name, item) => {
              const row = item.payload as (typeof rows)[number];
              return [`${formatMoney(row.outstandingMinor, data.currency, locale)} · ${formatPercent(row.share, locale)}`, t('dashboard.outstanding')];
            }}
          />
          <Bar dataKey="share" isAnimationActive={false} radius={[0, 2, 2, 0]} barSize={16}>
            {pastDue.map((row) => (
              <Cell key={row.bucket} fill={bucketColor(row.bucket, palette)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <table className="table table-compact" data-testid="delinquency-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.bucket')}</th>
            <th scope="col" className="num">{t('dashboard.loans')}</th>
            <th scope="col" className="num">{t('dashboard.outstanding')}</th>
            <th scope="col" className="num">{t('dashboard.share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.bucket}>
              <th scope="row">
                <span className="swatch" style={{ background: bucketColor(row.bucket, palette) }} aria-hidden="true" />
                {row.name}
              </th>
              <td className="num">{formatCount(row.loans, locale)}</td>
              <td className="num">
                <CompactMoney minor={row.outstandingMinor} currency={data.currency} locale={locale} />
              </td>
              <td className="num">{formatPercent(row.share, locale, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
