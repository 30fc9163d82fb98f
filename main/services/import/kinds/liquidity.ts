import { isLiquidityCategory } from '../../../engines/liquidity/index.ts';
import type { DailyFlowRecord, LiquidityLineRecord } from '../../../store/records.ts';
import { nonNegative } from '../numbers.ts';
import { defineKind } from './kind-spec.ts';

export const liquidityLines = defineKind({
  kind: 'liquidity_lines',
  required: ['line_id', 'category', 'amount'],
  optional: ['as_of', 'currency', 'maturity_date', 'counterparty', 'description'],
  read(r, env): LiquidityLineRecord {
    const currency = r.currencyOr('currency', env.baseCurrency);
    return {
      line_id: r.id('line_id'),
      category: r.choice('category', isLiquidityCategory, 'the LCR categories (hqla_l1_cash, retail_less_stable, inflow_retail, …)'),
      // Not negative: the category already says whether a line is an asset, an outflow or an inflow.
      amount_minor: r.money('amount', currency, nonNegative),
      as_of: r.date('as_of'),
      currency: currency ?? '',
      maturity_date: r.date('maturity_date'),
      counterparty: r.text('counterparty'),
      description: r.text('description'),
    };
  },
});

export const dailyFlows = defineKind({
  kind: 'daily_flows',
  required: ['date', 'product', 'inflow', 'outflow'],
  optional: [],
  read: (r, env): DailyFlowRecord => ({
    date: r.date('date'),
    product: r.text('product'),
    inflow_minor: r.money('inflow', env.baseCurrency, nonNegative),
    outflow_minor: r.money('outflow', env.baseCurrency, nonNegative),
  }),
});
