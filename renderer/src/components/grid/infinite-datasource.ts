import type { FilterModel, IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { GridQuery, MethodArgs, MethodName, MethodResult } from '../../../../preload/contract/index.ts';
import { api } from '../../api/client.ts';

/** The contract methods that serve a server-side grid page. */
export type GridMethod = 'portfolio.loans' | 'portfolio.borrowers' | 'audit.events' | 'credit.pricingCheck' | 'cases.list' | 'fraud.alerts' | 'liquidity.lines';
type ContractFilterModel = GridQuery['filterModel'];

export interface DatasourceOptions<M extends GridMethod> {
  /** Turns the grid's filter model into the contract's (e.g. money typed in major units → minor units). */
  readonly filterModel?: (model: FilterModel) => ContractFilterModel;
  /** The call's arguments around the grid's query, for a method that takes more than the query (the case queue's view). */
  readonly args?: (query: GridQuery) => MethodArgs<M>;
  readonly onPage?: (page: MethodResult<M>, query: GridQuery) => void;
  readonly onError?: (error: unknown) => void;
}

/** The contract takes at most five sort columns. */
const MAX_SORT = 5;

/**
 * AG Grid's infinite row model over one of the contract's grid methods: each block (startRow..endRow) is one
 * call, sorted and filtered in SQL in main. The grid never sorts or filters rows itself.
 */
export function infiniteDatasource<M extends GridMethod>(method: M, options: DatasourceOptions<M> = {}): IDatasource {
  return {
    getRows(params: IGetRowsParams) {
      const query: GridQuery = {
        startRow: params.startRow,
        endRow: params.endRow,
        sortModel: params.sortModel.slice(0, MAX_SORT).map(({ colId, sort }) => ({ colId, sort })),
        filterModel: options.filterModel ? options.filterModel(params.filterModel as FilterModel) : (params.filterModel as ContractFilterModel),
      };
      (api.call as (m: MethodName, args: unknown) => Promise<MethodResult<M>>)(method, options.args ? options.args(query) : query).then(
        (page) => {
          params.successCallback(page.rows, page.rowCount);
          options.onPage?.(page, query);
        },
        (error: unknown) => {
          params.failCallback();
          options.onError?.(error);
        },
      );
    },
  };
}

/**
 * Number filters on columns shown in other units than they are stored in (money in major units, rates in
 * percent) are scaled back before they leave for main.
 */
export function scaleNumberFilters(model: FilterModel, factors: Readonly<Record<string, number>>): ContractFilterModel {
  const scaled: Record<string, unknown> = {};
  for (const [colId, filter] of Object.entries(model)) {
    const factor = factors[colId];
    const number = filter as { filterType?: string; filter?: number | null; filterTo?: number | null };
    if (factor !== undefined && number.filterType === 'number') {
      scaled[colId] = {
        ...number,
        ...(typeof number.filter === 'number' ? { filter: roundScaled(number.filter * factor, factor) } : {}),
        ...(typeof number.filterTo === 'number' ? { filterTo: roundScaled(number.filterTo * factor, factor) } : {}),
      };
    } else {
      scaled[colId] = filter;
    }
  }
  return scaled as ContractFilterModel;
}

/** 12.5 % × 0.01 must be 0.125, not 0.12500000000000003; cents must be whole. */
function roundScaled(value: number, factor: number): number {
  return factor >= 1 ? Math.round(value) : Number(value.toPrecision(12));
}
