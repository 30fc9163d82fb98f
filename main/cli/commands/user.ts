import { Option, type Command } from 'commander';
import { addUser, changePassphrase, listUsers, removeUser } from '../../services/users-service.ts';
import { ROLES } from '../../services/permissions.ts';
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
      .requiredOption('--name <name>', 'the user to remove'),
  );
  addExamples(command, ['riskdesk user remove --db risk.rdw --name ana']);
  command.action(async (flags: UnlockFlags & { name: string }) => {
    const out = outputFor(io, flags);
    const passphrase = await actingPassphrase(out, flags, commandPath(command));
    await withServiceContext(flags, passphrase, async (ctx) => removeUser(ctx, flags.name));
    out.result({ removed: flags.name }, () => [`Removed ${flags.name}.`]);
  });
}

export function addUserCommands(program: Command, io: CliIo): void {
  const user = program.command('user').description('manage who can unlock the workspace: add, list, passwd, remove');
  addExamples(user, ['riskdesk user list --db risk.rdw', 'riskdesk user add --db risk.rdw --name ana --role analyst']);
  addAddCommand(user, io);
  addListCommand(user, io);
  addPasswdCommand(user, io);
  addRemoveCommand(user, io);
}
