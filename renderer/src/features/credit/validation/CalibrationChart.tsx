import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModelMonitoring } from '../../../../../preload/contract/index.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { inSeriesOrder } from '../../../components/charts/legend-order.ts';
import { SegmentedChoice } from '../../../components/SegmentedChoice.tsx';
import { formatCount, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatDecimal } from '../format-stats.ts';

type Band = ModelMonitoring['calibration'][number];

interface Props {
  /** Bands of the development sample (the holdout when there is one). */
  readonly development: readonly Band[];
  /** The same bands on the current portfolio. */
  readonly current: readonly Band[];
}

const SAMPLES = ['development', 'current'] as const;

/** A band by its score range, short enough for an axis: "≤ 531", "531–554", "> 664". */
function bandRange(band: Band, locale: string): string {
  const score = (value: number) => formatDecimal(value, locale, 0);
  if (band.lower === null) return band.upper === null ? band.band : `≤ ${score(band.upper)}`;
  return band.upper === null ? `> ${score(band.lower)}` : `${score(band.lower)}–${score(band.upper)}`;
}

/** Observed event rate against the mean predicted PD, band by band: a calibrated model has the pairs level. */
export function CalibrationChart({ development, current }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const [sample, setSample] = useState<(typeof SAMPLES)[number]>('development');
  const bands = (sample === 'development' ? development : current).map((band) => ({ ...band, range: bandRange(band, locale) }));
  const percent = (value: unknown) => formatPercent(Number(value), locale, 1);
  return (
    <>
      <SegmentedChoice name="calibration-sample" label={t('credit.validation.sample')} options={SAMPLES} value={sample} onChange={setSample} optionLabel={(option) => t(`credit.validation.samples.${option}`)} />
      {bands.length === 0 ? (
        <p className="muted empty">{t('credit.validation.noBands')}</p>
      ) : (
        <ResponsiveContainer width="100%" height={270}>
          <BarChart data={bands} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={palette.grid} vertical={false} />
            <XAxis dataKey="range" stroke={palette.axis} fontSize={10} tickLine={false} interval={0} {...xAxisTitle(t('charts.axis.scoreBand'), palette)} />
            <YAxis stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} tickFormatter={percent} {...yAxisTitle(t('charts.axis.eventRate'), palette, 48)} />
            <Tooltip
              {...tooltipStyle(palette)}
              formatter={(value, name) => [percent(value), name]}
              labelFormatter={(label, payload) => {
                const band = payload[0]?.payload as Band | undefined;
                return band ? `${band.band} · ${t('credit.validation.bandRows', { rows: formatCount(band.rows, locale), events: formatCount(band.events, locale) })}` : String(label);
              }}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder(['eventRate', 'meanPd'])} />
            <Bar dataKey="eventRate" name={t('credit.validation.observed')} fill={palette.bad} isAnimationActive={false} />
            <Bar dataKey="meanPd" name={t('credit.validation.predicted')} fill={palette.series[0]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
    </>
  );
}
