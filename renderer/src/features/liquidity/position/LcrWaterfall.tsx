import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LcrBreakdown } from '../../../../../preload/contract/liquidity.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatMajorMoney } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { lcrWaterfall, type WaterfallStep } from './lcr-waterfall.ts';

/**
 * The LCR's two waterfalls (HQLA, then net outflows) as stacked bars on an invisible base, and the same steps as a
 * list beneath: the chart for the eye, the list for a screen reader and for re-adding.
 */
export function LcrWaterfall({ lcr, currency }: { lcr: LcrBreakdown; currency: string }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const steps = lcrWaterfall(lcr).map((step) => ({ ...step, label: t(`liquidity.waterfall.${step.id}`) }));
  const colour = (step: WaterfallStep) => (step.kind === 'total' ? palette.series[0] : step.kind === 'add' ? palette.good : palette.bad);
  const money = (value: number) => formatMajorMoney(value, currency, locale);

  return (
    <div data-testid="lcr-waterfall">
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={steps} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={palette.grid} vertical={false} />
          <XAxis dataKey="label" stroke={palette.axis} fontSize={11} tickLine={false} interval={0} {...xAxisTitle(t('charts.axis.lcrStep'), palette)} />
          <YAxis
            stroke={palette.axis}
            fontSize={11}
            tickLine={false}
            axisLine={false}
            tickFormatter={(value) => formatMajorMoney(Number(value), currency, locale, { compact: true })}
            {...yAxisTitle(t('charts.axis.amount', { currency }), palette, 72)}
          />
          <Tooltip
            {...tooltipStyle(palette)}
            cursor={{ fill: palette.grid, opacity: 0.5 }}
            // The bar's signed change (a subtraction shows as negative), not its drawn height.
            formatter={(_value, _name, item) => [money((item.payload as WaterfallStep).amount), t('liquidity.waterfall.amount')]}
          />
          <ReferenceLine y={0} stroke={palette.axis} />
          {/* The invisible base the visible bar stands on: scaffolding, so out of the tooltip. */}
          <Bar dataKey="base" stackId="waterfall" fill="transparent" isAnimationActive={false} legendType="none" tooltipType="none" />
          <Bar dataKey="size" stackId="waterfall" isAnimationActive={false}>
            {steps.map((step) => (
              <Cell key={step.id} fill={colour(step)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <dl className="facts facts-inline waterfall-figures" data-testid="waterfall-figures">
        {steps.map((step) => (
          <div key={step.id} data-step={step.id}>
            <dt>{step.label}</dt>
            <dd>{money(step.amount)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
