import { appendAuditEvent } from '../store/audit.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import { findEntry } from '../store/keyring.ts';
import { countAdmins, deleteUser, findUser, insertUser, listUsers as listUserRows, type UserRow } from '../store/users.ts';
import { checkUsername, type Workspace } from '../store/workspace.ts';
import { contextFor } from './context.ts';
import { isRole, requirePermission, ROLES, type Role } from './permissions.ts';

/**
 * Users live in two places that change together: the users table (role, authoritative, encrypted) and the
 * keyring (the wrapped data key). Each change rewrites only the keyring file and appends its audit event in
 * the same database transaction.
 */
export function listUsers(workspace: Workspace): UserRow[] {
  requirePermission(workspace.user, 'users.list');
  return listUserRows(workspace.db);
}

export async function addUser(workspace: Workspace, request: { username: string; role: string; passphrase: string }, now = () => new Date()): Promise<UserRow> {
  requirePermission(workspace.user, 'users.manage');
  checkUsername(request.username);
  if (!isRole(request.role)) throw new RiskDeskError('INVALID_ARGUMENT', `Role "${request.role}" does not exist; choose one of ${ROLES.join(', ')}.`);
  const role: Role = request.role;
  if (findUser(workspace.db, request.username) || findEntry(workspace.readKeyring(), request.username)) {
    throw new RiskDeskError('USER_EXISTS', `User ${request.username} already exists in ${workspace.path}.`);
  }
  const entry = await workspace.wrapKeyFor(request.username, request.passphrase);
  const ctx = contextFor(workspace, now);
  const at = ctx.now().toISOString();
  const row: UserRow = { username: request.username, role, created_at: at, created_by: workspace.user.username };
  workspace.changeKeyring(
    (keyring) => ({ ...keyring, entries: [...keyring.entries, entry] }),
    () => {
      insertUser(workspace.db, row);
      appendAuditEvent(workspace.db, { actor: workspace.user.username, action: 'user.add', subject: `user:${row.username}`, details: { role }, at });
    },
  );
  return row;
}

export function removeUser(workspace: Workspace, username: string, now = () => new Date()): void {
  requirePermission(workspace.user, 'users.manage');
  const user = findUser(workspace.db, username);
  if (!user) throw new RiskDeskError('UNKNOWN_USER', `${workspace.path} has no user "${username}".`);
  if (username === workspace.user.username) throw new RiskDeskError('INVALID_ARGUMENT', 'You cannot remove yourself; ask another admin.');
  if (user.role === 'admin' && countAdmins(workspace.db) <= 1) throw new RiskDeskError('LAST_ADMIN', `${username} is the last admin and cannot be removed.`);
  const at = now().toISOString();
  workspace.changeKeyring(
    (keyring) => ({
      ...keyring,
      entries: keyring.entries.filter((entry) => entry.username !== username),
      defaultUser: keyring.defaultUser === username ? workspace.user.username : keyring.defaultUser,
    }),
    () => {
      deleteUser(workspace.db, username);
      appendAuditEvent(workspace.db, { actor: workspace.user.username, action: 'user.remove', subject: `user:${username}`, details: { role: user.role }, at });
    },
  );
}

/** Users change their own passphrase; an admin may reset anyone's. The data key stays the same. */
export async function changePassphrase(workspace: Workspace, request: { username: string; newPassphrase: string }, now = () => new Date()): Promise<void> {
  const self = request.username === workspace.user.username;
  requirePermission(workspace.user, self ? 'self.passphrase' : 'users.manage');
  if (!findUser(workspace.db, request.username)) throw new RiskDeskError('UNKNOWN_USER', `${workspace.path} has no user "${request.username}".`);
  const entry = await workspace.wrapKeyFor(request.username, request.newPassphrase);
  const at = now().toISOString();
  workspace.changeKeyring(
    (keyring) => ({ ...keyring, entries: [...keyring.entries.filter((e) => e.username !== request.username), entry] }),
    () => {
      appendAuditEvent(workspace.db, {
        actor: workspace.user.username,
        action: self ? 'user.passphrase.change' : 'user.passphrase.reset',
        subject: `user:${request.username}`,
        details: {},
        at,
      });
    },
  );
}
