// The Electron main process: wiring only. Each piece it wires is a module of this folder with its own tests;
// what is left here needs the real Electron objects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, screen, session, shell } from 'electron';
import { createApiService } from '../services/api/api-service.ts';
import { folderFileAccess } from '../services/api/file-access.ts';
import { applicationMenuTemplate } from './app-menu.ts';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol.ts';
import { denyAllPermissions, installContentSecurityPolicy } from './content-security.ts';
import { ensureDemoWorkspace } from './demo-workspace.ts';
import { forwardApiEvents, isTrustedSender, registerApiHandlers } from './ipc-bridge.ts';
import { openWorkspaceFromDialog } from './open-workspace.ts';
import { riskdeskHome } from '../services/riskdesk-home.ts';
import { lockOnSystemEvents } from './system-lock.ts';
import { guardWebContents } from './web-contents-guards.ts';
import { isDevelopment, mainWindowOptions } from './window-options.ts';
import { placeWindow, readWindowState, trackWindowState, windowStateFile, writeWindowState } from './window-state.ts';
import { createWorkspaceLocator } from './workspace-locator.ts';

// dist/main/electron/main.js → dist/renderer/ and dist/preload/index.cjs (see electron-builder.yml).
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RENDERER_ROOT = path.join(distDir, 'renderer');
const PRELOAD = path.join(distDir, 'preload', 'index.cjs');

// Before `ready`: one data folder shared with `npm start`'s browser-host fallback (Chromium's own files in a
// subfolder), the app:// scheme, and the sandbox for every renderer.
const home = riskdeskHome(process.env, process.platform, os.homedir());
app.setPath('userData', home);
app.setPath('sessionData', path.join(home, 'chromium'));
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    dialog.showErrorBox('RiskDesk could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
} else {
  // Another RiskDesk is running; it has been told (second-instance) and brings its window forward.
  app.quit();
}

async function start(): Promise<void> {
  const development = isDevelopment(app.isPackaged, process.env);
  let mainWindow: BrowserWindow | null = null;

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, (url) => void shell.openExternal(url)));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  installContentSecurityPolicy(session.defaultSession);
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_ROOT));
  if (!fs.existsSync(path.join(RENDERER_ROOT, 'index.html'))) {
    dialog.showErrorBox('RiskDesk is not built', `There is no renderer in ${RENDERER_ROOT}. Run \`npm run build\` and start again.`);
    app.exit(1);
    return;
  }

  const demo = await ensureDemoWorkspace(home, { onCreate: (file) => console.log(`Creating the demo workspace ${file}…`) });
  const workspaces = createWorkspaceLocator({ dataDir: home, demoPath: demo.path });
  // The window can name files (imports, backups, restores) only in the RiskDesk folder; others are uploaded.
  const api = createApiService({ workspaces, files: folderFileAccess(home) });
  registerApiHandlers({
    ipcMain,
    api,
    isTrusted: (event) => isTrustedSender(event, mainWindow),
    onRefused: (method, event) => console.warn(`RiskDesk refused ${method} from ${event.senderFrame?.url ?? 'a frame that is gone'}`),
  });
  forwardApiEvents(api, () => mainWindow);

  const lock = async (): Promise<void> => {
    const outcome = await api.call('session.lock', {});
    if (!outcome.ok) console.error(`RiskDesk could not lock the workspace: ${outcome.error.message}`);
  };
  lockOnSystemEvents(powerMonitor, () => void lock());

  mainWindow = createMainWindow(development);
  const showAbout = (): void => {
    const options = {
      type: 'info' as const,
      title: 'About RiskDesk',
      message: `RiskDesk ${app.getVersion()}`,
      detail: `Electron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}\nData folder: ${home}`,
    };
    void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
  };
  const openWorkspace = (): void => {
    void openWorkspaceFromDialog({
      showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
      choose: (file) => workspaces.choose(file),
      lock,
      reload: () => mainWindow?.webContents.reload(),
    });
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(applicationMenuTemplate({ platform: process.platform, development, actions: { openWorkspace, lockWorkspace: () => void lock(), showAbout } })),
  );

  // The workspace key leaves memory before the process ends: close the API (and its workspace) first.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    void api.close().finally(() => app.quit());
  });

  function createMainWindow(devTools: boolean): BrowserWindow {
    const stateFile = windowStateFile(home);
    const primary = screen.getPrimaryDisplay();
    const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
    const { maximized, ...bounds } = placeWindow(readWindowState(stateFile), workAreas);
    const window = new BrowserWindow(mainWindowOptions({ preloadPath: PRELOAD, devTools, bounds }));
    trackWindowState(window, (state) => writeWindowState(stateFile, state));
    window.once('ready-to-show', () => {
      if (maximized) window.maximize();
      window.show();
    });
    window.on('closed', () => {
      mainWindow = null;
    });
    void window.loadURL(APP_ENTRY_URL);
    return window;
  }
}
