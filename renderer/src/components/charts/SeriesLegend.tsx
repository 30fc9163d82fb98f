import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface LegendSeries {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

/**
 * Which series a chart picks out: the one hovered or focused in its legend, else the one clicked (pinned), else none.
 * Recharts' own legend is neither focusable nor a control, so charts with many series use SeriesLegend instead.
 */
export function useSeriesHighlight() {
  const [previewed, setPreviewed] = useState<string | null>(null);
  const [pinned, setPinned] = useState<string | null>(null);
  return { highlighted: previewed ?? pinned, previewed, pinned, setPreviewed, setPinned };
}

type Highlight = ReturnType<typeof useSeriesHighlight>;

/** A legend of buttons, in the order of `series`: hover, focus (Tab) or click one to pick its series out of the rest. */
export function SeriesLegend({ series, highlight, testId }: { series: readonly LegendSeries[]; highlight: Highlight; testId?: string }) {
  const { t } = useTranslation();
  return (
    <ul className="series-legend" aria-label={t('charts.seriesLegend.label')} data-testid={testId} onMouseLeave={() => highlight.setPreviewed(null)}>
      {series.map((item) => (
        <li key={item.key}>
          <button
            type="button"
            className={highlight.highlighted === item.key ? 'series-legend-item active' : 'series-legend-item'}
            aria-pressed={highlight.pinned === item.key}
            title={t('charts.seriesLegend.pin', { name: item.label })}
            onMouseEnter={() => highlight.setPreviewed(item.key)}
            onFocus={() => highlight.setPreviewed(item.key)}
            onBlur={() => highlight.setPreviewed(null)}
            onClick={() => highlight.setPinned(highlight.pinned === item.key ? null : item.key)}
            data-series={item.key}
          >
            <span className="series-legend-line" style={{ background: item.color }} aria-hidden="true" />
            {item.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
