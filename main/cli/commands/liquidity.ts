// `riskdesk liquidity …`: the liquidity engine's commands, each area adding its subcommands to the one group.
import type { Command } from 'commander';
import type { CliIo } from '../cli-io.ts';
import { addExamples } from '../command-options.ts';
import { addLiquidityParamsCommands } from './liquidity-params.ts';

export function addLiquidityCommands(program: Command, io: CliIo): void {
  const liquidity = program.command('liquidity').description('liquidity risk: parameter sets (LCR and NSFR factors, stress scenarios, thresholds)');
  addExamples(liquidity, ['riskdesk liquidity params list --db risk.rdw']);
  addLiquidityParamsCommands(liquidity, io);
}
