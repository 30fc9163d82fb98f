import { Option, type Command } from 'commander';
import { contextFor } from '../../services/context.ts';
import { DEMO_SCALES } from '../../../preload/contract/vocabulary.ts';
import { runDemo, type RunDemoArgs } from '../../services/demo-service.ts';
import { formatTable, type CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, wholeNumber, type UnlockFlags } from '../command-options.ts';
import { withInterrupt } from '../interrupt.ts';
import { progressDisplay } from '../progress.ts';
import { actingPassphrase, withWorkspace } from '../workspace-session.ts';

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
    const summary = await withWorkspace(flags, passphrase, (workspace) =>
      withInterrupt(io, async (signal) => {
        const bar = progressDisplay(out, `demo ${flags.scale}`, 'items');
        try {
          return await runDemo(contextFor(workspace), { scale: flags.scale, seed: flags.seed, signal, onProgress: (progress) => bar.update(progress) });
        } finally {
          bar.stop();
        }
      }),
    );
    const counts = Object.entries(summary.counts);
    out.result({ demo: { ...summary, counts: { ...summary.counts } } }, () => [
      `Generated the ${summary.scale} demo portfolio (seed ${summary.seed}, as of ${summary.asOf}):`,
      ...formatTable(['TABLE', 'ROWS'], counts.map(([table, rows]) => [table, rows.toLocaleString('en-US')])).map((line) => `  ${line}`),
    ]);
  });
}
