import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { contentTypeOf } from '../services/content-types.ts';
import { sendPlain } from './security-headers.ts';

export const NOT_BUILT_MESSAGE = 'RiskDesk: the renderer is not built: run npm run build\n';

/**
 * The URL path's segments, decoded, or null when any of them could step outside the folder or name
 * something hidden: `..` and `.` (plain or percent-encoded), encoded slashes or backslashes, NUL, drive
 * letters, or a path that is not origin-relative (`http://…`, `//host`).
 */
function staticSegments(requestUrl: string): string[] | null {
  if (!requestUrl.startsWith('/') || requestUrl.startsWith('//')) return null;
  const rawPath = requestUrl.split(/[?#]/, 1)[0] ?? '';
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment.startsWith('.') || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  // A trailing slash leaves one empty last segment; empty segments elsewhere (`/a//b`) are refused.
  if (segments.slice(0, -1).includes('')) return null;
  return segments;
}

/** The regular file the segments name inside `root`, after following every symlink, or null. */
async function realFileInside(root: string, segments: string[]): Promise<{ path: string; size: number } | null> {
  let realRoot: string;
  try {
    realRoot = await fs.promises.realpath(root);
  } catch {
    return null;
  }
  const relative = segments.at(-1) === '' ? [...segments.slice(0, -1), 'index.html'] : segments;
  try {
    // realpath follows symlinks, so a link that leaves the folder is caught by the prefix check.
    const real = await fs.promises.realpath(path.join(realRoot, ...relative));
    if (!real.startsWith(realRoot + path.sep)) return null;
    const stats = await fs.promises.stat(real);
    return stats.isFile() ? { path: real, size: stats.size } : null;
  } catch {
    return null;
  }
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, size: number): Promise<void> {
  const extension = path.extname(file).toLowerCase();
  res.writeHead(200, {
    'Content-Type': contentTypeOf(file),
    'Content-Length': String(size),
    // index.html names the hashed bundles of this build; it must never be reused after a rebuild.
    'Cache-Control': extension === '.html' ? 'no-store' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return Promise.resolve();
  }
  return pipeline(fs.createReadStream(file), res).catch(() => {
    res.destroy();
  });
}

/**
 * GET/HEAD of the built renderer: `/` is index.html (or, before `npm run build`, a one-line note saying so).
 * Anything unsafe or absent is a plain 404; there is no fallback to index.html, as the renderer routes in
 * the fragment (its asset URLs are relative, so it must be loaded from `/`).
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, staticDir: string): Promise<void> {
  const segments = staticSegments(req.url ?? '');
  if (segments === null) return sendPlain(res, 404, 'not found\n');
  const file = await realFileInside(staticDir, segments);
  if (file === null) {
    const isRoot = segments.length === 1 && segments[0] === '';
    return isRoot ? sendPlain(res, 503, NOT_BUILT_MESSAGE) : sendPlain(res, 404, 'not found\n');
  }
  return sendFile(req, res, file.path, file.size);
}
