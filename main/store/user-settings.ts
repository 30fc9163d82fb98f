import type { Settings } from '../../preload/contract/methods.ts';
import type { Db } from './database.ts';

export const DEFAULT_SETTINGS: Readonly<Settings> = { idleLockMinutes: 15, language: 'en', theme: 'system' };

interface SettingsRow {
  idle_lock_minutes: number;
  language: Settings['language'];
  theme: Settings['theme'];
}

/** A user's workstation settings, or the defaults for a user who never changed them. */
export function readUserSettings(db: Db, username: string): Settings {
  const row = db.prepare('SELECT idle_lock_minutes, language, theme FROM user_settings WHERE username = ?').get(username) as SettingsRow | undefined;
  return row ? { idleLockMinutes: row.idle_lock_minutes, language: row.language, theme: row.theme } : { ...DEFAULT_SETTINGS };
}

/** Stores all of a user's settings; call inside the transaction that audits the change. */
export function writeUserSettings(db: Db, username: string, settings: Settings, at: string): void {
  db.prepare(
    `INSERT INTO user_settings (username, idle_lock_minutes, language, theme, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (username) DO UPDATE SET idle_lock_minutes = excluded.idle_lock_minutes, language = excluded.language,
       theme = excluded.theme, updated_at = excluded.updated_at`,
  ).run(username, settings.idleLockMinutes, settings.language, settings.theme, at);
}
