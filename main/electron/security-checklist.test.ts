// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), plus the checks of
// Electronegativity that it does not name, as one list: each item says where RiskDesk enforces it and checks it
// here, statically over main/electron and the preload, and through the objects main.ts builds (window options,
// guards, handlers). Several items also have tests of their own (named in `where`); main.test.ts checks that
// main.ts wires each piece. README's "Electron security review" is this list in prose: change both together.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { applicationMenuTemplate } from './app-menu.ts';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, rendererFileFor } from './app-protocol.ts';
import { CONTENT_SECURITY_POLICY, denyAllPermissions } from './content-security.ts';
import { isTrustedSender, type ApiWindow, type SenderEvent } from './ipc-bridge.ts';
import { guardWebContents } from './web-contents-guards.ts';
import { isDevelopment, mainWindowOptions } from './window-options.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The code that runs in Electron: main/electron (not its tests or fixtures) and the preload. */
const SOURCES = [
  ...fs
    .readdirSync(path.join(ROOT, 'main/electron'))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => `main/electron/${name}`),
  'preload/index.ts',
].map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), 'utf8') }));

/** The files whose source matches `pattern`. */
function filesMatching(pattern: RegExp): string[] {
  return SOURCES.filter(({ text }) => pattern.test(text)).map(({ file }) => file);
}

const prefs = mainWindowOptions({ preloadPath: '/app/dist/preload/index.cjs', devTools: false, bounds: { width: 1200, height: 800 } }).webPreferences ?? {};

/** Runs guardWebContents on a stand-in web contents and reports what each event and window request does. */
function guarded() {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const opened: string[] = [];
  const contents = {
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  } as unknown as Parameters<typeof guardWebContents>[0];
  guardWebContents(contents, (url) => opened.push(url));
  const prevents = (name: string): boolean => {
    let prevented = false;
    listeners.get(name)?.({ preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { prevents, open: (url: string) => openHandler?.({ url }), opened };
}

interface ChecklistItem {
  /** The item as the checklist (or Electronegativity) names it. */
  readonly item: string;
  /** Where RiskDesk enforces it, and which other test covers it. */
  readonly where: string;
  readonly check: () => void | Promise<void>;
}

const CHECKLIST: readonly ChecklistItem[] = [
  {
    item: '1. Only load secure content',
    where: 'main.ts loads app://riskdesk/ only (app-protocol.ts), a secure scheme served from the packaged files; nothing is fetched over http',
    check: () => {
      assert.equal(APP_SCHEME_PRIVILEGES.privileges.secure, true);
      assert.deepEqual(filesMatching(/\.loadURL\(/), ['main/electron/main.ts']);
      assert.match(SOURCES.find(({ file }) => file === 'main/electron/main.ts')!.text, /\.loadURL\(APP_ENTRY_URL\)/);
      assert.equal(APP_ENTRY_URL, 'app://riskdesk/index.html');
      assert.deepEqual(filesMatching(/\.loadFile\(|['"`]http:\/\//), []);
    },
  },
  {
    item: '2. Do not enable Node.js integration for remote content (nor in workers or subframes)',
    where: 'window-options.ts (web-contents-guards.test.ts, main.test.ts)',
    check: () => {
      assert.equal(prefs.nodeIntegration, false);
      assert.equal(prefs.nodeIntegrationInWorker, false);
      assert.equal(prefs.nodeIntegrationInSubFrames, false);
    },
  },
  { item: '3. Enable context isolation', where: 'window-options.ts', check: () => assert.equal(prefs.contextIsolation, true) },
  {
    item: '4. Enable process sandboxing',
    where: 'window-options.ts (sandbox: true) and main.ts (app.enableSandbox() before ready, main.test.ts)',
    check: () => {
      assert.equal(prefs.sandbox, true);
      assert.deepEqual(filesMatching(/app\.enableSandbox\(\)/), ['main/electron/main.ts']);
    },
  },
  {
    item: '5. Handle session permission requests (deny by default)',
    where: 'content-security.ts denyAllPermissions, on the default session (content-security.test.ts, main.test.ts)',
    check: () => {
      const handlers: Record<string, (...args: unknown[]) => unknown> = {};
      denyAllPermissions({
        setPermissionRequestHandler: (handler: (...args: unknown[]) => unknown) => (handlers.request = handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => unknown) => (handlers.check = handler),
        setDevicePermissionHandler: (handler: (...args: unknown[]) => unknown) => (handlers.device = handler),
      } as unknown as Parameters<typeof denyAllPermissions>[0]);
      const answers: boolean[] = [];
      handlers.request!({}, 'media', (granted: boolean) => answers.push(granted), {});
      assert.deepEqual([answers, handlers.check!({}, 'notifications', APP_ENTRY_URL, {}), handlers.device!({ deviceType: 'hid' })], [[false], false, false]);
    },
  },
  { item: '6. Do not disable webSecurity', where: 'window-options.ts', check: () => assert.equal(prefs.webSecurity, true) },
  {
    item: '7. Define a Content Security Policy',
    where: 'content-security.ts: on every app:// response (app-protocol.ts) and every response of the session; renderer/index.html repeats it as a meta tag',
    check: () => {
      for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
        assert.ok(CONTENT_SECURITY_POLICY.includes(directive), directive);
      }
      assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    },
  },
  { item: '8. Do not enable allowRunningInsecureContent', where: 'window-options.ts', check: () => assert.equal(prefs.allowRunningInsecureContent, false) },
  {
    item: '9. Do not enable experimental features',
    where: 'window-options.ts',
    check: () => {
      assert.equal(prefs.experimentalFeatures, false);
      assert.deepEqual(filesMatching(/experimentalFeatures:\s*true/), []);
    },
  },
  { item: '10. Do not use enableBlinkFeatures', where: 'nowhere in main/electron or the preload', check: () => assert.deepEqual(filesMatching(/enableBlinkFeatures/), []) },
  {
    item: '11. <webview>: do not use allowpopups',
    where: 'window-options.ts (webviewTag: false): there is no <webview> at all',
    check: () => {
      assert.equal(prefs.webviewTag, false);
      assert.deepEqual(filesMatching(/allowpopups|webviewTag:\s*true/), []);
    },
  },
  {
    item: '12. <webview>: verify options and params',
    where: "web-contents-guards.ts prevents 'will-attach-webview' for every web contents (web-contents-guards.test.ts)",
    check: () => assert.equal(guarded().prevents('will-attach-webview'), true),
  },
  {
    item: '13. Disable or limit navigation',
    where: "web-contents-guards.ts prevents 'will-navigate' and 'will-frame-navigate'; the router uses the history API, which fires neither",
    check: () => {
      const contents = guarded();
      assert.deepEqual([contents.prevents('will-navigate'), contents.prevents('will-frame-navigate')], [true, true]);
      assert.equal(prefs.navigateOnDragDrop, false);
    },
  },
  {
    item: '14. Disable or limit creation of new windows',
    where: "web-contents-guards.ts: setWindowOpenHandler answers 'deny' to every request, on every web contents (app 'web-contents-created' in main.ts)",
    check: () => {
      const contents = guarded();
      for (const url of ['https://example.com/', APP_ENTRY_URL, 'about:blank']) assert.deepEqual(contents.open(url), { action: 'deny' });
      assert.deepEqual(filesMatching(/app\.on\('web-contents-created', .*guardWebContents\(/), ['main/electron/main.ts']);
    },
  },
  {
    item: '15. Do not use shell.openExternal with untrusted content',
    where: 'web-contents-guards.ts hands only https: links to the system browser (never file:, smb:, javascript: or custom schemes); main.ts calls openExternal nowhere else',
    check: () => {
      const contents = guarded();
      for (const url of ['https://example.com/docs', 'http://example.com/', 'file:///etc/passwd', 'smb://host/share', 'ms-msdt:/id', 'javascript:alert(1)']) contents.open(url);
      assert.deepEqual(contents.opened, ['https://example.com/docs']);
      assert.equal(SOURCES.map(({ text }) => text.match(/openExternal\(/g)?.length ?? 0).reduce((a, b) => a + b), 2, 'the guard and the one call in main.ts');
    },
  },
  {
    item: '16. Use a current version of Electron',
    where: 'package.json pins Electron 45 (installed as 45.x); justified: checked at each review, as no offline test can know the newest release',
    check: () => {
      const installed = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string };
      assert.ok(Number(installed.version.split('.')[0]) >= 45, installed.version);
    },
  },
  {
    item: '17. Validate the sender of all IPC messages',
    where: 'ipc-bridge.ts isTrustedSender: our window, its main frame, an app://riskdesk page (ipc-bridge.test.ts); one ipcMain.handle per contract method, no ipcMain.on',
    check: () => {
      const mainFrame = { url: APP_ENTRY_URL };
      const window = { isDestroyed: () => false, webContents: { mainFrame, send: () => undefined, isDestroyed: () => false } } satisfies ApiWindow;
      const event = (sender: unknown, frame: unknown) => ({ sender, senderFrame: frame }) as unknown as SenderEvent;
      assert.equal(isTrustedSender(event(window.webContents, mainFrame), window), true);
      assert.equal(isTrustedSender(event(window.webContents, { url: APP_ENTRY_URL }), window), false, 'a subframe');
      assert.equal(isTrustedSender(event({}, mainFrame), window), false, 'another web contents');
      assert.equal(isTrustedSender(event(window.webContents, mainFrame), { ...window, webContents: { ...window.webContents, mainFrame: { url: 'https://evil.example/' } } }), false);
      assert.deepEqual(filesMatching(/ipcMain\.on\(|ipcMain\.once\(/), []);
    },
  },
  {
    item: '18. Avoid the file:// protocol; prefer custom protocols',
    where: 'app-protocol.ts serves dist/renderer as app://riskdesk/, refusing paths that leave that folder (app-protocol.test.ts)',
    check: () => {
      const root = '/opt/riskdesk/dist/renderer';
      for (const url of ['app://riskdesk/..%2f..%2fetc%2fpasswd', 'app://riskdesk/%2e%2e%2f%2e%2e%2fetc/passwd', 'app://riskdesk/a%00.js', 'app://other/index.html', 'file:///etc/passwd']) {
        const file = rendererFileFor(root, url);
        assert.ok(file === null || file.startsWith(`${root}/`), `${url} → ${file}`);
      }
      assert.deepEqual(filesMatching(/['"`]file:\/\//), []);
    },
  },
  {
    item: '19. Check which fuses you can change',
    where: 'electron-builder.yml electronFuses: no RunAsNode, NODE_OPTIONS or --inspect; app only from the asar, asar integrity, encrypted cookies, no extra file: privileges',
    check: async () => {
      const config = await getConfig(ROOT, 'electron-builder.yml', null);
      assert.deepEqual(config.electronFuses, {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
        enableCookieEncryption: true,
        grantFileProtocolExtraPrivileges: false,
      });
    },
  },
  {
    item: '20. Do not expose Electron APIs to untrusted web content',
    where: 'preload/index.ts exposes window.riskdesk only: one function per contract method and on(event), never ipcRenderer (preload.test.ts)',
    check: () => {
      assert.deepEqual(filesMatching(/exposeInMainWorld\(/), ['preload/index.ts']);
      assert.match(SOURCES.find(({ file }) => file === 'preload/index.ts')!.text, /exposeInMainWorld\('riskdesk', createRiskDeskBridge\(ipcRenderer\)\)/);
    },
  },
  {
    item: 'No remote module',
    where: 'not a dependency, never enabled (Electron removed it from core in 14)',
    check: () => {
      const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
      assert.doesNotMatch(manifest, /@electron\/remote/);
      assert.deepEqual(filesMatching(/enableRemoteModule|@electron\/remote/), []);
    },
  },
  {
    item: 'Devtools off in production',
    where: 'window-options.ts isDevelopment (unpackaged and RISKDESK_DEV=1 only) decides devTools and the menu entries (app-menu.test.ts)',
    check: () => {
      assert.equal(isDevelopment(true, { RISKDESK_DEV: '1' }), false);
      assert.equal(prefs.devTools, false);
      const roles = JSON.stringify(applicationMenuTemplate({ platform: 'linux', development: false, actions: { openWorkspace() {}, lockWorkspace() {}, showAbout() {} } }));
      assert.doesNotMatch(roles, /toggleDevTools|reload/i);
      assert.deepEqual(filesMatching(/openDevTools\(/), []);
    },
  },
  {
    item: 'No certificate-error override, custom certificate verifier, or security warnings turned off',
    where: 'nowhere in main/electron or the preload',
    check: () => assert.deepEqual(filesMatching(/'certificate-error'|setCertificateVerifyProc|ELECTRON_DISABLE_SECURITY_WARNINGS/), []),
  },
  {
    item: 'No Chromium switches, and no script or CSS injected from main',
    where: 'nowhere in main/electron or the preload (Electronegativity: CUSTOM_ARGUMENTS, DANGEROUS_FUNCTIONS)',
    check: () => assert.deepEqual(filesMatching(/appendSwitch|appendArgument|executeJavaScript|insertCSS|disable-web-security/), []),
  },
];

describe('Electron security checklist', () => {
  for (const { item, where, check } of CHECKLIST) it(`${item}: ${where}`, check);
});
