// Runs the preload as Electron will: the CommonJS bundle that `npm run build:preload` makes, evaluated in a
// fresh context whose `require('electron')` returns fake contextBridge and ipcRenderer objects.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import vm from 'node:vm';
import { EVENT_NAMES, IPC_CHANNEL_PREFIX, IPC_EVENT_PREFIX, METHOD_NAMES } from '../../preload/contract/index.ts';
import { tempDir } from '../test-support/temp-workspace.ts';

type Listener = (event: unknown, payload: unknown) => void;

interface LoadedPreload {
  exposed: Map<string, Record<string, unknown>>;
  invocations: { channel: string; args: unknown[] }[];
  listeners: Map<string, Set<Listener>>;
  requested: string[];
}

let bundle = '';

before(() => {
  const outfile = path.join(tempDir('riskdesk-preload-'), 'index.cjs');
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../preload/build.mjs'), '--outfile', outfile]);
  bundle = fs.readFileSync(outfile, 'utf8');
});

function loadPreload(): LoadedPreload {
  const loaded: LoadedPreload = { exposed: new Map(), invocations: [], listeners: new Map(), requested: [] };
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      loaded.invocations.push({ channel, args });
      return Promise.resolve({ ok: true, result: { echoed: channel } });
    },
    on: (channel: string, listener: Listener) => {
      const set = loaded.listeners.get(channel) ?? new Set();
      set.add(listener);
      loaded.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: Listener) => loaded.listeners.get(channel)?.delete(listener),
    send: () => assert.fail('the preload must not use ipcRenderer.send'),
    sendSync: () => assert.fail('the preload must not use ipcRenderer.sendSync'),
  };
  const contextBridge = {
    exposeInMainWorld: (key: string, api: Record<string, unknown>) => loaded.exposed.set(key, api),
  };
  const sandboxRequire = (name: string): unknown => {
    loaded.requested.push(name);
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(bundle, { require: sandboxRequire, module, exports: module.exports, console });
  return loaded;
}

function bridgeOf(loaded: LoadedPreload): Record<string, (...args: unknown[]) => unknown> {
  const bridge = loaded.exposed.get('riskdesk');
  assert.ok(bridge, 'window.riskdesk is exposed');
  return bridge as Record<string, (...args: unknown[]) => unknown>;
}

describe('preload (the built CommonJS bundle, fake electron)', () => {
  it('requires electron only and exposes one object, window.riskdesk', () => {
    const loaded = loadPreload();
    assert.deepEqual(loaded.requested, ['electron']);
    assert.deepEqual([...loaded.exposed.keys()], ['riskdesk']);
  });

  it('exposes exactly one function per contract method plus on(), and nothing else', () => {
    const bridge = bridgeOf(loadPreload());
    assert.deepEqual(Object.keys(bridge).sort(), [...METHOD_NAMES, 'on'].sort());
    for (const [key, value] of Object.entries(bridge)) assert.equal(typeof value, 'function', key);
  });

  it('invokes each method on its own channel with the arguments ({} when none are given)', async () => {
    const loaded = loadPreload();
    const bridge = bridgeOf(loaded);
    for (const method of METHOD_NAMES) {
      assert.deepEqual(await bridge[method]!({ probe: method }), { ok: true, result: { echoed: `${IPC_CHANNEL_PREFIX}${method}` } });
    }
    await bridge['session.status']!();
    // JSON drops the other realm's prototypes ({} made inside the preload's context is not this realm's Object).
    assert.deepEqual(
      JSON.parse(JSON.stringify(loaded.invocations)),
      [...METHOD_NAMES.map((method) => ({ channel: `${IPC_CHANNEL_PREFIX}${method}`, args: [{ probe: method }] })), { channel: 'riskdesk:session.status', args: [{}] }],
    );
  });

  it('on() delivers the payload of a contract event (not the IPC event) until unsubscribed', () => {
    const loaded = loadPreload();
    const bridge = bridgeOf(loaded);
    for (const event of EVENT_NAMES) {
      const received: unknown[] = [];
      const unsubscribe = bridge.on!(event, (payload: unknown) => received.push(payload)) as () => void;
      const channel = `${IPC_EVENT_PREFIX}${event}`;
      const [listener] = [...(loaded.listeners.get(channel) ?? [])];
      assert.ok(listener, `a listener on ${channel}`);
      listener({ sender: 'the ipcRenderer itself' }, { reason: 'idle' });
      assert.deepEqual(received, [{ reason: 'idle' }]);
      unsubscribe();
      assert.equal(loaded.listeners.get(channel)?.size, 0);
    }
  });

  it('on() refuses events outside the contract and listeners that are not functions', () => {
    const loaded = loadPreload();
    const bridge = bridgeOf(loaded);
    assert.throws(() => bridge.on!('riskdesk:session.unlock', () => {}), /unknown event/);
    assert.throws(() => bridge.on!('__proto__', () => {}), /unknown event/);
    assert.throws(() => bridge.on!('session.locked', 'not a function'), /must be a function/);
    assert.equal(loaded.listeners.size, 0);
  });
});
