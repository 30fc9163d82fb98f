// `npm start`: opens RiskDesk in Electron, or, where no Electron runtime can be had, says so in one line and
// serves the demo workspace through the browser host (`riskdesk serve`). Plain Node: no electron import here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_ROLE_USERS } from '../../preload/contract/demo.ts';
import { DEMO_CREDENTIALS, ensureDemoWorkspace } from './demo-workspace.ts';
import { currentSystem, probeElectron, type ElectronProbe } from './electron-probe.ts';
import { environmentForChild } from '../services/child-environment.ts';
import { riskdeskHome } from '../services/riskdesk-home.ts';

export interface Launcher {
  readonly home: string;
  probe(): ElectronProbe;
  ensureDemo(home: string, onCreate: (file: string) => void): Promise<{ path: string }>;
  /** Starts the desktop app and resolves with its exit code. */
  runElectron(binary: string): Promise<number>;
  /** Runs `riskdesk serve --db FILE --user USER` (which prints its URL) and resolves with its exit code. */
  runBrowserHost(workspace: string, user: string): Promise<number>;
  log(line: string): void;
}

export async function launch(launcher: Launcher): Promise<number> {
  const electron = launcher.probe();
  // The desktop app creates the demo workspace itself on first start (also when installed, without this script).
  if (electron.available) return launcher.runElectron(electron.binary);

  launcher.log(`RiskDesk: no Electron runtime here (${electron.reason}); opening the browser host instead.`);
  const demo = await launcher.ensureDemo(launcher.home, (file) => launcher.log(`Creating the demo workspace ${file} (first start, a few seconds)…`));
  launcher.log(`Demo workspace (synthetic data): user "${DEMO_CREDENTIALS.username}" (or ${DEMO_ROLE_USERS.map((u) => u.username).join(', ')}), passphrase "${DEMO_CREDENTIALS.passphrase}".`);
  return launcher.runBrowserHost(demo.path, DEMO_CREDENTIALS.username);
}

/** The checkout (or installed package) root: the nearest folder above this file with a package.json. */
export function packageRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    // Ctrl-C reaches the child through the terminal; this process only waits for it to finish.
    const ignore = (): void => {};
    process.on('SIGINT', ignore);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function systemLauncher(): Launcher {
  const root = packageRoot(path.dirname(fileURLToPath(import.meta.url)));
  const home = riskdeskHome(process.env, process.platform, os.homedir());
  // The app and the browser host unlock on their own screen: a RISKDESK_PASSPHRASE in this shell is not theirs.
  const childEnv = environmentForChild(process.env, { RISKDESK_HOME: home });
  return {
    home,
    probe: () => probeElectron(currentSystem()),
    ensureDemo: (dir, onCreate) => ensureDemoWorkspace(dir, { onCreate }),
    runElectron: (binary) => {
      // Set in a shell, ELECTRON_RUN_AS_NODE would make the binary a plain Node and the app would not open.
      const { ELECTRON_RUN_AS_NODE: _asNode, ...env } = childEnv;
      return run(binary, [root], env);
    },
    runBrowserHost: (workspace, user) => run(process.execPath, [path.join(root, 'bin', 'riskdesk.mjs'), 'serve', '--db', workspace, '--user', user, '--demo'], childEnv),
    log: (line) => console.log(line),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  launch(systemLauncher()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(`RiskDesk could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
