import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CreditAnalytics } from '../../../../../preload/contract/index.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';

type Vintage = CreditAnalytics['vintages'][number];

/** Vintages are ordered in time, so their colours run along one ramp (oldest palest) rather than a palette. */
function vintageColor(index: number, count: number, dark: boolean): string {
  const position = count > 1 ? index / (count - 1) : 1;
  const lightness = dark ? 35 + position * 40 : 75 - position * 45;
  return `hsl(214 70% ${lightness.toFixed(0)}%)`;
}

/** Cumulative default rate by months on book, a line per origination quarter. */
export function VintageChart({ vintages }: { vintages: readonly Vintage[] }) {
  const { t } = useTranslation();
  const { locale, effectiveTheme } = usePreferences();
  const palette = useChartPalette();
  if (vintages.length === 0) return <p className="muted empty">{t('credit.risk.noVintages')}</p>;
  const longest = Math.max(...vintages.map((vintage) => vintage.cumulativeDefaultRate.length));
  const rows = Array.from({ length: longest }, (_, index) => ({
    mob: index + 1,
    ...Object.fromEntries(vintages.flatMap((vintage) => (index < vintage.cumulativeDefaultRate.length ? [[vintage.vintage, vintage.cumulativeDefaultRate[index]]] : []))),
  }));
  const percent = (value: unknown) => formatPercent(Number(value), locale, 1);
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 16, left: 0 }}>
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis
          dataKey="mob"
          stroke={palette.axis}
          fontSize={11}
          tickLine={false}
          minTickGap={12}
          label={{ value: t('credit.risk.mob'), position: 'insideBottom', offset: -10, fontSize: 11, fill: palette.axis }}
        />
        <YAxis stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={percent} width={48} />
        <Tooltip {...tooltipStyle(palette)} formatter={(value) => percent(value)} labelFormatter={(mob) => t('credit.risk.mobLabel', { mob: String(mob) })} />
        <Legend layout="vertical" align="right" verticalAlign="middle" wrapperStyle={{ fontSize: 11, paddingLeft: 8 }} iconType="plainline" />
        {vintages.map((vintage, index) => (
          <Line
            key={vintage.vintage}
            dataKey={vintage.vintage}
            name={`${vintage.vintage} (${vintage.loans})`}
            stroke={vintageColor(index, vintages.length, effectiveTheme === 'dark')}
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
