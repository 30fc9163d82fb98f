import path from 'node:path';

/**
 * The folder where RiskDesk keeps this machine's own files: the demo workspace, the list of recent
 * workspaces and the window state. The Electron app (as its userData) and `npm start`'s browser-host
 * fallback use the same folder, so both open the same demo workspace.
 *
 * RISKDESK_HOME wins; otherwise the platform's per-user application data folder.
 */
export function riskdeskHome(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const override = env.RISKDESK_HOME?.trim();
  if (override) return paths.resolve(override);
  if (platform === 'win32') return paths.join(env.APPDATA || paths.join(homeDir, 'AppData', 'Roaming'), 'RiskDesk');
  if (platform === 'darwin') return paths.join(homeDir, 'Library', 'Application Support', 'RiskDesk');
  // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
  const dataHome = env.XDG_DATA_HOME && paths.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : paths.join(homeDir, '.local', 'share');
  return paths.join(dataHome, 'RiskDesk');
}
