import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CreditAnalytics } from '../../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { codeLabel } from '../../../components/code-labels.ts';
import { formatMoney, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { categoryAxisWidth } from '../../../components/charts/category-axis.ts';
import { formatDecimal } from '../format-stats.ts';

type Concentration = CreditAnalytics['concentration'][number];

/** Bars for the largest items only: the tail of a long list is what HHI summarises. */
const TOP = 8;
const LABEL_GROUP = { region: 'regions', product: 'products', industry: 'industries' } as const;

/** Concentration per dimension: HHI, its effective number of equal exposures, and the largest shares. */
export function ConcentrationPanel({ concentration, currency }: { concentration: readonly Concentration[]; currency: string }) {
  return (
    <div className="concentration-grid" data-testid="concentration">
      {concentration.map((entry, index) => (
        <Dimension key={entry.dimension} entry={entry} currency={currency} colorIndex={index} />
      ))}
    </div>
  );
}

function Dimension({ entry, currency, colorIndex }: { entry: Concentration; currency: string; colorIndex: number }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const items = [...entry.items]
    .sort((a, b) => b.share - a.share)
    .slice(0, TOP)
    .map((item) => ({ ...item, name: codeLabel(t, LABEL_GROUP[entry.dimension], item.key) }));
  return (
    <div>
      <h3>{t(`credit.risk.dimensions.${entry.dimension}`)}</h3>
      <p className="small">
        HHI <strong>{formatDecimal(entry.hhi, locale, 4)}</strong> · {t('credit.risk.effectiveNumber')} <strong>{formatDecimal(entry.effectiveNumber, locale, 1)}</strong>
      </p>
      <ResponsiveContainer width="100%" height={items.length * 22 + 60}>
        <BarChart data={items} layout="vertical" margin={{ top: 0, right: 12, bottom: 0, left: 4 }}>
          <CartesianGrid stroke={palette.grid} horizontal={false} />
          <XAxis type="number" dataKey="share" stroke={palette.axis} fontSize={10} tickLine={false} tickFormatter={(value) => formatPercent(Number(value), locale, 0)} {...xAxisTitle(t('charts.axis.shareOfOutstanding'), palette)} />
          <YAxis
            type="category"
            dataKey="name"
            stroke={palette.axis}
            fontSize={10}
            tickLine={false}
            axisLine={false}
            interval={0}
            {...yAxisTitle(t(`credit.risk.dimensions.${entry.dimension}`), palette, categoryAxisWidth(items.map((item) => item.name), 160))}
          />
          <Tooltip
            {...tooltipStyle(palette)}
            cursor={{ fill: palette.grid, opacity: 0.5 }}
            formatter={(_value, _name, item) => {
              const row = item.payload as (typeof items)[number];
              return [`${formatMoney(row.outstandingMinor, currency, locale)} · ${formatPercent(row.share, locale, 1)}`, t('dashboard.outstanding')];
            }}
          />
          <Bar dataKey="share" fill={palette.series[colorIndex % palette.series.length]} isAnimationActive={false} barSize={12} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
