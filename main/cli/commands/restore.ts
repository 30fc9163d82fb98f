import type { Command } from 'commander';
import { restoreWorkspace } from '../../services/backup-service.ts';
import type { CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';
import { actingPassphrase } from '../workspace-session.ts';

export function addRestoreCommand(program: Command, io: CliIo): void {
  const command = addUnlockOptions(
    program
      .command('restore')
      .description("restore a backup (and its keyring) to --db, unlocked and checked first by an admin of the backup")
      .requiredOption('--from <file>', 'the backup file (its keyring FILE.keyring must be beside it)')
      .option('--force', 'replace an existing workspace at --db'),
  );
  addExamples(command, ['riskdesk restore --from backups/risk-2026-11-30.rdw --db risk-restored.rdw', 'riskdesk restore --from backups/risk-2026-11-30.rdw --db risk.rdw --force']);
  command.action(async (flags: UnlockFlags & { from: string; force?: boolean }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const restored = await restoreWorkspace({
      from: flags.from,
      target: flags.db,
      passphrase,
      force: flags.force === true,
      ...(flags.user ? { username: flags.user } : {}),
    });
    out.result({ restored: { ...restored } }, () => [`Restored ${restored.restoredFrom} to ${restored.path} (backup sha256 ${restored.sha256}).`]);
  });
}
