import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { contract } from '../../../preload/contract/index.ts';
import { startBrowserHost, type BrowserHost } from '../../host/browser-host.ts';
import { createApiService, fixedWorkspaceLocator } from '../../services/api/api-service.ts';
import { folderFileAccess } from '../../services/api/file-access.ts';
import { riskdeskHome } from '../../services/riskdesk-home.ts';
import { SessionFolder } from '../../services/session-folder.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { CliIo } from '../cli-io.ts';
import { addExamples, addJsonOption, outputFor, type JsonFlag } from '../command-options.ts';
import { openInBrowser } from '../open-in-browser.ts';
import { onFirstStopSignal } from '../interrupt.ts';

interface ServeFlags extends JsonFlag {
  readonly db: string;
  readonly port: number;
  readonly user?: string;
  readonly open: boolean;
  readonly demo?: boolean;
  readonly files?: string;
}

function portNumber(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) throw new InvalidArgumentError('--port takes a port number from 0 (any free port) to 65535.');
  return Number(value);
}

function userName(value: string): string {
  if (!contract['users.remove'].args.shape.username.safeParse(value).success) throw new InvalidArgumentError('--user takes a user name (letters, digits, ".", "_" or "-").');
  return value;
}

/** The built renderer, dist/renderer under the project root (the folder with package.json above this file). */
function rendererDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'renderer');
}

/** Resolves on Ctrl-C, SIGTERM or SIGHUP (or `io.interrupt`, for tests), so that the server locks the workspace before it ends. */
function untilInterrupted(io: CliIo): Promise<void> {
  if (io.interrupt) {
    const signal = io.interrupt;
    return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  }
  return new Promise((resolve) => onFirstStopSignal(() => resolve()));
}

function listenFailure(error: unknown, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new RiskDeskError('PORT_IN_USE', `port ${port} on 127.0.0.1 is in use: choose another with --port, or leave --port out for a free one`);
  if (code === 'EACCES') return new RiskDeskError('PORT_DENIED', `port ${port} needs privileges this user lacks: choose one above 1023, or leave --port out`);
  return error;
}

/** Closing the last tab locks the workspace this long afterwards; a reload reconnects well within it. */
const PAGES_GONE_GRACE_MS = 10_000;

export function addServeCommand(program: Command, io: CliIo): void {
  const command = addJsonOption(
    program
      .command('serve')
      .description('serve the workstation to a browser on this machine (127.0.0.1 only); you unlock the workspace on the page')
      .requiredOption('--db <file>', 'the workspace database file')
      .option('--port <n>', 'the port to listen on (default: a free one)', portNumber, 0)
      .option('--user <name>', 'the user the unlock screen suggests', userName)
      .option('--no-open', 'do not open a browser (one opens only when stdout is a terminal)')
      .option('--demo', 'label the workspace as the demo on the unlock screen, which then shows the published demo login')
      .option('--files <dir>', 'the folder the page may name files in, for imports, backups and restores (default: your RiskDesk folder); files from elsewhere are uploaded'),
  );
  command.addHelpText(
    'after',
    '\nThe printed URL carries this launch\'s token after "#" (a new one each time serve starts; it works in any tab until then): anyone with the URL can reach the unlock screen, so do not share it.\nThe server stays up until Ctrl-C, then locks the workspace.',
  );
  addExamples(command, ['riskdesk serve --db risk.rdw', 'riskdesk serve --db risk.rdw --port 8750 --user alice --no-open']);
  command.action(async (flags: ServeFlags) => {
    const out = outputFor(io, flags);
    const workspacePath = path.resolve(flags.db);
    if (!fs.statSync(workspacePath, { throwIfNoEntry: false })?.isFile()) {
      throw new RiskDeskError('WORKSPACE_NOT_FOUND', `no workspace at ${workspacePath}: create one with 'riskdesk init --db ${flags.db}', or check the path`);
    }
    const staticDir = rendererDir();
    if (!fs.existsSync(path.join(staticDir, 'index.html'))) out.warn(`the renderer is not built (${staticDir}): run npm run build; the page will say so until then`);

    // Nothing is unlocked here: the browser's unlock screen does that, through the API.
    // The page can name files only inside this folder: the person who typed this command chooses it, not the page.
    const files = folderFileAccess(flags.files ?? riskdeskHome(process.env, process.platform, os.homedir()));
    const api = createApiService({ workspaces: fixedWorkspaceLocator(workspacePath, { demo: flags.demo === true }), files });
    let host: BrowserHost;
    try {
      host = await startBrowserHost({ api, staticDir, port: flags.port, lockWhenPagesGone: { graceMs: PAGES_GONE_GRACE_MS } });
    } catch (error) {
      await api.close();
      throw listenFailure(error, flags.port);
    }
    // Listening for Ctrl-C before the URL is out, so that whoever reads the URL can stop the server at once.
    const interrupted = untilInterrupted(io);
    const url = flags.user === undefined ? host.url : `${host.url}&user=${encodeURIComponent(flags.user)}`;
    out.result({ url, port: host.port, workspace: workspacePath, files: files.folder }, () => [
      url,
      `Serving ${workspacePath} on 127.0.0.1:${host.port} only; it stays up until Ctrl-C.`,
      `The page reads and writes files only in ${files.folder} (and files you upload).`,
    ]);
    // The browser gets a page in this server's private folder that leads to the URL, not the URL itself.
    const opener = new SessionFolder(workspacePath);
    if (flags.open && !out.json && io.stdout.isTTY === true) openInBrowser(url, opener);

    await interrupted;
    opener.remove();
    await host.close();
    await api.close();
    if (!out.json) io.stderr.write('riskdesk: stopped; the workspace is locked.\n');
  });
}
