import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DevelopmentReport } from '../../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { inSeriesOrder } from '../../../components/charts/legend-order.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';

type Roc = NonNullable<DevelopmentReport['curves']>['roc'];

/** A model no better than chance lies on the diagonal. */
const CHANCE = [
  { x: 0, y: 0 },
  { x: 1, y: 1 },
];

/** ROC on the training rows and on the holdout: true positive rate against false positive rate. */
export function RocChart({ roc }: { roc: Roc }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const percent = (value: unknown) => formatPercent(Number(value), locale, 0);
  return (
    <ResponsiveContainer width="100%" height={270}>
      <LineChart margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={palette.grid} />
        <XAxis
          type="number"
          dataKey="x"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          stroke={palette.axis}
          fontSize={11}
          tickFormatter={percent}
          {...xAxisTitle(t('charts.axis.fpr'), palette)}
        />
        <YAxis type="number" dataKey="y" domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} stroke={palette.axis} fontSize={11} tickFormatter={percent} {...yAxisTitle(t('charts.axis.tpr'), palette, 44)} />
        <Tooltip {...tooltipStyle(palette)} formatter={(value) => percent(value)} labelFormatter={(value) => `${t('credit.validation.fpr')} ${percent(value)}`} />
        <Legend verticalAlign="top" iconType="plainline" wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder([t('credit.metrics.train'), t('credit.metrics.holdout'), t('credit.validation.chance')])} />
        <Line data={roc.train} dataKey="y" name={t('credit.metrics.train')} stroke={palette.series[0]} strokeWidth={2} dot={false} isAnimationActive={false} />
        {roc.holdout && <Line data={roc.holdout} dataKey="y" name={t('credit.metrics.holdout')} stroke={palette.series[2]} strokeWidth={2} dot={false} isAnimationActive={false} />}
        <Line data={CHANCE} dataKey="y" name={t('credit.validation.chance')} stroke={palette.axis} strokeDasharray="4 4" dot={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
