import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreditAnalytics } from '../../../../../preload/contract/index.ts';
import { codeLabel } from '../../../components/code-labels.ts';
import { Field } from '../../../components/Field.tsx';
import { formatCount, formatPercent } from '../../../format/numbers.ts';
import { usePreferences } from '../../../session/preferences.tsx';

type RollRate = CreditAnalytics['rollRates'][number];

/** Loans that stay in their bucket, cure (move left) or roll forward (move right) between two months. */
function direction(from: number, to: number): 'stay' | 'cure' | 'roll' {
  return from === to ? 'stay' : to < from ? 'cure' : 'roll';
}

/**
 * A month's roll-rate matrix: each row is where loans were, each cell the share of that row that moved to the
 * column's bucket (the count in the tooltip); the stronger the colour, the larger the share.
 */
export function RollRateTable({ rollRates }: { rollRates: readonly RollRate[] }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [month, setMonth] = useState(rollRates.at(-1)?.month ?? '');
  const matrix = rollRates.find((entry) => entry.month === month) ?? rollRates.at(-1);
  if (!matrix) return <p className="muted empty">{t('credit.risk.noRollRates')}</p>;
  return (
    <>
      <div className="form-row">
        <Field label={t('credit.risk.month')}>
          <select value={matrix.month} onChange={(event) => setMonth(event.target.value)} data-testid="roll-month">
            {rollRates.map((entry) => (
              <option key={entry.month} value={entry.month}>
                {entry.month}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="table-scroll">
        <table className="table table-compact heat-table" data-testid="roll-rate-table">
          <thead>
            <tr>
              <th scope="col">{t('credit.risk.fromTo')}</th>
              {matrix.buckets.map((bucket) => (
                <th key={bucket} scope="col" className="num">
                  {codeLabel(t, 'buckets', bucket)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.buckets.map((from, row) => {
              const counts = matrix.counts[row] ?? [];
              const total = counts.reduce((sum, count) => sum + count, 0);
              return (
                <tr key={from}>
                  <th scope="row">
                    {codeLabel(t, 'buckets', from)} <span className="muted small">({formatCount(total, locale)})</span>
                  </th>
                  {matrix.buckets.map((to, column) => {
                    const count = counts[column] ?? 0;
                    const share = total > 0 ? count / total : 0;
                    return (
                      <td
                        key={to}
                        className={`num heat heat-${direction(row, column)}`}
                        style={{ '--share': share.toFixed(3) } as CSSProperties}
                        title={t('credit.risk.rollCell', { count: formatCount(count, locale), from: codeLabel(t, 'buckets', from), to: codeLabel(t, 'buckets', to) })}
                      >
                        {total > 0 ? formatPercent(share, locale, 1) : '—'}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <RollRateLegend />
    </>
  );
}

/** What the cells' colours mean: the direction sets the hue, the share of the row (0–100 %) its strength. */
function RollRateLegend() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (
    <div className="heat-legend" data-testid="roll-rate-legend">
      <span className="heat-legend-title">{t('charts.heatLegend.title')}</span>
      {(['cure', 'stay', 'roll'] as const).map((kind) => (
        <span key={kind} className="heat-legend-scale">
          {t(`charts.heatLegend.${kind}`)} {formatPercent(0, locale, 0)}
          <span className={`heat-legend-strip heat-${kind}`} aria-hidden="true" />
          {formatPercent(1, locale, 0)}
        </span>
      ))}
    </div>
  );
}
