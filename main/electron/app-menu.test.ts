import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import { applicationMenuTemplate, type MenuActions } from './app-menu.ts';
import { LOCKING_SYSTEM_EVENTS, lockOnSystemEvents } from './system-lock.ts';

function recordingActions() {
  const done: string[] = [];
  const actions: MenuActions = { openWorkspace: () => done.push('open'), lockWorkspace: () => done.push('lock'), showAbout: () => done.push('about') };
  return { actions, done };
}

function items(menu: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const top = menu.find((item) => item.label === label);
  assert.ok(top, `a ${label} menu`);
  return (top.submenu ?? []) as MenuItemConstructorOptions[];
}

const roles = (list: MenuItemConstructorOptions[]) => list.flatMap((item) => (item.role ? [item.role] : []));
const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('application menu', () => {
  it('has File (open, lock, quit), Edit, View, Window and Help (about)', () => {
    const { actions, done } = recordingActions();
    const menu = applicationMenuTemplate({ platform: 'linux', development: false, actions });
    assert.deepEqual(menu.map((item) => item.label), ['&File', '&Edit', '&View', '&Window', '&Help']);
    const file = items(menu, '&File');
    click(file.find((item) => item.label === 'Open Workspace…'));
    click(file.find((item) => item.label === 'Lock Workspace'));
    click(items(menu, '&Help').find((item) => item.label === 'About RiskDesk'));
    assert.deepEqual(done, ['open', 'lock', 'about']);
    assert.deepEqual(roles(file), ['quit']);
    assert.equal(menu.find((item) => item.label === '&Edit')?.role, 'editMenu');
  });

  it('offers reload and devtools in development only', () => {
    const { actions } = recordingActions();
    const product = roles(items(applicationMenuTemplate({ platform: 'linux', development: false, actions }), '&View'));
    assert.deepEqual(product, ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    const development = roles(items(applicationMenuTemplate({ platform: 'linux', development: true, actions }), '&View'));
    assert.deepEqual(development, ['reload', 'forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('puts the app menu first on macOS, where File closes the window and the app menu quits', () => {
    const { actions } = recordingActions();
    const menu = applicationMenuTemplate({ platform: 'darwin', development: false, actions });
    assert.equal(menu[0]?.label, 'RiskDesk');
    assert.ok(roles(items(menu, 'RiskDesk')).includes('quit'));
    assert.deepEqual(roles(items(menu, '&File')), ['close']);
  });
});

describe('lock on system events', () => {
  it('locks on suspend and on screen lock', () => {
    const listeners = new Map<string, () => void>();
    let locks = 0;
    lockOnSystemEvents({ on: ((event: string, listener: () => void) => listeners.set(event, listener)) as never }, () => locks++);
    assert.deepEqual([...listeners.keys()], [...LOCKING_SYSTEM_EVENTS]);
    for (const listener of listeners.values()) listener();
    assert.equal(locks, 2);
  });
});
