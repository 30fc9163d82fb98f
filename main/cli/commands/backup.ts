import type { Command } from 'commander';
import { backupWorkspace } from '../../services/backup-service.ts';
import type { CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';
import { actingPassphrase, withServiceContext } from '../workspace-session.ts';

export function addBackupCommand(program: Command, io: CliIo): void {
  const command = addUnlockOptions(
    program
      .command('backup')
      .description('write a checked, encrypted copy of the workspace (and its keyring) while it stays in use (admin, auditor)')
      .requiredOption('--to <file>', 'the backup file to create (must not exist); its keyring is FILE.keyring'),
  );
  addExamples(command, ['riskdesk backup --db risk.rdw --to backups/risk-2026-11-30.rdw']);
  command.action(async (flags: UnlockFlags & { to: string }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const backup = await withServiceContext(flags, passphrase, (ctx) => backupWorkspace(ctx, { to: flags.to }));
    out.result({ backup: { ...backup } }, () => [
      `Backed up to ${backup.path} (${backup.bytes.toLocaleString('en-US')} bytes, sha256 ${backup.sha256}).`,
      `Its keyring is ${backup.keyringPath}; keep the two files together.`,
      `The audit trail in it ends at event ${backup.auditHead.seq}, hash ${backup.auditHead.hash}.`,
      `Note that anchor somewhere else: 'riskdesk audit verify --anchor ${backup.auditHead.seq}:${backup.auditHead.hash}' later proves that no newer event was cut off.`,
    ]);
  });
}
