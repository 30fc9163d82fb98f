import { Option, type Command } from 'commander';
import { contextFor } from '../../services/context.ts';
import { importCsv } from '../../services/import/import-csv.ts';
import { IMPORT_KINDS, type ImportKind } from '../../../preload/contract/vocabulary.ts';
import type { CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';
import { withInterrupt } from '../interrupt.ts';
import { progressDisplay } from '../progress.ts';
import { actingPassphrase, withWorkspace } from '../workspace-session.ts';


export function addImportCommand(program: Command, io: CliIo): void {
  const command = addUnlockOptions(
    program
      .command('import')
      .description('import one CSV file (formats in DOMAIN.md) whole or not at all; every rejected value is listed (admin, analyst)')
      .argument('<file>', 'the CSV file (UTF-8, header row first)')
      .addOption(new Option('--kind <kind>', 'what the file holds').choices(IMPORT_KINDS).makeOptionMandatory()),
  );
  addExamples(command, ['riskdesk import --db risk.rdw --kind borrowers borrowers.csv', 'riskdesk import --db risk.rdw --kind loans loans.csv --json']);
  command.action(async (file: string, flags: UnlockFlags & { kind: ImportKind }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const summary = await withWorkspace(flags, passphrase, (workspace) =>
      withInterrupt(io, async (signal) => {
        const bar = progressDisplay(out, `import ${flags.kind}`, 'bytes');
        try {
          return await importCsv(contextFor(workspace), {
            kind: flags.kind,
            file,
            signal,
            onProgress: ({ bytesRead, totalBytes, rows }) => bar.update({ done: bytesRead, total: totalBytes, phase: `${rows.toLocaleString('en-US')} rows` }),
          });
        } finally {
          bar.stop();
        }
      }),
    );
    out.result({ import: { ...summary } }, () => [
      `Imported ${summary.rows.toLocaleString('en-US')} ${summary.kind} rows from ${summary.file} (${summary.bytes.toLocaleString('en-US')} bytes, sha256 ${summary.sha256}).`,
    ]);
  });
}
