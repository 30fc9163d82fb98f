import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { environmentForChild } from '../services/child-environment.ts';
import type { SessionFolder } from '../services/session-folder.ts';

function htmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A page that sends the browser on to `url`, written owner-only into the server's private session folder.
 * The browser is started with this file's name, not with the URL: a program's arguments can be read by every
 * user of the machine (ps, /proc/PID/cmdline) for as long as it runs, and the URL carries the host's token.
 */
function writeRedirectPage(folder: SessionFolder, url: string): string {
  const file = folder.pathFor('open-riskdesk.html');
  const target = htmlAttribute(url);
  const html = `<!doctype html>\n<meta charset="utf-8">\n<meta http-equiv="refresh" content="0;url=${target}">\n<title>RiskDesk</title>\n<p><a href="${target}">Open RiskDesk</a></p>\n`;
  fs.writeFileSync(file, html, { mode: 0o600, flag: 'wx' });
  return file;
}

/** The system's "open this with the default browser" command for a local page, with no shell anywhere. */
export function browserCommand(page: string, platform: NodeJS.Platform): [string, string[]] {
  const pageUrl = pathToFileURL(page).href;
  if (platform === 'darwin') return ['open', [pageUrl]];
  if (platform === 'win32') return ['rundll32', ['url.dll,FileProtocolHandler', pageUrl]];
  return ['xdg-open', [pageUrl]];
}

/**
 * Hands the host's URL to the desktop's browser through a redirect page; without a browser (a server, CI)
 * nothing happens and the URL printed on stdout is the way in. The folder (and the page) go when the server stops.
 */
export function openInBrowser(url: string, folder: SessionFolder, system: { env: NodeJS.ProcessEnv; platform: NodeJS.Platform } = process): void {
  const [command, args] = browserCommand(writeRedirectPage(folder, url), system.platform);
  const child = spawn(command, args, { detached: true, stdio: 'ignore', env: environmentForChild(system.env) });
  child.on('error', () => undefined);
  child.unref();
}
