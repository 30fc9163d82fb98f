import { Option, type Command } from 'commander';
import { addUser, changePassphrase, listUsers, removeUser } from '../../services/users-service.ts';
import { ROLES } from '../../services/permissions.ts';
import { rekeyRequestFor, rekeyWorkspace } from '../../services/rekey-service.ts';
import { formatTable, type CliIo } from '../cli-io.ts';
import { addExamples, addUnlockOptions, commandPath, outputFor, type UnlockFlags } from '../command-options.ts';
import { readPassphrase } from '../passphrase.ts';
import { actingPassphrase, withServiceContext } from '../workspace-session.ts';

interface NewPassphraseFlags extends UnlockFlags {
  newPassphraseFile?: string;
}

function addNewPassphraseOption(command: Command): Command {
  return command.option('--new-passphrase-file <file>', 'read the new passphrase from the first line of FILE (else RISKDESK_NEW_PASSPHRASE, else a hidden prompt, asked twice)');
}

function newPassphrase(command: Command, flags: NewPassphraseFlags, io: CliIo, username: string | undefined): Promise<string> {
  return readPassphrase(outputFor(io, flags), {
    file: flags.newPassphraseFile,
    fileOption: '--new-passphrase-file',
    envVar: 'RISKDESK_NEW_PASSPHRASE',
    prompt: username ? `New passphrase for ${username}` : 'New passphrase',
    confirm: true,
    commandPath: commandPath(command),
  });
}

function addListCommand(user: Command, io: CliIo): void {
  const command = addUnlockOptions(user.command('list').description('list the users and their roles (admin, auditor)'));
  addExamples(command, ['riskdesk user list --db risk.rdw', 'riskdesk user list --db risk.rdw --json']);
  command.action(async (flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const users = await withServiceContext(flags, passphrase, async (ctx) => listUsers(ctx));
    out.result({ users: users.map((u) => ({ ...u })) }, () =>
      formatTable(
        ['USER', 'ROLE', 'CREATED', 'BY'],
        users.map((u) => [u.username, u.role, u.created_at, u.created_by]),
      ),
    );
  });
}

function addAddCommand(user: Command, io: CliIo): void {
  const command = addNewPassphraseOption(
    addUnlockOptions(
      user
        .command('add')
        .description("add a user with a role and their own passphrase (admin); the new user's passphrase is asked twice")
        .requiredOption('--name <name>', 'the new user name')
        .addOption(new Option('--role <role>', 'what the user may do').choices(ROLES).makeOptionMandatory()),
    ),
  );
  addExamples(command, ['riskdesk user add --db risk.rdw --name ana --role analyst', 'RISKDESK_NEW_PASSPHRASE=… riskdesk user add --db risk.rdw --name aud --role auditor --json']);
  command.action(async (flags: NewPassphraseFlags & { name: string; role: string }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const next = await newPassphrase(command, flags, io, flags.name);
    const row = await withServiceContext(flags, passphrase, (ctx) => addUser(ctx, { username: flags.name, role: flags.role, passphrase: next }));
    out.result({ user: { ...row } }, () => [`Added ${row.username} (${row.role}).`]);
  });
}

function addPasswdCommand(user: Command, io: CliIo): void {
  const command = addNewPassphraseOption(
    addUnlockOptions(
      user
        .command('passwd')
        .description("change your own passphrase, or (admin) reset another user's")
        .option('--name <name>', 'whose passphrase to change (default: the acting user)'),
    ),
  );
  addExamples(command, ['riskdesk user passwd --db risk.rdw', 'riskdesk user passwd --db risk.rdw --name ana']);
  command.action(async (flags: NewPassphraseFlags & { name?: string }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const target = flags.name ?? flags.user;
    const next = await newPassphrase(command, flags, io, target);
    const changed = await withServiceContext(flags, passphrase, async (ctx) => {
      const username = target ?? ctx.actor.username;
      await changePassphrase(ctx, { username, newPassphrase: next });
      return username;
    });
    out.result({ user: changed }, () => [`Changed the passphrase of ${changed}. The data key is unchanged; other users are not affected.`]);
  });
}

function addRemoveCommand(user: Command, io: CliIo): void {
  const command = addUnlockOptions(
    user
      .command('remove')
      .description('remove a user and their keyring entry (admin)')
      .requiredOption('--name <name>', 'the user to remove')
      .option('--rekey', "then re-key the workspace, so that a keyring the removed user kept no longer opens it (recommended; see 'user rekey')"),
  );
  addExamples(command, ['riskdesk user remove --db risk.rdw --name ana --rekey', 'riskdesk user remove --db risk.rdw --name ana']);
  command.action(async (flags: UnlockFlags & { name: string; rekey?: boolean }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    // With --rekey, whether everyone else can be sealed to is checked before the removal, so that neither happens if not.
    const rekey = await withServiceContext(flags, passphrase, async (ctx) => {
      const request = flags.rekey ? rekeyRequestFor(ctx, { removedUser: flags.name }) : null;
      try {
        removeUser(ctx, flags.name);
      } catch (error) {
        request?.key.fill(0);
        throw error;
      }
      return request;
    });
    const rekeyed = rekey ? rekeyWorkspace(rekey) : null;
    out.result({ removed: flags.name, rekeyed: rekeyed !== null }, () => [`Removed ${flags.name}.`, ...(rekeyed ? [rekeyedLine(rekeyed.users)] : [])]);
  });
}

function rekeyedLine(users: string[]): string {
  return `Re-keyed the workspace: a new random key, sealed to ${users.join(', ')}. Earlier keyring copies no longer open it; backups made before keep the old key.`;
}

function addRekeyCommand(user: Command, io: CliIo): void {
  const command = addUnlockOptions(
    user
      .command('rekey')
      .description('give the workspace a new random key, sealed to every current user, so that keyring copies made earlier no longer open it (admin)'),
  );
  addExamples(command, ['riskdesk user rekey --db risk.rdw']);
  command.action(async (flags: UnlockFlags) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    const request = await withServiceContext(flags, passphrase, async (ctx) => rekeyRequestFor(ctx));
    const rekeyed = rekeyWorkspace(request);
    out.result({ rekeyed: true, users: rekeyed.users }, () => [rekeyedLine(rekeyed.users)]);
  });
}

export function addUserCommands(program: Command, io: CliIo): void {
  const user = program.command('user').description('manage who can unlock the workspace: add, list, passwd, remove, rekey');
  addExamples(user, ['riskdesk user list --db risk.rdw', 'riskdesk user add --db risk.rdw --name ana --role analyst']);
  addAddCommand(user, io);
  addListCommand(user, io);
  addPasswdCommand(user, io);
  addRemoveCommand(user, io);
  addRekeyCommand(user, io);
}
