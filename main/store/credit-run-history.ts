import type { PricingRow, RunHistoryRow } from '../../preload/contract/credit.ts';
import { MODEL_ID_SQL, PARAMETER_VERSION_SQL, PRICING_GRID } from './credit-runs.ts';
import type { Db } from './database.ts';
import { type GridFilterModel, type GridSortModel, viewRows } from './grid-sql.ts';

/** Every credit run, running ones included, newest first; population and ECL come from a finished run's totals. */
export function creditRunHistory(db: Db): RunHistoryRow[] {
  return db
    .prepare(
      `SELECT r.run_id AS runId, r.as_of AS asOf, r.status, r.started_by AS startedBy, r.started_at AS startedAt, r.finished_at AS finishedAt,
         ${MODEL_ID_SQL} AS modelId, m.name AS modelName, ${PARAMETER_VERSION_SQL} AS parameterVersion,
         CASE WHEN r.status = 'finished' THEN json_extract(r.totals, '$.loans') END AS loans,
         CASE WHEN r.status = 'finished' THEN json_extract(r.totals, '$.eclMinor') END AS eclMinor, r.currency
       FROM runs r JOIN credit_models m ON m.model_id = ${MODEL_ID_SQL}
       WHERE r.engine = 'credit' ORDER BY r.run_id DESC`,
    )
    .all() as RunHistoryRow[];
}

/** The latest run's pricing check, every row of the grid's filtered, sorted view. */
export function pricingViewRows(db: Db, filterModel: GridFilterModel, sortModel: GridSortModel): IterableIterator<PricingRow> {
  return viewRows<PricingRow>(db, PRICING_GRID, filterModel, sortModel, Object.keys(PRICING_GRID.columns));
}
