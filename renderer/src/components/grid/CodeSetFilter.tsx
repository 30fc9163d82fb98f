import type { IDoesFilterPassParams } from 'ag-grid-community';
import { useGridFilter, type CustomFilterProps, type CustomFloatingFilterProps } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePreferences } from '../../session/preferences.tsx';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { codeOptions, codeSetSummary, matchingOptions, modelFor, selectedCodes, withCodes, type CodeSetModel } from './code-set.ts';

/** The codes a column offers: a fixed list, or a call that reads them from the data (regions come with imported data). */
export type CodeValues = readonly string[] | (() => Promise<readonly string[]>);

/** What a column's `filterParams` carry to both components (see codeSetFilter in column-filters.ts). */
export interface CodeSetParams {
  readonly values: CodeValues;
  /** The code's name in the user's language (the column's own labels: codeLabel, the cases' and fraud's keys). */
  readonly label: (code: string) => string;
}

type FilterProps = CustomFilterProps<unknown, unknown, CodeSetModel> & CodeSetParams;

/** The column's codes once known (null while a call reads them), and why a call failed. */
function useCodes(values: CodeValues): { codes: readonly string[] | null; error: unknown } {
  const [read, setRead] = useState<{ codes: readonly string[] | null; error: unknown }>(() => ({ codes: typeof values === 'function' ? null : values, error: null }));
  useEffect(() => {
    if (typeof values !== 'function') {
      setRead({ codes: values, error: null });
      return;
    }
    let current = true;
    values().then(
      (codes) => current && setRead({ codes, error: null }),
      (error: unknown) => current && setRead({ codes: null, error }),
    );
    return () => {
      current = false;
    };
  }, [values]);
  return read;
}

/**
 * AG Grid Community's stand-in for the Enterprise set filter: the column's codes as checkboxes named in the user's
 * language (sorted as they read), searchable by name or code. Like AG Grid's own text and number filters it applies
 * as the user changes it, with no Apply button: Tab moves through the search box, the two buttons and the boxes, and
 * Space ticks one. Its model is the contract's set filter, so main filters by the codes in SQL.
 */
export function CodeSetFilter({ model, onModelChange, getValue, colDef, values, label }: FilterProps) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [search, setSearch] = useState('');
  const searchBox = useRef<HTMLInputElement>(null);
  const { codes, error } = useCodes(values);
  const chosen = useMemo(() => selectedCodes(model), [model]);
  // Codes the model holds but the list does not (a region no borrower has any more) stay listed, so they can be unticked.
  const options = useMemo(() => (codes ? codeOptions([...codes, ...(chosen ?? [])], label, locale) : []), [codes, chosen, label, locale]);
  const listed = useMemo(() => options.map((option) => option.code), [options]);
  const shown = matchingOptions(options, search, locale);
  const current = chosen ?? new Set(listed);
  const choose = (next: ReadonlySet<string>) => onModelChange(modelFor(next, listed));

  const doesFilterPass = useCallback(({ node }: IDoesFilterPassParams) => chosen === null || chosen.has(String(getValue(node) ?? '')), [chosen, getValue]);
  const afterGuiAttached = useCallback(() => searchBox.current?.focus(), []);
  useGridFilter({ doesFilterPass, afterGuiAttached });

  const column = colDef.headerName ?? colDef.field ?? '';
  return (
    <div className="code-set-filter" role="group" aria-label={t('grid.codeSet.label', { column })} data-testid="code-set-filter">
      <input
        ref={searchBox}
        type="search"
        className="code-set-search"
        value={search}
        placeholder={t('grid.codeSet.search')}
        aria-label={t('grid.codeSet.search')}
        onChange={(event) => setSearch(event.target.value)}
      />
      <div className="code-set-actions">
        <button type="button" className="button button-small" disabled={shown.length === 0} onClick={() => choose(withCodes(current, shown.map((option) => option.code), true))}>
          {t('grid.codeSet.selectAll')}
        </button>
        <button type="button" className="button button-small" disabled={shown.length === 0} onClick={() => choose(withCodes(current, shown.map((option) => option.code), false))}>
          {t('grid.codeSet.clear')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {codes === null && !error && <p className="muted small">{t('common.loading')}</p>}
      {codes !== null && shown.length === 0 && <p className="muted small">{t('grid.codeSet.noMatch')}</p>}
      <ul className="code-set-options">
        {shown.map((option) => (
          <li key={option.code}>
            <label title={option.code}>
              <input type="checkbox" checked={current.has(option.code)} onChange={(event) => choose(withCodes(current, [option.code], event.target.checked))} />
              <span className="code-set-label">{option.label}</span>
              {option.label !== option.code && <span className="code-set-code mono">{option.code}</span>}
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The header row's summary of a set filter: the chosen names, or how many when there are more than a couple (all of
 * them in the tooltip). Read-only, like AG Grid's own floating filters for a filter they cannot edit inline; a click,
 * Enter or Space opens the filter.
 */
export function CodeSetFloatingFilter({ model, filterParams, column, showParentFilter }: CustomFloatingFilterProps) {
  const { t } = useTranslation();
  const { label } = filterParams as unknown as CodeSetParams;
  const words = { none: t('grid.codeSet.none'), count: (count: number) => t('grid.codeSet.selected', { count }) };
  const summary = codeSetSummary(model, label, words);
  const names = codeSetSummary(model, label, words, Number.POSITIVE_INFINITY);
  return (
    <input
      type="text"
      readOnly
      className="code-set-summary"
      value={summary}
      title={names}
      aria-label={t('grid.codeSet.summary', { column: column.getColDef().headerName ?? column.getColId() })}
      data-testid={`code-set-summary-${column.getColId()}`}
      onClick={showParentFilter}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          showParentFilter();
        }
      }}
    />
  );
}
