import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guardWebContents } from './web-contents-guards.ts';
import { isDevelopment, mainWindowOptions } from './window-options.ts';

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, listener: (event: { preventDefault(): void }) => void) => listeners.set(name, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
  };
  const prevented = (name: string): boolean => {
    let stopped = false;
    const listener = listeners.get(name);
    assert.ok(listener, `a ${name} listener`);
    listener({ preventDefault: () => (stopped = true) });
    return stopped;
  };
  return { contents: contents as unknown as Parameters<typeof guardWebContents>[0], prevented, open: (url: string) => openHandler!({ url }) };
}

describe('web contents guards', () => {
  it('prevents navigation of the main frame and of subframes, and <webview>', () => {
    const fake = fakeContents();
    guardWebContents(fake.contents, () => assert.fail('nothing opened'));
    assert.equal(fake.prevented('will-navigate'), true);
    assert.equal(fake.prevented('will-frame-navigate'), true);
    assert.equal(fake.prevented('will-attach-webview'), true);
  });

  it('denies every new window, handing only https links to the system browser', () => {
    const fake = fakeContents();
    const opened: string[] = [];
    guardWebContents(fake.contents, (url) => opened.push(url));
    for (const url of ['https://example.com/docs', 'http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://riskdesk/index.html', 'smb://host/share', 'garbage']) {
      assert.deepEqual(fake.open(url), { action: 'deny' }, url);
    }
    assert.deepEqual(opened, ['https://example.com/docs']);
  });
});

describe('main window options', () => {
  it('turns on every renderer restriction and loads the preload', () => {
    const options = mainWindowOptions({ preloadPath: '/app/dist/preload/index.cjs', devTools: false, bounds: { width: 1200, height: 800 } });
    assert.deepEqual(
      { ...options.webPreferences },
      {
        preload: '/app/dist/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        spellcheck: false,
        devTools: false,
      },
    );
    assert.equal(options.show, false);
    assert.equal(options.width, 1200);
    assert.equal(options.x, undefined);
  });

  it('allows devtools only unpackaged with RISKDESK_DEV=1', () => {
    assert.equal(isDevelopment(false, { RISKDESK_DEV: '1' }), true);
    assert.equal(isDevelopment(true, { RISKDESK_DEV: '1' }), false);
    assert.equal(isDevelopment(false, {}), false);
    assert.equal(isDevelopment(false, { RISKDESK_DEV: 'true' }), false);
    assert.equal(mainWindowOptions({ preloadPath: 'p', devTools: true, bounds: { width: 1, height: 1 } }).webPreferences?.devTools, true);
  });
});
