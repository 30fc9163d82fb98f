import { Option, type Command } from 'commander';
import { DEMO_SCALES } from '../../../preload/contract/vocabulary.ts';
import { runDemo, type RunDemoArgs } from '../../services/demo-service.ts';
import { formatTable, type CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, wholeNumber, type UnlockFlags } from '../command-options.ts';
import { runLongCommand } from '../long-command.ts';
import { actingPassphrase } from '../workspace-session.ts';

type DemoScale = RunDemoArgs['scale'];

const DEFAULT_SEED = 1;

export function addDemoCommand(program: Command, io: CliIo): void {
  const command = addUnlockOptions(
    program
      .command('demo')
      .description('fill an empty workspace with a seeded synthetic portfolio: credit, fraud and liquidity data (admin, analyst)')
      .addOption(new Option('--scale <scale>', 'how much data: small ≈ 3k loans, medium ≈ 100k, large ≈ 1M').choices(DEMO_SCALES).default('small'))
      .option('--seed <n>', 'the random seed; the same seed, scale and day give the same data', wholeNumber('--seed'), DEFAULT_SEED),
  );
  addExamples(command, ['riskdesk demo --db demo.rdw', 'riskdesk demo --db demo.rdw --scale medium --seed 7 --json']);
  command.action(async (flags: UnlockFlags & { scale: DemoScale; seed: number }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const summary = await runLongCommand(io, out, { options: flags, passphrase }, { title: `demo ${flags.scale}`, unit: 'items' }, (ctx, call) =>
      runDemo(ctx, { scale: flags.scale, seed: flags.seed }, call),
    );
    const counts = Object.entries(summary.counts);
    out.result({ demo: { ...summary, counts: { ...summary.counts } } }, () => [
      `Generated the ${summary.scale} demo portfolio (seed ${summary.seed}, as of ${summary.asOf}):`,
      ...formatTable(['TABLE', 'ROWS'], counts.map(([table, rows]) => [table, rows.toLocaleString('en-US')])).map((line) => `  ${line}`),
    ]);
  });
}
