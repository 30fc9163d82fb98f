import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EVENT_NAMES, METHOD_NAMES, type ApiOutcome, type EventName } from '../../preload/contract/index.ts';
import { forwardApiEvents, isTrustedSender, registerApiHandlers, type ApiWindow, type SenderEvent } from './ipc-bridge.ts';

type Handler = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const removed: string[] = [];
  const ipcMain = {
    handle: (channel: string, handler: Handler) => {
      assert.equal(handlers.has(channel), false, `${channel} registered once`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => {
      removed.push(channel);
      handlers.delete(channel);
    },
  };
  return { ipcMain: ipcMain as unknown as Parameters<typeof registerApiHandlers>[0]['ipcMain'], handlers, removed };
}

function fakeWindow(url = 'app://riskdesk/index.html') {
  const mainFrame = { url, parent: null };
  const sent: [string, unknown][] = [];
  let destroyed = false;
  const window = {
    isDestroyed: () => destroyed,
    webContents: { mainFrame, send: (channel: string, payload: unknown) => sent.push([channel, payload]), isDestroyed: () => destroyed },
  };
  return { window: window as ApiWindow, mainFrame, sent, destroy: () => (destroyed = true) };
}

function eventFrom(sender: unknown, senderFrame: unknown): SenderEvent {
  return { sender, senderFrame } as unknown as SenderEvent;
}

describe('IPC sender check', () => {
  it('accepts the main frame of our window showing an app:// page', () => {
    const { window, mainFrame } = fakeWindow();
    assert.equal(isTrustedSender(eventFrom(window.webContents, mainFrame), window), true);
  });

  it('refuses subframes, other web contents, other origins, a gone frame or window', () => {
    const ours = fakeWindow();
    const subframe = { url: 'app://riskdesk/index.html', parent: ours.mainFrame };
    assert.equal(isTrustedSender(eventFrom(ours.window.webContents, subframe), ours.window), false, 'subframe');
    assert.equal(isTrustedSender(eventFrom(ours.window.webContents, null), ours.window), false, 'frame gone');
    const other = fakeWindow();
    assert.equal(isTrustedSender(eventFrom(other.window.webContents, other.mainFrame), ours.window), false, 'another window');
    assert.equal(isTrustedSender(eventFrom(ours.window.webContents, ours.mainFrame), null), false, 'no window');
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://evil/index.html', 'about:blank']) {
      const foreign = fakeWindow(url);
      assert.equal(isTrustedSender(eventFrom(foreign.window.webContents, foreign.mainFrame), foreign.window), false, url);
    }
    ours.destroy();
    assert.equal(isTrustedSender(eventFrom(ours.window.webContents, ours.mainFrame), ours.window), false, 'destroyed');
  });
});

describe('IPC handlers', () => {
  it('registers exactly one handler per contract method on riskdesk:<method>, and no other channel', () => {
    const { ipcMain, handlers, removed } = fakeIpcMain();
    const dispose = registerApiHandlers({ ipcMain, api: { call: async () => ({ ok: true, result: null }) }, isTrusted: () => true });
    assert.deepEqual([...handlers.keys()].sort(), METHOD_NAMES.map((method) => `riskdesk:${method}`).sort());
    dispose();
    assert.equal(handlers.size, 0);
    assert.equal(removed.length, METHOD_NAMES.length);
  });

  it('passes a trusted call to api.call with its method and raw arguments, and returns the outcome', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const calls: [string, unknown][] = [];
    const outcome: ApiOutcome<unknown> = { ok: false, error: { code: 'VALIDATION', message: 'bad', details: [{ path: ['x'] }] } };
    const { window, mainFrame } = fakeWindow();
    registerApiHandlers({
      ipcMain,
      api: { call: async (method, args) => (calls.push([method, args]), method === 'portfolio.loans' ? outcome : { ok: true, result: 'fine' }) },
      isTrusted: (event) => isTrustedSender(event, window),
    });
    const good = eventFrom(window.webContents, mainFrame);
    assert.deepEqual(await handlers.get('riskdesk:session.status')!(good, {}), { ok: true, result: 'fine' });
    assert.deepEqual(await handlers.get('riskdesk:portfolio.loans')!(good, { startRow: 'x' }, 'ignored extra'), outcome);
    assert.deepEqual(calls, [['session.status', {}], ['portfolio.loans', { startRow: 'x' }]]);
  });

  it('refuses a foreign sender with FORBIDDEN without calling the API', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const refused: string[] = [];
    const { window, mainFrame } = fakeWindow();
    registerApiHandlers({
      ipcMain,
      api: { call: async () => assert.fail('a foreign call must not reach the API') },
      isTrusted: (event) => isTrustedSender(event, window),
      onRefused: (method) => refused.push(method),
    });
    const subframe = eventFrom(window.webContents, { url: 'app://riskdesk/index.html', parent: mainFrame });
    const outcome = (await handlers.get('riskdesk:session.unlock')!(subframe, { passphrase: 'x' })) as ApiOutcome<unknown>;
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.error.code, 'FORBIDDEN');
    assert.deepEqual(refused, ['session.unlock']);
  });

  it('answers INTERNAL (never a rejection) when the API throws', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerApiHandlers({ ipcMain, api: { call: async () => { throw new Error('secret stack'); } }, isTrusted: () => true });
    const outcome = (await handlers.get('riskdesk:dashboard.summary')!(eventFrom(null, null), {})) as ApiOutcome<unknown>;
    assert.equal(!outcome.ok && outcome.error.code, 'INTERNAL');
    assert.doesNotMatch(JSON.stringify(outcome), /secret stack/);
  });
});

describe('event forwarding', () => {
  function fakeApi() {
    let listener: ((name: EventName, payload: unknown) => void) | undefined;
    let unsubscribed = false;
    return {
      api: { onEvent: (l: typeof listener) => ((listener = l), () => (unsubscribed = true)) } as Parameters<typeof forwardApiEvents>[0],
      emit: (name: string, payload: unknown) => listener!(name as EventName, payload),
      unsubscribed: () => unsubscribed,
    };
  }

  it('sends each contract event to the window on riskdesk-event:<name>', () => {
    const { api, emit, unsubscribed } = fakeApi();
    const { window, sent } = fakeWindow();
    const stop = forwardApiEvents(api, () => window);
    for (const name of EVENT_NAMES) emit(name, { name });
    emit('not.an.event', {});
    assert.deepEqual(sent, EVENT_NAMES.map((name) => [`riskdesk-event:${name}`, { name }]));
    stop();
    assert.equal(unsubscribed(), true);
  });

  it('drops events while there is no window, or after it is destroyed', () => {
    const { api, emit } = fakeApi();
    const { window, sent, destroy } = fakeWindow();
    let current: ApiWindow | null = null;
    forwardApiEvents(api, () => current);
    emit('session.locked', { reason: 'idle' });
    current = window;
    destroy();
    emit('session.locked', { reason: 'idle' });
    assert.deepEqual(sent, []);
  });
});
