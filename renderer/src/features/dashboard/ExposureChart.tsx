import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../components/charts/palette.ts';
import { codeLabel } from '../../components/code-labels.ts';
import { formatCount, formatMoney, formatPercent, minorToMajor } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';

interface Props {
  readonly rows: Dashboard['byProduct'];
  readonly currency: string;
  readonly totalMinor: number;
  readonly group: 'products' | 'regions';
  /** Chart the largest N; the rest are summed in a note (a bar for them would dwarf the others). */
  readonly limit?: number;
  readonly colorIndex?: number;
  /** Also list the figures under the chart. */
  readonly withTable?: boolean;
}

/** Outstanding by product or region, as horizontal bars, largest first. */
export function ExposureChart({ rows, currency, totalMinor, group, limit = 12, colorIndex = 0, withTable = false }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  if (rows.length === 0) return <p className="muted empty">{t('dashboard.noData')}</p>;

  const share = (minor: number) => (totalMinor > 0 ? minor / totalMinor : 0);
  const sorted = [...rows].sort((a, b) => b.outstandingMinor - a.outstandingMinor);
  const data = sorted.slice(0, limit).map((row) => ({ ...row, name: codeLabel(t, group, row.key), major: minorToMajor(row.outstandingMinor, currency) }));
  const rest = sorted.slice(limit);
  const restMinor = rest.reduce((sum, row) => sum + row.outstandingMinor, 0);

  return (
    <>
      <ResponsiveContainer width="100%" height={data.length * 26 + 48}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 4 }}>
          <CartesianGrid stroke={palette.grid} horizontal={false} />
          <XAxis type="number" dataKey="major" stroke={palette.axis} fontSize={11} tickLine={false} tickFormatter={(value) => compactMajor(value, currency, locale)} {...xAxisTitle(t('charts.axis.outstanding', { currency }), palette)} />
          <YAxis type="category" dataKey="name" stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} interval={0} {...yAxisTitle(t(`charts.axis.${group}`), palette, 150)} />
          <Tooltip
            {...tooltipStyle(palette)}
            cursor={{ fill: palette.grid, opacity: 0.5 }}
            formatter={(_value, _name, item) => {
              const row = item.payload as (typeof data)[number];
              return [`${formatMoney(row.outstandingMinor, currency, locale)} · ${formatPercent(share(row.outstandingMinor), locale, 1)}`, t('dashboard.outstanding')];
            }}
          />
          <Bar dataKey="major" fill={palette.series[colorIndex % palette.series.length]} radius={[0, 2, 2, 0]} isAnimationActive={false} barSize={14} />
        </BarChart>
      </ResponsiveContainer>
      {rest.length > 0 && (
        <p className="muted small chart-note">
          {t('dashboard.rest', { count: rest.length, amount: formatMoney(restMinor, currency, locale, { compact: true }), share: formatPercent(share(restMinor), locale, 1) })}
        </p>
      )}
      {withTable && (
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{t(group === 'products' ? 'dashboard.product' : 'dashboard.region')}</th>
              <th scope="col" className="num">{t('dashboard.loans')}</th>
              <th scope="col" className="num">{t('dashboard.outstanding')}</th>
              <th scope="col" className="num">{t('dashboard.share')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.name}</th>
                <td className="num">{formatCount(row.loans, locale)}</td>
                <td className="num">{formatMoney(row.outstandingMinor, currency, locale)}</td>
                <td className="num">{formatPercent(share(row.outstandingMinor), locale, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** An axis tick in major units, compact (CN¥1.2M, ¥120万). */
function compactMajor(major: unknown, currency: string, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(Number(major));
  } catch {
    return String(major);
  }
}
