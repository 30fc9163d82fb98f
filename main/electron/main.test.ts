// main.ts end to end without an Electron binary: `electron` resolves to fixtures/fake-electron.ts, and the test
// drives the real wiring (ApiService, demo workspace, locator, IPC handlers) through what main.ts registered.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { METHOD_NAMES, type ApiOutcome } from '../../preload/contract/index.ts';
import { tempDir } from '../test-support/temp-workspace.ts';
import { CONTENT_SECURITY_POLICY } from './content-security.ts';
import { DEMO_CREDENTIALS } from './demo-workspace.ts';

const FAKE_ELECTRON = new URL('./fixtures/fake-electron.ts', import.meta.url).href;
const RESOLVE_HOOK = `export async function resolve(specifier, context, next) {
  return specifier === 'electron' ? { url: ${JSON.stringify(FAKE_ELECTRON)}, shortCircuit: true } : next(specifier, context);
}`;

type Fake = typeof import('./fixtures/fake-electron.ts');
let fake: Fake;
// At the top level: tempDir's clean-up then runs when the file ends, not when the before hook does.
const home = path.join(tempDir('riskdesk-main-'), 'RiskDesk');

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function theWindow() {
  const window = fake.windows[0];
  assert.ok(window, 'the main window');
  return window;
}

async function invoke(method: string, args: unknown, frame?: { url: string; parent: unknown }): Promise<ApiOutcome<unknown>> {
  const window = theWindow();
  const handler = fake.ipcHandlers.get(`riskdesk:${method}`) as ((event: unknown, args: unknown) => Promise<ApiOutcome<unknown>>) | undefined;
  assert.ok(handler, `a handler for ${method}`);
  return handler({ sender: window.webContents, senderFrame: frame ?? window.webContents.mainFrame }, args);
}

function resultOf<T>(outcome: ApiOutcome<unknown>): T {
  assert.ok(outcome.ok, JSON.stringify(outcome));
  return outcome.result as T;
}

before(async () => {
  process.env.RISKDESK_HOME = home;
  delete process.env.RISKDESK_DEV;
  register(`data:text/javascript,${encodeURIComponent(RESOLVE_HOOK)}`);
  fake = await import('./fixtures/fake-electron.ts');
  await import('./main.ts');
  await waitFor(() => fake.windows.length === 1 && fake.menus.length === 1, 'the window and the menu');
  assert.deepEqual(fake.errors, []);
});

describe('main.ts with a fake electron', () => {
  it('sets up before ready: data folder, app:// scheme, sandbox, single instance', () => {
    assert.equal(fake.paths.get('userData'), home);
    assert.equal(fake.paths.get('sessionData'), path.join(home, 'chromium'));
    assert.deepEqual(fake.privilegedSchemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const order = (call: string) => fake.calls.indexOf(call);
    assert.ok(order('protocol.registerSchemesAsPrivileged') >= 0 && order('protocol.registerSchemesAsPrivileged') < order('app.whenReady'));
    assert.ok(order('app.enableSandbox') >= 0 && order('app.enableSandbox') < order('app.whenReady'));
    assert.ok(order('app.requestSingleInstanceLock') >= 0);
  });

  it('brings its window forward when a second instance starts', () => {
    fake.app.emit('second-instance');
    assert.ok(fake.calls.includes('window.focus'));
  });

  it('opens one locked-down window on app://riskdesk with the CommonJS preload', () => {
    const window = theWindow();
    const prefs = window.options.webPreferences as Record<string, unknown>;
    assert.equal(window.loadedUrl, 'app://riskdesk/index.html');
    assert.match(String(prefs.preload), /[/\\]preload[/\\]index\.cjs$/);
    for (const [flag, value] of Object.entries({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false })) {
      assert.equal(prefs[flag], value, flag);
    }
    assert.equal(window.webContents.listenerCount('will-navigate'), 1);
    assert.deepEqual(window.webContents.windowOpenHandler?.({ url: 'https://example.com' } as never), { action: 'deny' });
    assert.ok(fake.calls.includes('shell.openExternal https://example.com'));
  });

  it('installs the CSP, denies permissions and serves app:// with the CSP', async () => {
    const answers: unknown[] = [];
    fake.sessionHandlers.headers!({ responseHeaders: {} } as never, ((answer: unknown) => answers.push(answer)) as never);
    assert.deepEqual(answers, [{ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }]);
    const granted: boolean[] = [];
    fake.sessionHandlers.permissionRequest!({} as never, 'media' as never, ((answer: boolean) => granted.push(answer)) as never);
    assert.deepEqual(granted, [false]);
    const handler = fake.protocolHandlers.get('app');
    assert.ok(handler);
    const response = await handler(new Request('app://riskdesk/index.html'));
    assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
  });

  it('handles every contract method on its channel and nothing else; a subframe is refused', async () => {
    assert.deepEqual([...fake.ipcHandlers.keys()].sort(), METHOD_NAMES.map((method) => `riskdesk:${method}`).sort());
    const refused = await invoke('session.status', {}, { url: 'app://riskdesk/index.html', parent: theWindow().webContents.mainFrame });
    assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN');
  });

  it('offers the demo workspace created on first start, unlocks it, and locks it on suspend with an event', async () => {
    const recent = resultOf<{ path: string; demo: boolean }[]>(await invoke('session.recentWorkspaces', {}));
    assert.deepEqual(recent.map((w) => [path.basename(w.path), w.demo]), [['RiskDesk demo.rdw', true]]);
    const unlocked = resultOf<{ state: string; workspace: { demo: boolean } }>(await invoke('session.unlock', { passphrase: DEMO_CREDENTIALS.passphrase }));
    assert.equal(unlocked.state, 'unlocked');
    assert.equal(unlocked.workspace.demo, true);

    fake.powerMonitor.emit('suspend');
    await waitFor(() => theWindow().webContents.sent.some(([channel]) => channel === 'riskdesk-event:session.locked'), 'the locked event');
    assert.equal(resultOf<{ state: string }>(await invoke('session.status', {})).state, 'locked');
  });

  it('File › Open Workspace… allows the picked file, puts it first and reloads the page', async () => {
    const picked = path.join(home, 'picked.rdw');
    fs.writeFileSync(picked, '');
    fake.dialog.openDialogAnswer = { canceled: false, filePaths: [picked] };
    const [menu] = fake.menus as { template: { label?: string; submenu?: { label?: string; click?: () => void }[] }[] }[];
    menu!.template.find((item) => item.label === '&File')!.submenu!.find((item) => item.label === 'Open Workspace…')!.click!();
    await waitFor(() => theWindow().webContents.reloads === 1, 'the reload');
    const recent = resultOf<{ path: string }[]>(await invoke('session.recentWorkspaces', {}));
    assert.equal(recent[0]?.path, picked);
    const refused = await invoke('session.unlock', { workspace: path.join(home, 'not-picked.rdw'), passphrase: 'whatever-it-is' });
    assert.equal(!refused.ok && refused.error.code, 'INVALID_ARGUMENT');
  });

  it('saves the window state on close and closes the API before quitting', async () => {
    theWindow().emit('close');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(home, 'window-state.json'), 'utf8')), { bounds: { x: 10, y: 20, width: 1300, height: 800 }, maximized: false });
    let prevented = false;
    fake.app.emit('will-quit', { preventDefault: () => (prevented = true) });
    assert.equal(prevented, true);
    await waitFor(() => fake.calls.includes('app.quit'), 'the quit after closing');
    fake.app.emit('will-quit', { preventDefault: () => assert.fail('the second will-quit goes through') });
  });
});
