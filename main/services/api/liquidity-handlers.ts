import { listLiquidityRuns, liquidityIndicatorTrends, liquidityLines, liquidityPosition, liquidityStress, runLiquidity } from '../liquidity/liquidity-service.ts';
import { listLiquiditySimulations, simulateLiquidity } from '../liquidity/monte-carlo-service.ts';
import type { HandlerTable } from './handler.ts';
import { startJob } from './start-job.ts';

type LiquidityEngineMethods =
  | 'liquidity.position'
  | 'liquidity.lines'
  | 'liquidity.stress'
  | 'liquidity.startMonteCarlo'
  | 'liquidity.simulations'
  | 'liquidity.startRun'
  | 'liquidity.runs'
  | 'liquidity.indicatorTrends';

/**
 * The liquidity engine over the workspace. The position and a scenario are worker tasks inside the call; a run waits
 * for the write lock (its worker writes); a simulation computes on the pool and then stores its result behind the lock.
 */
export const liquidityHandlers: HandlerTable<LiquidityEngineMethods> = {
  'liquidity.position': (core, args) => liquidityPosition(core.requireSession().ctx, args),
  'liquidity.lines': (core, args) => liquidityLines(core.requireSession().ctx, args),
  'liquidity.stress': (core, args) => liquidityStress(core.requireSession().ctx, args),
  'liquidity.startMonteCarlo': (core, request) =>
    startJob(core, 'liquidity-monte-carlo', `Monte Carlo of net redemptions${request.paths ? ` (${request.paths.toLocaleString('en-US')} paths)` : ''}`, (session, control) =>
      simulateLiquidity(session.ctx, request, control, (change) => session.write(change)),
    ),
  'liquidity.simulations': (core) => listLiquiditySimulations(core.requireSession().ctx),
  'liquidity.startRun': (core, args) => startJob(core, 'liquidity-run', `Liquidity run${args.asOf ? ` as of ${args.asOf}` : ''}`, (session, control) => runLiquidity(session.ctx, args, control)),
  'liquidity.runs': (core) => listLiquidityRuns(core.requireSession().ctx),
  'liquidity.indicatorTrends': (core) => liquidityIndicatorTrends(core.requireSession().ctx),
};
