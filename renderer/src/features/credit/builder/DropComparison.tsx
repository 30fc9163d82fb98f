import { useTranslation } from 'react-i18next';
import type { DevelopmentReport } from '../../../../../preload/contract/index.ts';
import { usePreferences } from '../../../session/preferences.tsx';
import { formatDecimal } from '../format-stats.ts';

type Metrics = DevelopmentReport['metrics'];

interface Props {
  readonly dropped: readonly string[];
  readonly before: Metrics;
  readonly after: Metrics;
}

const ROWS = [
  { sample: 'train', metric: 'auc' },
  { sample: 'train', metric: 'gini' },
  { sample: 'holdout', metric: 'auc' },
  { sample: 'holdout', metric: 'gini' },
] as const;

/** What dropping the flagged features cost or gained: AUC and Gini before and after, on training rows and holdout. */
export function DropComparison({ dropped, before, after }: Props) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const value = (metrics: Metrics, sample: 'train' | 'holdout', metric: 'auc' | 'gini') => metrics?.[sample]?.[metric] ?? null;
  return (
    <div className="subsection" data-testid="drop-comparison">
      <h3>{t('credit.diagnostics.comparisonTitle')}</h3>
      {/* Feature names as they are: the subsection heading's capitals would change them. */}
      <p className="small">
        {t('credit.diagnostics.dropped')}{' '}
        <span className="mono" data-testid="dropped-features">
          {dropped.join(', ')}
        </span>
      </p>
      <table className="table table-compact">
        <thead>
          <tr>
            <th scope="col">{t('credit.metrics.metric')}</th>
            <th scope="col" className="num">{t('credit.diagnostics.before')}</th>
            <th scope="col" className="num">{t('credit.diagnostics.after')}</th>
            <th scope="col" className="num">{t('credit.diagnostics.change')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map(({ sample, metric }) => {
            const was = value(before, sample, metric);
            const is = value(after, sample, metric);
            return (
              <tr key={`${sample}-${metric}`} data-metric={`${sample}-${metric}`}>
                <th scope="row">
                  {t(`credit.metrics.${metric}`)} ({t(`credit.metrics.${sample}`)})
                </th>
                <td className="num">{formatDecimal(was, locale, 4)}</td>
                <td className="num">{formatDecimal(is, locale, 4)}</td>
                <td className="num">{was === null || is === null ? '—' : formatDecimal(is - was, locale, 4)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
