import { restoreRequestFor, restoreWorkspace } from '../backup-service.ts';
import { rekeyRequestFor, rekeyWorkspace } from '../rekey-service.ts';
import { addUser, changePassphrase, checkCurrentPassphrase, listUsers, removeUser } from '../users-service.ts';
import type { HandlerTable } from './handler.ts';

type AdminMethods = 'users.list' | 'users.add' | 'users.remove' | 'users.changePassphrase' | 'workspace.restore' | 'workspace.rekey';

export const adminHandlers: HandlerTable<AdminMethods> = {
  'users.list': (core) =>
    listUsers(core.requireSession().ctx).map((user) => ({ username: user.username, role: user.role, createdAt: user.created_at, createdBy: user.created_by })),

  'users.add': async (core, args) => {
    const session = core.requireSession();
    await session.write(() => addUser(session.ctx, args));
    return { ok: true };
  },

  'users.remove': async (core, { username }) => {
    const session = core.requireSession();
    await session.write(() => removeUser(session.ctx, username));
    return { ok: true };
  },

  /** One's own passphrase is changed only with the current one, checked like an unlock (and throttled with them). */
  'users.changePassphrase': async (core, args) => {
    const session = core.requireSession();
    if (args.username === session.user.username) {
      await checkCurrentPassphrase(session.ctx, { currentPassphrase: args.currentPassphrase, throttle: core.throttle });
    }
    await session.write(() => changePassphrase(session.ctx, { username: args.username, newPassphrase: args.newPassphrase }));
    return { ok: true };
  },

  /**
   * Locks the session, then puts the backup in place of this workspace (session.locked, reason 'restore', or
   * 'restoreFailed' with why). The passphrase is the acting admin's in the backup. The session stays locked either
   * way: unlock again.
   */
  'workspace.restore': async (core, args) => {
    const session = core.requireSession();
    // The checks that need no unlocking come before the lock, so a mistyped path does not end the session.
    const from = core.files.existingFile(args.from, 'from');
    const request = restoreRequestFor(session.ctx, { from, passphrase: args.passphrase, checkFile: (file) => core.files.existingFile(file, 'from') });
    await core.lockFor('restore', async () => {
      await restoreWorkspace({ ...request, now: core.now, throttle: core.throttle });
    });
    return core.status();
  },

  /**
   * Checks that every user can be sealed to (before anything ends), then locks the session and re-keys the closed
   * workspace (session.locked, reason 'rekey', or 'rekeyFailed' with why). The session stays locked either way.
   */
  'workspace.rekey': async (core) => {
    const request = rekeyRequestFor(core.requireSession().ctx);
    try {
      await core.lockFor('rekey', async () => {
        rekeyWorkspace(request);
      });
    } finally {
      request.key.fill(0);
    }
    return core.status();
  },
};
