import { Option, type Command } from 'commander';
import { importCsv } from '../../services/import/import-csv.ts';
import { IMPORT_ENCODINGS, IMPORT_KINDS, type ImportEncoding, type ImportKind } from '../../../preload/contract/vocabulary.ts';
import type { CliIo } from '../cli-io.ts';
import { importProblemLines } from '../failure.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';
import { runLongCommand } from '../long-command.ts';
import { actingPassphrase } from '../workspace-session.ts';

export function addImportCommand(program: Command, io: CliIo): void {
  const command = addUnlockOptions(
    program
      .command('import')
      .description('import one CSV file (formats in DOMAIN.md) whole or not at all; every rejected value is listed (admin, analyst)')
      .argument('<file>', 'the CSV file (header row first)')
      .addOption(new Option('--kind <kind>', 'what the file holds').choices(IMPORT_KINDS).makeOptionMandatory())
      .addOption(new Option('--encoding <encoding>', "the file's text encoding (gbk: a Chinese spreadsheet's CSV)").choices(IMPORT_ENCODINGS).default('utf-8'))
      .option('--check', 'check the whole file as the import would and write nothing: its rows, its errors (exit 1) and its unusual values'),
  );
  addExamples(command, [
    'riskdesk import --db risk.rdw --kind borrowers borrowers.csv',
    'riskdesk import --db risk.rdw --kind loans loans.csv --check',
    'riskdesk import --db risk.rdw --kind loans loans.csv --json',
    'riskdesk import --db risk.rdw --kind borrowers --encoding gbk borrowers-gbk.csv',
  ]);
  command.action(async (file: string, flags: UnlockFlags & { kind: ImportKind; encoding: ImportEncoding; check?: boolean }) => {
    const checkOnly = flags.check === true;
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const summary = await runLongCommand(io, out, { options: flags, passphrase }, { title: `${checkOnly ? 'check' : 'import'} ${flags.kind}`, unit: 'bytes' }, (ctx, call) =>
      importCsv(
        ctx,
        { kind: flags.kind, file, encoding: flags.encoding, checkOnly },
        { signal: call.signal, onProgress: ({ bytesRead, totalBytes, rows }) => call.onProgress({ done: bytesRead, total: totalBytes, phase: `${rows.toLocaleString('en-US')} rows` }) },
      ),
    );
    const { warnings } = summary;
    out.result({ import: { ...summary, warnings: { total: warnings.total, first: warnings.first.map((w) => ({ ...w })) } } }, () => [
      `${checkOnly ? 'Checked' : 'Imported'} ${summary.rows.toLocaleString('en-US')} ${summary.kind} rows from ${summary.file} (${summary.bytes.toLocaleString('en-US')} bytes, sha256 ${summary.sha256})${checkOnly ? ': they can be imported; nothing was written.' : '.'}`,
      // Imported (or importable) all the same: the user checks these values, and corrects the file if one was a typo.
      ...(warnings.total === 0 ? [] : [`${warnings.total === 1 ? '1 value is' : `${warnings.total.toLocaleString('en-US')} values are`} unusual; check them:`, ...importProblemLines(warnings.first, warnings.total)]),
    ]);
  });
}
