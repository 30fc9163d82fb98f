import { LIQUIDITY_PARAMETER_SETS, listLiquidityParameterSets, saveDraftLiquidityParameters } from '../liquidity/parameter-sets.ts';
import type { HandlerTable } from './handler.ts';
import { writeLifecycleStep } from './lifecycle-step.ts';

type ParameterSetMethods =
  | 'liquidity.parameterSets'
  | 'liquidity.saveParameterSet'
  | 'liquidity.submitParameterSet'
  | 'liquidity.approveParameterSet'
  | 'liquidity.rejectParameterSet'
  | 'liquidity.activateParameterSet';

/** Liquidity parameter sets: the list on the session's reader; drafts and lifecycle steps (audited) behind the write lock. */
export const liquidityParamsHandlers: HandlerTable<ParameterSetMethods> = {
  'liquidity.parameterSets': (core) => listLiquidityParameterSets(core.requireSession().ctx),
  'liquidity.saveParameterSet': (core, { parameters, note }) => {
    const session = core.requireSession();
    return session.write(() => saveDraftLiquidityParameters(session.ctx, parameters, note));
  },
  'liquidity.submitParameterSet': (core, { version }) => writeLifecycleStep(core, LIQUIDITY_PARAMETER_SETS, 'submit', version),
  'liquidity.approveParameterSet': (core, { version, comment }) => writeLifecycleStep(core, LIQUIDITY_PARAMETER_SETS, 'approve', version, comment),
  'liquidity.rejectParameterSet': (core, { version, reason }) => writeLifecycleStep(core, LIQUIDITY_PARAMETER_SETS, 'reject', version, reason),
  'liquidity.activateParameterSet': (core, { version, comment }) => writeLifecycleStep(core, LIQUIDITY_PARAMETER_SETS, 'activate', version, comment),
};
