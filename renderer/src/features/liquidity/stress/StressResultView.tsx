import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ScenarioResult } from '../../../../../preload/contract/liquidity.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { formatMajorMoney } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatDate } from '../../../format/dates.ts';

/** A scenario day by day: cumulative net outflow climbing toward the buffer, the survival day marked where it crosses. */
export function StressResultView({ result }: { result: ScenarioResult }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const money = (value: number) => formatMajorMoney(value, result.currency, locale);
  const compact = (value: unknown) => formatMajorMoney(Number(value), result.currency, locale, { compact: true });
  const survives = result.survivalDay === null;

  return (
    <section className="panel" aria-labelledby="stress-result-title" data-testid="stress-result">
      <div className="panel-head">
        <h2 id="stress-result-title">{t('liquidity.stress.resultTitle', { scenario: result.scenario.name, asOf: formatDate(result.asOf, locale), version: result.parameterVersion })}</h2>
        <p className={survives ? 'ratio-headline' : 'ratio-headline negative'} data-testid="survival">
          {survives ? t('liquidity.stress.survives', { days: result.scenario.horizonDays }) : t('liquidity.stress.survivalDay', { day: result.survivalDay })}
        </p>
      </div>
      <p className="small">{t('liquidity.stress.buffer', { amount: money(result.buffer) })}</p>
      <div data-testid="stress-chart">
        <ResponsiveContainer width="100%" height={300}>
          <ComposedChart data={result.days} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={palette.grid} vertical={false} />
            <XAxis dataKey="day" stroke={palette.axis} fontSize={11} tickLine={false} minTickGap={16} {...xAxisTitle(t('charts.axis.dayOfHorizon'), palette)} />
            <YAxis stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={compact} {...yAxisTitle(t('charts.axis.cumulativeNetOutflow', { currency: result.currency }), palette, 72)} />
            <Tooltip {...tooltipStyle(palette)} formatter={(value) => money(Number(value))} labelFormatter={(day) => t('liquidity.stress.dayLabel', { day: String(day) })} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine y={result.buffer} stroke={palette.warn} strokeDasharray="6 3" label={{ value: t('liquidity.stress.bufferLine'), position: 'insideTopLeft', fontSize: 11, fill: palette.axis }} />
            {!survives && <ReferenceLine x={result.survivalDay ?? 0} stroke={palette.bad} label={{ value: t('liquidity.stress.survivalMark', { day: result.survivalDay }), position: 'insideTopRight', fontSize: 11, fill: palette.bad }} />}
            <Line dataKey="cumulativeNet" name={t('liquidity.stress.cumulativeNet')} stroke={palette.series[0]} strokeWidth={2} dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <div className="table-scroll table-scroll-tall">
        <table className="table table-compact" data-testid="stress-table">
          <thead>
            <tr>
              <th scope="col" className="num">{t('liquidity.stress.day')}</th>
              <th scope="col">{t('liquidity.stress.date')}</th>
              <th scope="col" className="num">{t('liquidity.stress.outflows')}</th>
              <th scope="col" className="num">{t('liquidity.stress.inflows')}</th>
              <th scope="col" className="num">{t('liquidity.stress.net')}</th>
              <th scope="col" className="num">{t('liquidity.stress.cumulativeNet')}</th>
              <th scope="col" className="num">{t('liquidity.stress.bufferLeft')}</th>
            </tr>
          </thead>
          <tbody>
            {result.days.map((day) => (
              <tr key={day.day} className={day.day === result.survivalDay ? 'row-selected' : undefined}>
                <td className="num">{day.day}</td>
                <td>{day.date}</td>
                <td className="num">{money(day.outflows)}</td>
                <td className="num">{money(day.inflows)}</td>
                <td className="num">{money(day.net)}</td>
                <td className="num">{money(day.cumulativeNet)}</td>
                <td className={day.bufferLeft < 0 ? 'num negative' : 'num'}>{money(day.bufferLeft)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
