import type { ImportKind } from '../../../../preload/contract/vocabulary.ts';
import { borrowers, loans, performance } from './credit.ts';
import { accounts, labels, transactions } from './fraud.ts';
import type { KindSpec } from './kind-spec.ts';
import { dailyFlows, liquidityLines } from './liquidity.ts';

export const KIND_SPECS: { readonly [K in ImportKind]: KindSpec<K> } = {
  borrowers,
  loans,
  performance,
  accounts,
  transactions,
  labels,
  liquidity_lines: liquidityLines,
  daily_flows: dailyFlows,
};
