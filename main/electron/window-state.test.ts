import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { tempDir } from '../test-support/temp-workspace.ts';
import { parseWindowState, placeWindow, readWindowState, trackWindowState, windowStateFile, writeWindowState, type WindowState } from './window-state.ts';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('accepts only whole-number bounds and a maximized flag', () => {
    const good = { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true };
    assert.deepEqual(parseWindowState(good), good);
    for (const bad of [
      null,
      'x',
      { bounds: { x: 10, y: 20, width: 1200 }, maximized: false },
      { bounds: { x: 10.5, y: 20, width: 1200, height: 800 }, maximized: false },
      { bounds: { x: 10, y: 20, width: -5, height: 800 }, maximized: false },
      { bounds: { x: 1e9, y: 20, width: 1200, height: 800 }, maximized: false },
      { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: 'yes' },
    ]) {
      assert.equal(parseWindowState(bad), null, JSON.stringify(bad));
    }
  });

  it('opens centred at the default size (fitted to the display) the first time', () => {
    assert.deepEqual(placeWindow(null, [primary]), { width: 1440, height: 900, maximized: false });
    assert.deepEqual(placeWindow(null, [{ x: 0, y: 0, width: 1280, height: 720 }]), { width: 1280, height: 720, maximized: false });
  });

  it('restores a position on a display that still exists, moved fully onto it', () => {
    const saved: WindowState = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: true };
    assert.deepEqual(placeWindow(saved, [primary, right]), { x: 2000, y: 100, width: 1600, height: 1000, maximized: true });
    const overhanging: WindowState = { bounds: { x: 1500, y: 500, width: 1000, height: 800 }, maximized: false };
    assert.deepEqual(placeWindow(overhanging, [primary]), { x: 920, y: 240, width: 1000, height: 800, maximized: false });
  });

  it('centres on the primary display when the saved display is gone or the title bar is off-screen', () => {
    const onUnplugged: WindowState = { bounds: { x: 2000, y: 100, width: 2400, height: 1300 }, maximized: false };
    assert.deepEqual(placeWindow(onUnplugged, [primary]), { width: 1920, height: 1040, maximized: false });
    const titleBarAbove: WindowState = { bounds: { x: 100, y: -500, width: 1200, height: 800 }, maximized: false };
    assert.deepEqual(placeWindow(titleBarAbove, [primary]), { width: 1200, height: 800, maximized: false });
  });

  it('is saved on close and read back; a damaged file reads as none', () => {
    const file = windowStateFile(tempDir('riskdesk-window-'));
    let onClose: (() => void) | undefined;
    const window = {
      on: (_event: 'close', listener: () => void) => (onClose = listener),
      getNormalBounds: () => ({ x: 40, y: 30, width: 1300, height: 850 }),
      isMaximized: () => true,
    };
    trackWindowState(window, (state) => writeWindowState(file, state));
    assert.equal(readWindowState(file), null);
    onClose!();
    assert.deepEqual(readWindowState(file), { bounds: { x: 40, y: 30, width: 1300, height: 850 }, maximized: true });
    fs.writeFileSync(file, '{"bounds":');
    assert.equal(readWindowState(file), null);
  });
});
