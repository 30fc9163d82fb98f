import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ModelDetail } from '../../../../../preload/contract/index.ts';
import { api } from '../../../api/client.ts';
import { xAxisTitle, yAxisTitle } from '../../../components/charts/axis-title.ts';
import { inSeriesOrder } from '../../../components/charts/legend-order.ts';
import { tooltipStyle, useChartPalette } from '../../../components/charts/palette.ts';
import { ErrorNotice } from '../../../components/ErrorNotice.tsx';
import { usePreferences } from '../../../session/preferences.tsx';
import { categoryAxisWidth } from '../../../components/charts/category-axis.ts';
import { formatDecimal } from '../format-stats.ts';
import { METRIC_KEYS } from '../MetricsTable.tsx';
import { useCall } from '../../../api/use-call.ts';
import { FeatureName } from '../FeatureName.tsx';
import { codeLabel } from '../../../components/code-labels.ts';

/**
 * Two models side by side (in the order the model list shows them): their metrics, then every feature's IV and
 * coefficient in each. Model names show as their authors typed them, never upper-cased by a table heading's style.
 */
export function ModelComparison({ first, second }: { first: number; second: number }) {
  const { t } = useTranslation();
  const pair = useCall(() => Promise.all([api.call('credit.model', { modelId: first }), api.call('credit.model', { modelId: second })]), [first, second]);
  return (
    <section className="panel" aria-labelledby="compare-title" data-testid="model-comparison">
      <h2 id="compare-title">{t('credit.compare.title')}</h2>
      <ErrorNotice error={pair.error} />
      {!pair.data && !pair.error && <p className="muted">{t('common.loading')}</p>}
      {pair.data && <ComparisonBody models={pair.data} />}
    </section>
  );
}

function ComparisonBody({ models }: { models: readonly [ModelDetail, ModelDetail] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const palette = useChartPalette();
  const [a, b] = models;
  const names = [...new Set([...a.report.features, ...b.report.features].map((feature) => feature.name))];
  const side = (model: ModelDetail, name: string) => ({
    iv: model.report.features.find((feature) => feature.name === name)?.iv ?? null,
    coef: model.report.model.coefficients.find((row) => row.feature === name)?.coef ?? null,
  });
  const features = names
    .map((name) => ({ name, a: side(a, name), b: side(b, name) }))
    .sort((x, y) => Math.max(y.a.iv ?? 0, y.b.iv ?? 0) - Math.max(x.a.iv ?? 0, x.b.iv ?? 0));
  const samples = ['train', 'holdout'] as const;

  return (
    <div className="compare-grid">
      <div className="table-scroll" data-testid="compare-metrics-frame">
        <table className="table table-compact" data-testid="compare-metrics">
          <thead>
            <tr>
              <th scope="col">{t('credit.metrics.metric')}</th>
              <th scope="col" className="num model-name">{a.name}</th>
              <th scope="col" className="num model-name">{b.name}</th>
            </tr>
          </thead>
          <tbody>
            {samples.flatMap((sample) =>
              METRIC_KEYS.map((key) => (
                <tr key={`${sample}-${key}`}>
                  <th scope="row">
                    {t(`credit.metrics.${key}`)} <span className="muted small">{t(`credit.metrics.${sample}`)}</span>
                  </th>
                  <td className="num">{formatDecimal(a.metrics?.[sample]?.[key], locale)}</td>
                  <td className="num">{formatDecimal(b.metrics?.[sample]?.[key], locale)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <div>
        <ResponsiveContainer width="100%" height={features.length * 28 + 90}>
          <BarChart data={features.map((row) => ({ name: codeLabel(t, 'features', row.name), a: row.a.iv ?? 0, b: row.b.iv ?? 0 }))} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 4 }}>
            <CartesianGrid stroke={palette.grid} horizontal={false} />
            <XAxis type="number" stroke={palette.axis} fontSize={11} tickLine={false} {...xAxisTitle(t('charts.axis.iv'), palette)} />
            <YAxis type="category" dataKey="name" stroke={palette.axis} fontSize={11} tickLine={false} axisLine={false} interval={0} {...yAxisTitle(t('charts.axis.feature'), palette, categoryAxisWidth(names.map((name) => codeLabel(t, 'features', name))))} />
            <Tooltip {...tooltipStyle(palette)} formatter={(value) => formatDecimal(Number(value), locale, 4)} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inSeriesOrder(['a', 'b'])} />
            <Bar dataKey="a" name={`${a.name} · IV`} fill={palette.series[0]} isAnimationActive={false} barSize={8} />
            <Bar dataKey="b" name={`${b.name} · IV`} fill={palette.series[2]} isAnimationActive={false} barSize={8} />
          </BarChart>
        </ResponsiveContainer>
        <div className="table-scroll table-tall">
          <table className="table table-compact" data-testid="compare-features">
            <thead>
              <tr>
                <th scope="col">{t('credit.builder.feature')}</th>
                <th scope="col" className="num model-name">{`${a.name} · ${t('credit.builder.iv')}`}</th>
                <th scope="col" className="num model-name">{`${a.name} · ${t('credit.model.coef')}`}</th>
                <th scope="col" className="num model-name">{`${b.name} · ${t('credit.builder.iv')}`}</th>
                <th scope="col" className="num model-name">{`${b.name} · ${t('credit.model.coef')}`}</th>
              </tr>
            </thead>
            <tbody>
              {features.map((row) => (
                <tr key={row.name}>
                  <th scope="row" className="name-cell">
                    <FeatureName name={row.name} />
                  </th>
                  <td className="num">{formatDecimal(row.a.iv, locale, 4)}</td>
                  <td className="num">{formatDecimal(row.a.coef, locale, 4)}</td>
                  <td className="num">{formatDecimal(row.b.iv, locale, 4)}</td>
                  <td className="num">{formatDecimal(row.b.coef, locale, 4)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
