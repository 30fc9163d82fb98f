import { RiskDeskError } from '../../../preload/contract/errors.ts';

/**
 * The daily flows of a set of investor products as rates of their balance, for the stress scenarios and the Monte
 * Carlo bootstrap. A history recorded while the platform was smaller (or larger) applies to today's balance only as
 * rates: a day on which 2 % of the balance left says 2 % of today's balance may leave, whatever the amounts were.
 *
 * Each day's rate is its flow over the products' balance at the start of that day. The history has no balances, so
 * they are backed out from today's balance by walking the history backwards: the balance before day t is the
 * balance after it less its inflow plus its outflow, and the balance after day t − 1 is the balance before day t.
 * Only the selected products' flows are walked, and the history is taken to end today (the last row is the as-of day).
 */
export interface FlowHistory {
  products: string[];
  /** The history's dates, ascending: the last historyDays dates on which any selected product had a row. */
  dates: string[];
  /** Per date: outflow / balance at the start of the day. */
  outflowRate: Float64Array;
  /** Per date: inflow / balance at the start of the day. */
  inflowRate: Float64Array;
  /** Today's balance of the products (minor units): what the rates apply to. */
  balanceMinor: number;
}

export interface DailyFlowRow {
  readonly date: string;
  readonly product: string;
  readonly inflowMinor: number;
  readonly outflowMinor: number;
}

export function flowHistory(rows: readonly DailyFlowRow[], balancesMinor: ReadonlyMap<string, number>, products: readonly string[], historyDays: number): FlowHistory {
  const selected = [...new Set(products)];
  if (selected.length === 0) throw new RiskDeskError('VALIDATION', 'Choose at least one product whose daily flows the simulation should draw from.');
  const wanted = new Set(selected);
  const byDate = new Map<string, { inflow: number; outflow: number }>();
  const withRows = new Set<string>();
  for (const row of rows) {
    if (!wanted.has(row.product)) continue;
    withRows.add(row.product);
    const day = byDate.get(row.date) ?? { inflow: 0, outflow: 0 };
    day.inflow += row.inflowMinor;
    day.outflow += row.outflowMinor;
    byDate.set(row.date, day);
  }
  let balanceMinor = 0;
  for (const product of selected) {
    if (!withRows.has(product)) throw new RiskDeskError('VALIDATION', `Product ${product} has no daily flows: import its daily_flows or leave it out.`, { product });
    const balance = balancesMinor.get(product) ?? 0;
    if (!(balance > 0)) throw new RiskDeskError('VALIDATION', `Product ${product} has no positive investor balance, so its flows cannot be read as shares of a balance: import its investor balances or leave it out.`, { product });
    balanceMinor += balance;
  }

  // ISO dates sort as text.
  const dates = [...byDate.keys()].sort().slice(-historyDays);
  const outflowRate = new Float64Array(dates.length);
  const inflowRate = new Float64Array(dates.length);
  let balanceAfter = balanceMinor;
  for (let t = dates.length - 1; t >= 0; t--) {
    const date = dates[t] as string;
    const flows = byDate.get(date) as { inflow: number; outflow: number };
    const balanceBefore = balanceAfter - flows.inflow + flows.outflow;
    if (!(balanceBefore > 0)) {
      throw new RiskDeskError(
        'VALIDATION',
        `The daily flows of ${selected.join(', ')} do not fit today's balances: walking them back leaves no balance at the start of ${date}. Check the flows and balances, or use fewer history days.`,
        { date, products: selected },
      );
    }
    outflowRate[t] = flows.outflow / balanceBefore;
    inflowRate[t] = flows.inflow / balanceBefore;
    balanceAfter = balanceBefore;
  }
  return { products: selected, dates, outflowRate, inflowRate, balanceMinor };
}
