import type { ColDef, GridApi, GridReadyEvent, RowClassRules, RowSelectionOptions } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GridQuery, MethodArgs, MethodResult } from '../../../../preload/contract/index.ts';
import { ErrorNotice } from '../ErrorNotice.tsx';
import { formatCount } from '../../format/numbers.ts';
import { usePreferences } from '../../session/preferences.tsx';
import { ColumnChooser, loadHiddenColumns, saveHiddenColumns } from './ColumnChooser.tsx';
import { SERVER_SIDE_COLUMN } from './column-filters.ts';
import { gridTheme } from './grid-setup.ts';
import { infiniteDatasource, scaleNumberFilters, type GridMethod } from './infinite-datasource.ts';
import { useGridLocaleText } from './use-grid-locale.ts';

type RowOf<M extends GridMethod> = MethodResult<M>['rows'][number];

/** Row checkboxes stay at the left edge, beside the pinned id column. */
const SELECTION_COLUMN = { pinned: 'left', width: 44, minWidth: 44, maxWidth: 44, resizable: false, suppressHeaderMenuButton: true } as const;

/** Rows per request: small enough for a fast first paint, large enough for smooth scrolling. */
const BLOCK_SIZE = 100;

interface Props<M extends GridMethod> {
  /** Remembers hidden columns under this name. */
  readonly gridId: string;
  readonly method: M;
  readonly columnDefs: ColDef<RowOf<M>>[];
  readonly hiddenByDefault: readonly string[];
  /** Number filters typed in other units than stored (see scaleNumberFilters). */
  readonly filterFactors?: Readonly<Record<string, number>>;
  readonly rowId: (row: RowOf<M>) => string;
  /** The call's arguments around the grid's query, for a method that takes more (keep it stable: a new one reloads). */
  readonly queryArgs?: (query: GridQuery) => MethodArgs<M>;
  /** Opened with Enter, and with a click; with `openOnClick` false, with a double click (a click only focuses the row). */
  readonly onOpen?: (row: RowOf<M>) => void;
  readonly openOnClick?: boolean;
  readonly rowSelection?: RowSelectionOptions<RowOf<M>>;
  readonly onSelectionChanged?: (rows: RowOf<M>[]) => void;
  readonly rowClassRules?: RowClassRules<RowOf<M>>;
  readonly countLabel: (count: number, formatted: string) => string;
  /** Extra toolbar controls; they get the grid's API once it is ready. */
  readonly toolbar?: (api: GridApi<RowOf<M>> | null) => ReactNode;
  readonly onReady?: (api: GridApi<RowOf<M>>) => void;
  readonly testId: string;
}

/**
 * An AG Grid over one of the contract's paged methods (infinite row model): sorting, filtering and paging
 * run in SQL in main, a block of rows per call, so a million rows scroll as smoothly as a thousand.
 */
export function ServerGrid<M extends GridMethod>(props: Props<M>) {
  const { gridId, method, columnDefs, hiddenByDefault, filterFactors, rowId, queryArgs, onOpen, openOnClick = true, rowSelection, onSelectionChanged, rowClassRules, countLabel, toolbar, onReady, testId } = props;
  const { t } = useTranslation();
  const { locale, language } = usePreferences();
  const localeText = useGridLocaleText();
  const [api, setApi] = useState<GridApi<RowOf<M>> | null>(null);
  const [hidden, setHidden] = useState(() => loadHiddenColumns(gridId, hiddenByDefault));
  const [rowCount, setRowCount] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  const columns = useMemo(
    () => columnDefs.map((column) => ({ ...column, hide: column.field ? hidden.has(column.field) : false })),
    // Later show/hide goes through the grid API (new definitions would reset widths the user dragged).
    [columnDefs],
  );

  const datasource = useMemo(
    () =>
      infiniteDatasource(method, {
        filterModel: filterFactors ? (model) => scaleNumberFilters(model, filterFactors) : undefined,
        args: queryArgs,
        onPage: (page) => {
          setRowCount(page.rowCount);
          setError(null);
        },
        onError: setError,
      }),
    [method, filterFactors, queryArgs],
  );

  const onGridReady = useCallback(
    (event: GridReadyEvent<RowOf<M>>) => {
      setApi(event.api);
      onReady?.(event.api);
    },
    [onReady],
  );

  const setVisible = (id: string, visible: boolean) => {
    const next = new Set(hidden);
    if (visible) next.delete(id);
    else next.add(id);
    setHidden(next);
    saveHiddenColumns(gridId, next);
    api?.setColumnsVisible([id], visible);
  };
  const resetColumns = () => {
    const next = new Set(hiddenByDefault);
    setHidden(next);
    saveHiddenColumns(gridId, next);
    api?.setColumnsVisible(
      columnDefs.flatMap((column) => (column.field ? [column.field] : [])),
      true,
    );
    api?.setColumnsVisible([...next], false);
  };
  const clearFilters = () => api?.setFilterModel(null);

  const choosable = columnDefs.flatMap((column) => (column.field && !column.lockVisible ? [{ id: column.field, label: column.headerName ?? column.field }] : []));

  return (
    <div className="grid-panel" data-testid={testId}>
      <div className="toolbar">
        <span className="toolbar-count" data-testid={`${testId}-count`} aria-live="polite">
          {rowCount === null ? t('common.loading') : countLabel(rowCount, formatCount(rowCount, locale))}
        </span>
        <div className="toolbar-spacer" />
        {toolbar?.(api)}
        <button type="button" className="button" onClick={clearFilters}>
          {t('grid.clearFilters')}
        </button>
        <ColumnChooser columns={choosable} hidden={hidden} onToggle={setVisible} onReset={resetColumns} />
      </div>
      <ErrorNotice error={error} />
      <div className="grid-host">
        <AgGridReact<RowOf<M>>
          key={language /* AG Grid reads its locale text once */}
          theme={gridTheme}
          localeText={localeText}
          columnDefs={columns}
          defaultColDef={SERVER_SIDE_COLUMN}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={BLOCK_SIZE}
          maxBlocksInCache={100}
          maxConcurrentDatasourceRequests={2}
          infiniteInitialRowCount={BLOCK_SIZE}
          blockLoadDebounceMillis={60}
          getRowId={({ data }) => rowId(data)}
          rowClassRules={rowClassRules}
          onGridReady={onGridReady}
          rowSelection={rowSelection}
          selectionColumnDef={rowSelection ? SELECTION_COLUMN : undefined}
          onSelectionChanged={onSelectionChanged ? ({ api: grid }) => onSelectionChanged(grid.getSelectedRows()) : undefined}
          onRowClicked={onOpen && openOnClick ? ({ data }) => data && onOpen(data) : undefined}
          onRowDoubleClicked={onOpen && !openOnClick ? ({ data }) => data && onOpen(data) : undefined}
          onCellKeyDown={
            onOpen
              ? ({ event, data }) => {
                  if (data && event instanceof KeyboardEvent && event.key === 'Enter') onOpen(data);
                }
              : undefined
          }
          tooltipShowDelay={400}
          animateRows={false}
          suppressCellFocus={false}
        />
      </div>
    </div>
  );
}
