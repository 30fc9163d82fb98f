import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One section of a report; a section without data for the period says so, as the PDF does, rather than show zeros. */
export function ReportSection<T>({ id, title, data, children }: { id: string; title: string; data: T | null; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="report-section" aria-labelledby={`report-${id}`} data-testid={`report-section-${id}`} data-empty={data === null}>
      <h3 id={`report-${id}`}>{title}</h3>
      {data === null ? <p className="muted">{t('reports.preview.noData')}</p> : children(data)}
    </section>
  );
}

/** A section's headline figures as a strip of tiles. */
export function ReportKpis({ figures }: { figures: readonly (readonly [label: string, value: string])[] }) {
  return (
    <div className="kpi-strip">
      {figures.map(([label, value]) => (
        <div key={label} className="kpi">
          <div className="kpi-label">{label}</div>
          <div className="kpi-value">{value}</div>
        </div>
      ))}
    </div>
  );
}
