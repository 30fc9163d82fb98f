// `riskdesk liquidity …`: the liquidity engine's commands, each area adding its subcommands to the one group.
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.ts';
import { addExamples } from '../command-options.ts';
import { addLiquidityEngineCommands } from './liquidity-engine.ts';
import { addLiquidityParamsCommands } from './liquidity-params.ts';

export function addLiquidityCommands(program: Command, io: CliIo): void {
  const liquidity = program.command('liquidity').description('liquidity risk: LCR and NSFR (of a CSV or a workspace), the maturity ladder, stress scenarios and Monte Carlo, runs with early-warning indicators, and parameter sets');
  addExamples(liquidity, ['riskdesk liquidity lcr --input lines.csv --json', 'riskdesk liquidity stress --db risk.rdw --scenario idiosyncratic_run', 'riskdesk liquidity params list --db risk.rdw']);
  addLiquidityEngineCommands(liquidity, io);
  addLiquidityParamsCommands(liquidity, io);
}
