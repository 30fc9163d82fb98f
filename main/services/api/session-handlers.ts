import { updateSettings } from '../settings-service.ts';
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

  /** Saves only what changed, audited; the idle lock follows at once. */
  'settings.update': (core, args) => {
    const session = core.requireSession();
    return session.write(() => {
      const before = session.settings;
      const after = updateSettings(session.ctx, before, args);
      session.settings = after;
      if (after.idleLockMinutes !== before.idleLockMinutes) core.applyIdleMinutes(after.idleLockMinutes);
      return { ...after };
    });
  },
};
