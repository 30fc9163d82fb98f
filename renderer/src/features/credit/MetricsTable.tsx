import { useTranslation } from 'react-i18next';
import type { DevelopmentReport } from '../../../../preload/contract/index.ts';
import { formatCount } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { formatDecimal } from './format-stats.ts';
import { SampleCells, SampleTableHead } from './SampleTable.tsx';

type Metrics = NonNullable<DevelopmentReport['metrics']>;
export const METRIC_KEYS = ['auc', 'gini', 'ks', 'brier'] as const;

/** Discrimination (AUC, Gini, KS) and accuracy (Brier) on the training rows and on the holdout. */
export function MetricsTable({ metrics }: { metrics: Metrics | null }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  if (!metrics) return <p className="muted">{t('credit.metrics.none')}</p>;
  const samples = [metrics.train, metrics.holdout] as const;
  return (
    <table className="table table-compact" data-testid="metrics-table">
      <SampleTableHead />
      <tbody>
        {METRIC_KEYS.map((key) => (
          <tr key={key}>
            <th scope="row" title={t(`credit.metrics.hints.${key}`)}>
              {t(`credit.metrics.${key}`)}
            </th>
            <SampleCells samples={samples} format={(sample) => formatDecimal(sample[key], locale)} />
          </tr>
        ))}
        <tr>
          <th scope="row">{t('credit.metrics.rows')}</th>
          <SampleCells samples={samples} format={(sample) => formatCount(sample.rows, locale)} />
        </tr>
      </tbody>
    </table>
  );
}
