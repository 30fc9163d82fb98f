import type { Command } from 'commander';
import type { CliIo } from '../cli-io.ts';
import { addExamples, addJsonOption, commandPath, outputFor, type JsonFlag } from '../command-options.ts';
import { readPassphrase } from '../passphrase.ts';
import { createWorkspace } from '../workspace-session.ts';

interface InitFlags extends JsonFlag {
  db: string;
  user: string;
  passphraseFile?: string;
}

export function addInitCommand(program: Command, io: CliIo): void {
  const command = program
    .command('init')
    .description('create an encrypted workspace (database + keyring) with its first admin')
    .requiredOption('--db <file>', 'the workspace database file to create (its keyring is FILE.keyring)')
    .option('--user <name>', "the first admin's user name", 'admin')
    .option('--passphrase-file <file>', "read the admin's passphrase from the first line of FILE (else RISKDESK_PASSPHRASE, else a hidden prompt, asked twice)");
  addJsonOption(command);
  addExamples(command, ['riskdesk init --db risk.rdw', 'RISKDESK_PASSPHRASE=… riskdesk init --db risk.rdw --user alice --json']);
  command.action(async (flags: InitFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await readPassphrase(out, {
      file: flags.passphraseFile,
      fileOption: '--passphrase-file',
      envVar: 'RISKDESK_PASSPHRASE',
      prompt: `New passphrase for ${flags.user}`,
      confirm: true,
      commandPath: commandPath(command),
    });
    const created = await createWorkspace({ db: flags.db, user: flags.user, passphrase });
    out.result({ workspace: created.path, keyring: created.keyringPath, workspaceId: created.id, admin: created.admin }, () => [
      `Created workspace ${created.path} (keyring ${created.keyringPath}) with admin ${created.admin}.`,
      'Keep the passphrase safe: without it the data cannot be decrypted.',
    ]);
  });
}
