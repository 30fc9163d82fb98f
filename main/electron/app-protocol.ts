import fs from 'node:fs';
import path from 'node:path';
import { contentTypeOf } from '../services/content-types.ts';
import { CONTENT_SECURITY_POLICY } from './content-security.ts';

/**
 * The renderer is served from dist/renderer over a privileged custom scheme, app://riskdesk/, not file://.
 * Every file:// URL shares one origin, so "the sender is a file: page" would say little; app://riskdesk is an
 * origin of its own that only this handler serves, which makes the IPC sender check meaningful, gives the
 * CSP a real 'self', and lets each response carry our security headers.
 */
export const APP_SCHEME = 'app';
const APP_HOST = 'riskdesk';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before `ready`: standard (real origin, relative URLs), secure, and allowed to fetch(). Not
 * corsEnabled: that privilege would let other origins read app:// responses; the page's own same-origin
 * requests (module scripts included) do not need it.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/**
 * The file under `rendererRoot` that an app:// URL names, or null for anything else (another host, a path that
 * escapes the folder, a malformed escape). Paths without an extension are the router's: they get index.html.
 */
export function rendererFileFor(rendererRoot: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  const relative = lastSegment === '' || !lastSegment.includes('.') ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, relative);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

/** Headers on every app:// response: the CSP, and no MIME sniffing. */
function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/** The protocol.handle() handler for app://: GET and HEAD of files under rendererRoot, nothing else. */
export function createAppProtocolHandler(
  rendererRoot: string,
  readFile: (file: string) => Promise<Uint8Array> = (file) => fs.promises.readFile(file),
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: appResponseHeaders('text/plain; charset=utf-8') });
    }
    const file = rendererFileFor(rendererRoot, request.url);
    if (file === null) return new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404, headers: appResponseHeaders('text/plain; charset=utf-8') });
    }
    return new Response(request.method === 'HEAD' ? null : Buffer.from(body), { status: 200, headers: appResponseHeaders(contentTypeOf(file)) });
  };
}
