import fs from 'node:fs';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { findEntry, keyringPathFor, unwrapDataKey } from '../../store/keyring.ts';
import { defaultUnlockThrottle } from '../../store/unlock-throttle.ts';
import { restoreWorkspace } from '../backup-service.ts';
import { addUser, changePassphrase, listUsers, removeUser } from '../users-service.ts';
import { validationFailure } from './api-errors.ts';
import type { ApiCore } from './api-core.ts';
import type { HandlerTable } from './handler.ts';
import type { Session } from './session.ts';

type AdminMethods = 'users.list' | 'users.add' | 'users.remove' | 'users.changePassphrase' | 'workspace.restore';

/**
 * Changing one's own passphrase proves the current one first, like an unlock: in turn with unlocks, counted
 * with them, and as slowly after wrong guesses.
 */
async function checkCurrentPassphrase(core: ApiCore, session: Session, current: string | undefined): Promise<void> {
  if (current === undefined) throw validationFailure('arguments', [{ path: ['currentPassphrase'], message: 'your current passphrase is needed to change it' }]);
  const { workspace } = session;
  const keyring = workspace.readKeyring();
  const entry = findEntry(keyring, workspace.user.username);
  const checked = await (core.throttle ?? defaultUnlockThrottle).attempt({
    workspace: workspace.path,
    username: workspace.user.username,
    check: async () => (entry ? await unwrapDataKey(entry, keyring.workspaceId, current) : null) ?? 'bad_passphrase',
  });
  if (!checked.ok) throw new RiskDeskError('BAD_PASSPHRASE', 'That is not your current passphrase; nothing was changed.');
  checked.value.fill(0);
}

export const adminHandlers: HandlerTable<AdminMethods> = {
  'users.list': (core) =>
    listUsers(core.requireSession().workspace).map((user) => ({ username: user.username, role: user.role, createdAt: user.created_at, createdBy: user.created_by })),

  'users.add': async (core, args) => {
    const session = core.requireSession();
    await session.write(() => addUser(session.workspace, args, core.now));
    return { ok: true };
  },

  'users.remove': async (core, { username }) => {
    const session = core.requireSession();
    await session.write(() => removeUser(session.workspace, username, core.now));
    return { ok: true };
  },

  'users.changePassphrase': async (core, args) => {
    const session = core.requireSession();
    if (args.username === session.user.username) await checkCurrentPassphrase(core, session, args.currentPassphrase);
    await session.write(() => changePassphrase(session.workspace, { username: args.username, newPassphrase: args.newPassphrase }, core.now));
    return { ok: true };
  },

  /**
   * Locks the session (session.locked, reason 'restore'), then puts the backup in place of this workspace.
   * The passphrase is the acting admin's in the backup. The session stays locked either way: unlock again.
   */
  'workspace.restore': async (core, args) => {
    const session = core.requireSession();
    const target = session.workspace.path;
    const username = session.user.username;
    // The checks that need no unlocking come before the lock, so a mistyped path does not end the session.
    const from = core.files.existingFile(args.from, 'from');
    if (from === target) throw new RiskDeskError('INVALID_ARGUMENT', 'A workspace cannot be restored from itself; choose a backup file.');
    // Its keyring is read too, so it must be in the folder as well (not a link to a file elsewhere); a missing
    // one is the restore's to report.
    if (fs.lstatSync(keyringPathFor(from), { throwIfNoEntry: false })) core.files.existingFile(keyringPathFor(from), 'from');
    await core.whileRestoring(async () => {
      await core.lock('restore');
      await restoreWorkspace({ from, target, username, passphrase: args.passphrase, force: true, now: core.now, ...(core.throttle ? { throttle: core.throttle } : {}) });
    });
    return core.status();
  },
};
