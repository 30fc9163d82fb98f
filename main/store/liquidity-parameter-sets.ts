import type { LiquidityParameters, LiquidityParameterSet } from '../../preload/contract/liquidity.ts';
import { documentSetStore } from './document-sets.ts';

/** The liquidity engine's parameter sets (migration 150): document sets named `parameters`, as credit's are. */
export const liquidityParameterSets = documentSetStore<LiquidityParameters, LiquidityParameterSet>({
  table: 'liquidity_parameter_sets',
  documentColumn: 'parameters',
  label: (version) => `liquidity parameter set version ${version}`,
  present: ({ document, ...row }) => ({ ...row, parameters: document }),
});
