import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../../api/client.ts';
import { useCall } from '../../api/use-call.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { inSeriesOrder } from '../../components/charts/legend-order.ts';
import { xAxisTitle, yAxisTitle } from '../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../components/charts/palette.ts';
import { formatCount, formatPercent } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { formatDate } from '../../format/dates.ts';

/** The DPD thresholds a DPD crossing is measured against (the shipped parameter set's). */
const DPD_THRESHOLDS = [30, 60, 90] as const;

/**
 * A credit alert's loan over the finished credit runs: its 12-month PD (left axis, %) and days past due (right axis),
 * one point per run by as-of date; for a DPD crossing, the 30/60/90 day thresholds as reference lines, the one it
 * crossed in red.
 */
export function LoanRiskChart({ loanId, dpdThreshold }: { loanId: string; dpdThreshold?: number | undefined }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const history = useCall(() => api.call('credit.loanRiskHistory', { loanId }), [loanId]);
  const points = history.data;
  const crossing = dpdThreshold !== undefined;
  const maxDpd = Math.max(0, ...(points ?? []).map((point) => point.dpd ?? 0));
  const dpdTop = crossing ? Math.max(maxDpd, 90) + 10 : Math.max(maxDpd, 10);
  return (
    <figure className="case-loan-chart" data-testid="loan-risk-chart" data-points={points?.length}>
      <figcaption className="muted small">{t('cases.loanChart.caption', { loan: loanId, count: points?.length ?? 0 })}</figcaption>
      <ErrorNotice error={history.error} />
      {points && points.length === 0 && <p className="muted small">{t('cases.loanChart.none')}</p>}
      {points && points.length > 0 && (
        <ResponsiveContainer width="100%" height={210}>
          <ComposedChart data={points} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={palette.grid} vertical={false} />
            <XAxis dataKey="asOf" stroke={palette.axis} fontSize={11} tickLine={false} tickFormatter={(value) => formatDate(String(value), locale)} {...xAxisTitle(t('charts.axis.date'), palette)} />
            <YAxis
              yAxisId="pd"
              stroke={palette.axis}
              fontSize={11}
              tickLine={false}
              axisLine={false}
              domain={[0, 'auto']}
              tickFormatter={(value) => formatPercent(Number(value), locale, 0)}
              {...yAxisTitle(t('charts.axis.pd12m'), palette, 48)}
            />
            <YAxis yAxisId="dpd" orientation="right" stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} domain={[0, dpdTop]} allowDecimals={false} {...yAxisTitle(t('charts.axis.dpdDays'), palette, 40, 'right')} />
            <Tooltip
              {...tooltipStyle(palette)}
              labelFormatter={(label, payload) => {
                const point = payload[0]?.payload as (typeof points)[number] | undefined;
                return point ? t('cases.loanChart.tooltipLabel', { asOf: formatDate(String(label), locale), run: point.runId, grade: point.grade, stage: point.stage }) : String(label);
              }}
              formatter={(value, name, item) => [item.dataKey === 'pd12m' ? formatPercent(Number(value), locale) : t('cases.loanChart.days', { days: formatCount(Number(value), locale) }), name]}
            />
            <Legend wrapperStyle={{ fontSize: 11 }} itemSorter={inSeriesOrder(['pd12m', 'dpd'])} />
            {crossing &&
              DPD_THRESHOLDS.map((days) => (
                <ReferenceLine
                  key={days}
                  yAxisId="dpd"
                  y={days}
                  stroke={days === dpdThreshold ? palette.bad : palette.axis}
                  strokeDasharray="4 3"
                  label={{ value: t('cases.loanChart.threshold', { days }), position: 'insideTopLeft', fontSize: 10, fill: palette.axis }}
                />
              ))}
            <Line yAxisId="pd" dataKey="pd12m" name={t('cases.loanChart.pd')} stroke={palette.series[0]} strokeWidth={2} dot isAnimationActive={false} connectNulls />
            <Line yAxisId="dpd" dataKey="dpd" name={t('cases.loanChart.dpd')} stroke={palette.series[2]} strokeWidth={2} dot isAnimationActive={false} connectNulls />
          </ComposedChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}
