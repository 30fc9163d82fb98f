import type { Session } from 'electron';

/** The renderer's Content-Security-Policy: its own scripts only; inline styles for the grid and charts. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Response headers with our CSP added. A policy already present stays: several policies all apply, so
 * adding ours can only tighten, never loosen.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = { ...headers };
  const key = Object.keys(result).find((name) => name.toLowerCase() === 'content-security-policy') ?? 'Content-Security-Policy';
  const existing = result[key] ?? [];
  result[key] = existing.includes(CONTENT_SECURITY_POLICY) ? existing : [...existing, CONTENT_SECURITY_POLICY];
  return result;
}

type SecuredSession = Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

/** Every response the session receives carries the CSP (app:// responses also set it themselves). */
export function installContentSecurityPolicy(session: Pick<SecuredSession, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

/** The app needs no web permission (camera, notifications, clipboard reading, USB, …): refuse them all. */
export function denyAllPermissions(session: Omit<SecuredSession, 'webRequest'>): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
