import type { Settings } from '../../../preload/contract/index.ts';
import { appendAuditEvent } from '../../store/audit.ts';
import { inTransaction } from '../../store/database.ts';
import { writeUserSettings } from '../../store/user-settings.ts';
import type { HandlerTable } from './handler.ts';

type SessionMethods = 'session.status' | 'session.unlock' | 'session.lock' | 'session.activity' | 'session.recentWorkspaces' | 'settings.get' | 'settings.update';

export const sessionHandlers: HandlerTable<SessionMethods> = {
  'session.status': (core) => core.status(),
  'session.unlock': (core, args) => core.unlock(args),
  'session.lock': async (core) => {
    await core.lock('user');
    return core.status();
  },
  'session.activity': () => ({ ok: true }),
  'session.recentWorkspaces': (core) => core.workspaces.recent(),
  'settings.get': (core) => ({ ...core.requireSession().settings }),

  /** Saves only what changed, with one audit event naming the new values; the idle lock follows at once. */
  'settings.update': (core, args) => {
    const session = core.requireSession();
    return session.write(() => {
      const before = session.settings;
      const after: Settings = { ...before, ...args };
      const changed = Object.fromEntries(Object.entries(args).filter(([key, value]) => before[key as keyof Settings] !== value));
      if (Object.keys(changed).length === 0) return { ...before };
      const { db, user } = session.workspace;
      const at = core.now().toISOString();
      inTransaction(db, () => {
        writeUserSettings(db, user.username, after, at);
        appendAuditEvent(db, { actor: user.username, action: 'settings.update', subject: `user:${user.username}`, details: { changed }, at });
      });
      session.settings = after;
      if (after.idleLockMinutes !== before.idleLockMinutes) core.applyIdleMinutes(after.idleLockMinutes);
      return { ...after };
    });
  },
};
