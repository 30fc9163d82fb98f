import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModelMonitoring } from '../../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatCount } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { PSI_INVESTIGATE, PSI_SIGNIFICANT } from '../credit-codes.ts';
import { formatDecimal } from '../format-stats.ts';

type Period = ModelMonitoring['periods'][number];

/** The score's PSI per origination quarter against the development sample, with the two action thresholds. */
export function PsiChart({ periods }: { periods: readonly Period[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  if (periods.length === 0) return <p className="muted empty">{t('credit.validation.noPeriods')}</p>;
  // Always show both thresholds; steps that read as round numbers whatever the largest PSI is.
  const step = Math.max(...periods.map((period) => period.psi)) <= 0.4 ? 0.05 : 0.25;
  const top = Math.ceil(Math.max(PSI_SIGNIFICANT + step, ...periods.map((period) => period.psi)) / step) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => Number((index * step).toFixed(2)));
  const dotColor = { stable: palette.good, investigate: palette.warn, significant: palette.bad } as const;
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={periods} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} vertical={false} />
        <XAxis dataKey="period" stroke={palette.axis} fontSize={11} tickLine={false} minTickGap={16} {...xAxisTitle(t('charts.axis.originationQuarter'), palette)} />
        <YAxis
          domain={[0, top]}
          ticks={ticks}
          stroke={palette.axis}
          fontSize={11}
          tickLine={false}
          axisLine={false}
          tickFormatter={(value) => formatDecimal(Number(value), locale, 2)}
          {...yAxisTitle(t('charts.axis.psi'), palette, 44)}
        />
        <ReferenceLine y={PSI_INVESTIGATE} stroke={palette.warn} strokeDasharray="4 4" label={{ value: t('credit.stability.investigate'), position: 'insideTopRight', fontSize: 10, fill: palette.warn }} />
        <ReferenceLine y={PSI_SIGNIFICANT} stroke={palette.bad} strokeDasharray="4 4" label={{ value: t('credit.stability.significant'), position: 'insideTopRight', fontSize: 10, fill: palette.bad }} />
        <Tooltip
          {...tooltipStyle(palette)}
          formatter={(value, _name, item) => {
            const period = item.payload as Period;
            return [`${formatDecimal(Number(value), locale)} · ${t(`credit.stability.${period.psiBand}`)} · ${t('credit.validation.loans', { count: period.loans, formatted: formatCount(period.loans, locale) })}`, 'PSI'];
          }}
        />
        <Line
          dataKey="psi"
          stroke={palette.series[0]}
          strokeWidth={2}
          isAnimationActive={false}
          dot={(props: { cx?: number; cy?: number; index?: number; payload?: Period }) => (
            <circle key={props.index} cx={props.cx} cy={props.cy} r={3.5} fill={props.payload ? dotColor[props.payload.psiBand] : palette.axis} stroke="none" />
          )}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
