import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChoosableColumn {
  readonly id: string;
  readonly label: string;
}

interface Props {
  readonly columns: readonly ChoosableColumn[];
  readonly hidden: ReadonlySet<string>;
  readonly onToggle: (id: string, visible: boolean) => void;
  readonly onReset: () => void;
}

/** Show or hide a grid's columns (AG Grid Community has no column tool panel). */
export function ColumnChooser({ columns, hidden, onToggle, onReset }: Props) {
  const { t } = useTranslation();
  const details = useRef<HTMLDetailsElement>(null);

  // Close on a click outside or on Escape, like any menu.
  useEffect(() => {
    const close = (event: Event) => {
      const element = details.current;
      if (!element?.open) return;
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !element.contains(event.target as Node)) {
        element.open = false;
        if (event instanceof KeyboardEvent) element.querySelector('summary')?.focus();
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);

  const visibleCount = columns.length - columns.filter((column) => hidden.has(column.id)).length;
  return (
    <details className="menu" ref={details} data-testid="column-chooser">
      <summary className="button">{t('grid.columns', { visible: visibleCount, total: columns.length })}</summary>
      <div className="menu-body" role="group" aria-label={t('grid.chooseColumns')}>
        {columns.map((column) => (
          <label key={column.id} className="menu-check">
            <input
              type="checkbox"
              checked={!hidden.has(column.id)}
              // Keep at least one column: a grid with none cannot be read or exported.
              disabled={!hidden.has(column.id) && visibleCount === 1}
              onChange={(event) => onToggle(column.id, event.target.checked)}
            />
            {column.label}
          </label>
        ))}
        <button type="button" className="button button-small" onClick={onReset}>
          {t('grid.resetColumns')}
        </button>
      </div>
    </details>
  );
}

/** Hidden columns of one grid, remembered on this machine. */
export function loadHiddenColumns(gridId: string, fallback: readonly string[]): Set<string> {
  try {
    const stored = JSON.parse(localStorage.getItem(`riskdesk.grid.${gridId}.hidden`) ?? 'null') as unknown;
    if (Array.isArray(stored)) return new Set(stored.filter((id): id is string => typeof id === 'string'));
  } catch {
    // a damaged entry: use the defaults
  }
  return new Set(fallback);
}

export function saveHiddenColumns(gridId: string, hidden: ReadonlySet<string>): void {
  localStorage.setItem(`riskdesk.grid.${gridId}.hidden`, JSON.stringify([...hidden]));
}
