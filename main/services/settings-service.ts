// A user's workstation settings (idle lock, language, theme): read at unlock, changed by the user alone, audited.
import type { Settings } from '../../preload/contract/index.ts';
import { DEFAULT_SETTINGS, readUserSettings, writeUserSettings } from '../store/user-settings.ts';
import type { ServiceContext } from './context.ts';
import { auditedChange } from './lifecycle-service.ts';
import { requirePermission } from './permissions.ts';

/** What a locked workstation goes by. */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS };
}

/** The acting user's settings, or the defaults for a user who never changed them. */
export function readSettings(ctx: ServiceContext): Settings {
  requirePermission(ctx.actor, 'self.settings');
  return readUserSettings(ctx.reader, ctx.actor.username);
}

/**
 * Saves only what `changes` changes in `current` (the acting user's settings), with one audit event naming the new
 * values, and returns the settings now in force; nothing is written or audited when nothing changes.
 */
export function updateSettings(ctx: ServiceContext, current: Settings, changes: Partial<Settings>): Settings {
  requirePermission(ctx.actor, 'self.settings');
  const after: Settings = { ...current, ...changes };
  const changed = Object.fromEntries(Object.entries(changes).filter(([key, value]) => current[key as keyof Settings] !== value));
  if (Object.keys(changed).length === 0) return { ...current };
  const { username } = ctx.actor;
  return auditedChange(
    ctx,
    (at) => {
      writeUserSettings(ctx.workspace.db, username, after, at);
      return after;
    },
    () => ({ action: 'settings.update', subject: `user:${username}`, details: { changed } }),
  );
}
