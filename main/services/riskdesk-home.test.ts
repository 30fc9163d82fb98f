import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { riskdeskHome } from './riskdesk-home.ts';

describe('riskdeskHome', () => {
  it('honours RISKDESK_HOME on every platform', () => {
    assert.equal(riskdeskHome({ RISKDESK_HOME: '/srv/rd' }, 'linux', '/home/ann'), '/srv/rd');
    assert.equal(riskdeskHome({ RISKDESK_HOME: 'C:\\rd' }, 'win32', 'C:\\Users\\ann'), 'C:\\rd');
  });

  it('uses the per-user application data folder of the platform', () => {
    assert.equal(riskdeskHome({}, 'linux', '/home/ann'), '/home/ann/.local/share/RiskDesk');
    assert.equal(riskdeskHome({ XDG_DATA_HOME: '/data/ann' }, 'linux', '/home/ann'), '/data/ann/RiskDesk');
    assert.equal(riskdeskHome({ XDG_DATA_HOME: 'relative' }, 'linux', '/home/ann'), '/home/ann/.local/share/RiskDesk');
    assert.equal(riskdeskHome({}, 'darwin', '/Users/ann'), '/Users/ann/Library/Application Support/RiskDesk');
    assert.equal(riskdeskHome({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann'), 'C:\\Users\\ann\\AppData\\Roaming\\RiskDesk');
  });
});
