import { appendAuditEvent } from '../store/audit.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { findEntry, unwrapDataKey } from '../store/keyring.ts';
import { defaultUnlockThrottle, type UnlockThrottle } from '../store/unlock-throttle.ts';
import { countAdmins, deleteUser, findUser, insertUser, listUsers as listUserRows, type UserRow } from '../store/users.ts';
import { checkUsername } from '../store/workspace.ts';
import type { ServiceContext } from './context.ts';
import { isRole, requirePermission, ROLES, type Role } from './permissions.ts';
import { validationFailure } from './validation-failure.ts';

/**
 * Users live in two places that change together: the users table (role, authoritative, encrypted) and the
 * keyring (the wrapped data key). Each change rewrites only the keyring file and appends its audit event in
 * the same database transaction.
 */
export function listUsers(ctx: ServiceContext): UserRow[] {
  requirePermission(ctx.actor, 'users.list');
  return listUserRows(ctx.reader);
}

export async function addUser(ctx: ServiceContext, request: { username: string; role: string; passphrase: string }): Promise<UserRow> {
  requirePermission(ctx.actor, 'users.manage');
  const { workspace, actor } = ctx;
  checkUsername(request.username);
  if (!isRole(request.role)) throw new RiskDeskError('INVALID_ARGUMENT', `Role "${request.role}" does not exist; choose one of ${ROLES.join(', ')}.`);
  const role: Role = request.role;
  if (findUser(workspace.db, request.username) || findEntry(workspace.readKeyring(), request.username)) {
    throw new RiskDeskError('USER_EXISTS', `User ${request.username} already exists in ${workspace.path}.`);
  }
  const entry = await workspace.wrapKeyFor(request.username, request.passphrase);
  const at = ctx.now().toISOString();
  const row: UserRow = { username: request.username, role, created_at: at, created_by: actor.username };
  workspace.changeKeyring(
    (keyring) => ({ ...keyring, entries: [...keyring.entries, entry] }),
    () => {
      insertUser(workspace.db, row);
      appendAuditEvent(workspace.db, { actor: actor.username, action: 'user.add', subject: `user:${row.username}`, details: { role }, at });
    },
  );
  return row;
}

export function removeUser(ctx: ServiceContext, username: string): void {
  requirePermission(ctx.actor, 'users.manage');
  const { workspace, actor } = ctx;
  const user = findUser(workspace.db, username);
  if (!user) throw new RiskDeskError('UNKNOWN_USER', `${workspace.path} has no user "${username}".`);
  if (username === actor.username) throw new RiskDeskError('INVALID_ARGUMENT', 'You cannot remove yourself; ask another admin.');
  if (user.role === 'admin' && countAdmins(workspace.db) <= 1) throw new RiskDeskError('LAST_ADMIN', `${username} is the last admin and cannot be removed.`);
  const at = ctx.now().toISOString();
  workspace.changeKeyring(
    (keyring) => ({
      ...keyring,
      entries: keyring.entries.filter((entry) => entry.username !== username),
      defaultUser: keyring.defaultUser === username ? actor.username : keyring.defaultUser,
    }),
    () => {
      deleteUser(workspace.db, username);
      appendAuditEvent(workspace.db, { actor: actor.username, action: 'user.remove', subject: `user:${username}`, details: { role: user.role }, at });
    },
  );
}

/**
 * Changing one's own passphrase on screen proves the current one first, like an unlock: in turn with unlocks,
 * counted with them, and as slowly after wrong guesses (`throttle`, by default the process-wide one).
 */
export async function checkCurrentPassphrase(ctx: ServiceContext, request: { currentPassphrase: string | undefined; throttle?: UnlockThrottle }): Promise<void> {
  requirePermission(ctx.actor, 'self.passphrase');
  const current = request.currentPassphrase;
  if (current === undefined) throw validationFailure('arguments', [{ path: ['currentPassphrase'], message: 'your current passphrase is needed to change it' }]);
  const { workspace, actor } = ctx;
  const keyring = workspace.readKeyring();
  const entry = findEntry(keyring, actor.username);
  const checked = await (request.throttle ?? defaultUnlockThrottle).attempt({
    workspace: workspace.path,
    username: actor.username,
    check: async () => (entry ? await unwrapDataKey(entry, keyring.workspaceId, current) : null) ?? 'bad_passphrase',
  });
  if (!checked.ok) throw new RiskDeskError('BAD_PASSPHRASE', 'That is not your current passphrase; nothing was changed.');
  checked.value.fill(0);
}

/** Users change their own passphrase; an admin may reset anyone's. The data key stays the same. */
export async function changePassphrase(ctx: ServiceContext, request: { username: string; newPassphrase: string }): Promise<void> {
  const { workspace, actor } = ctx;
  const self = request.username === actor.username;
  requirePermission(actor, self ? 'self.passphrase' : 'users.manage');
  if (!findUser(workspace.db, request.username)) throw new RiskDeskError('UNKNOWN_USER', `${workspace.path} has no user "${request.username}".`);
  const entry = await workspace.wrapKeyFor(request.username, request.newPassphrase);
  const at = ctx.now().toISOString();
  workspace.changeKeyring(
    (keyring) => ({ ...keyring, entries: [...keyring.entries.filter((e) => e.username !== request.username), entry] }),
    () => {
      appendAuditEvent(workspace.db, {
        actor: actor.username,
        action: self ? 'user.passphrase.change' : 'user.passphrase.reset',
        subject: `user:${request.username}`,
        details: {},
        at,
      });
    },
  );
}
