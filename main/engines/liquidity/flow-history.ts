import { RiskDeskError } from '../../../preload/contract/errors.ts';

/**
 * The daily flows of a set of investor products as rates of their balance, for the stress scenarios and the Monte
 * Carlo bootstrap. A history recorded while the platform was smaller (or larger) applies to today's balance only as
 * rates: a day on which 2 % of the balance left says 2 % of today's balance may leave, whatever the amounts were.
 *
 * Each day's rate is its flow over the balance at the start of that day. The history has no balances, so they are
 * backed out from today's balance by walking the history backwards: the balance before day t is the balance after it
 * less its inflow plus its outflow, and the balance after day t − 1 is the balance before day t. The history is taken
 * to end today (the last row is the as-of day). This is done twice: for the selected products together (the
 * deterministic scenarios' rates) and for each product on its own balance (the Monte Carlo, which pays each product's
 * redemptions after its own notice period).
 */
export interface FlowHistory {
  products: string[];
  /** The history's dates, ascending: the last historyDays dates on which any selected product had a row. */
  dates: string[];
  /** Per date: the products' outflow / their balance at the start of the day. */
  outflowRate: Float64Array;
  /** Per date: the products' inflow / their balance at the start of the day. */
  inflowRate: Float64Array;
  /** Today's balance of the products (minor units): what the rates apply to. */
  balanceMinor: number;
  /** Each product's own rates over the same dates, on its own balance, in the order of `products`. */
  perProduct: ProductFlowRates[];
}

interface ProductFlowRates {
  product: string;
  /** Days between a redemption request and its payment (the parameter set's noticeDays; 0 on demand). */
  noticeDays: number;
  outflowRate: Float64Array;
  inflowRate: Float64Array;
  balanceMinor: number;
}

export interface DailyFlowRow {
  readonly date: string;
  readonly product: string;
  readonly inflowMinor: number;
  readonly outflowMinor: number;
}

interface DayFlows {
  inflow: number;
  outflow: number;
}

/** Flows per date of one product, or of the products together. */
function addFlow(byDate: Map<string, DayFlows>, row: DailyFlowRow): void {
  const day = byDate.get(row.date) ?? { inflow: 0, outflow: 0 };
  day.inflow += row.inflowMinor;
  day.outflow += row.outflowMinor;
  byDate.set(row.date, day);
}

/** The rates over `dates` of flows whose balance is `balanceMinor` today, walking the balance back day by day. */
function ratesOf(byDate: ReadonlyMap<string, DayFlows>, dates: readonly string[], balanceMinor: number, products: readonly string[]): { outflowRate: Float64Array; inflowRate: Float64Array } {
  const outflowRate = new Float64Array(dates.length);
  const inflowRate = new Float64Array(dates.length);
  let balanceAfter = balanceMinor;
  for (let t = dates.length - 1; t >= 0; t--) {
    const date = dates[t] as string;
    const flows = byDate.get(date) ?? { inflow: 0, outflow: 0 };
    const balanceBefore = balanceAfter - flows.inflow + flows.outflow;
    if (!(balanceBefore > 0)) {
      throw new RiskDeskError(
        'VALIDATION',
        `The daily flows of ${products.join(', ')} do not fit today's balances: walking them back leaves no balance at the start of ${date}. Check the flows and balances, or use fewer history days.`,
        { date, products: [...products] },
      );
    }
    outflowRate[t] = flows.outflow / balanceBefore;
    inflowRate[t] = flows.inflow / balanceBefore;
    balanceAfter = balanceBefore;
  }
  return { outflowRate, inflowRate };
}

/** noticeDays: each product's notice period in days; a product not in it is on demand (0). */
export function flowHistory(
  rows: readonly DailyFlowRow[],
  balancesMinor: ReadonlyMap<string, number>,
  products: readonly string[],
  historyDays: number,
  noticeDays: ReadonlyMap<string, number> = new Map(),
): FlowHistory {
  const selected = [...new Set(products)];
  if (selected.length === 0) throw new RiskDeskError('VALIDATION', 'Choose at least one product whose daily flows the simulation should draw from.');
  const together = new Map<string, DayFlows>();
  const byProduct = new Map(selected.map((product) => [product, new Map<string, DayFlows>()]));
  for (const row of rows) {
    const own = byProduct.get(row.product);
    if (own === undefined) continue;
    addFlow(together, row);
    addFlow(own, row);
  }
  let balanceMinor = 0;
  for (const product of selected) {
    if (byProduct.get(product)?.size === 0) throw new RiskDeskError('VALIDATION', `Product ${product} has no daily flows: import its daily_flows or leave it out.`, { product });
    const balance = balancesMinor.get(product) ?? 0;
    if (!(balance > 0)) throw new RiskDeskError('VALIDATION', `Product ${product} has no positive investor balance, so its flows cannot be read as shares of a balance: import its investor balances or leave it out.`, { product });
    balanceMinor += balance;
  }

  // ISO dates sort as text.
  const dates = [...together.keys()].sort().slice(-historyDays);
  const perProduct = selected.map((product) => {
    const balance = balancesMinor.get(product) as number;
    return { product, noticeDays: noticeDays.get(product) ?? 0, ...ratesOf(byProduct.get(product) as Map<string, DayFlows>, dates, balance, [product]), balanceMinor: balance };
  });
  return { products: selected, dates, ...ratesOf(together, dates, balanceMinor, selected), balanceMinor, perProduct };
}
