import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { unlockWorkspace } from '../services/workspace-service.ts';
import { FIXED_NOW, tempDir } from '../test-support/temp-workspace.ts';
import { DEMO_ROLE_USERS } from '../../preload/contract/demo.ts';
import { DEMO_CREDENTIALS, demoWorkspacePath, ensureDemoWorkspace } from './demo-workspace.ts';

describe('ensureDemoWorkspace', () => {
  it('creates the small demo once, unlockable with the published credentials, and reuses it afterwards', async () => {
    const home = path.join(tempDir('riskdesk-home-'), 'RiskDesk');
    const announced: string[] = [];
    const first = await ensureDemoWorkspace(home, { now: () => FIXED_NOW, onCreate: (file) => announced.push(file) });
    assert.deepEqual(first, { path: demoWorkspacePath(home), created: true });
    assert.deepEqual(announced, [first.path]);
    assert.deepEqual(fs.readdirSync(path.dirname(first.path)).sort(), ['RiskDesk demo.rdw', 'RiskDesk demo.rdw.keyring']);

    const workspace = await unlockWorkspace({ path: first.path, passphrase: DEMO_CREDENTIALS.passphrase });
    try {
      assert.deepEqual(workspace.user, { username: DEMO_CREDENTIALS.username, role: 'admin' });
      const { loans } = workspace.db.prepare('SELECT count(*) AS loans FROM loans').get() as { loans: number };
      assert.ok(loans > 1000, `small demo has loans (${loans})`);
    } finally {
      workspace.close();
    }
    for (const { username, role } of DEMO_ROLE_USERS) {
      const other = await unlockWorkspace({ path: first.path, username, passphrase: DEMO_CREDENTIALS.passphrase });
      assert.deepEqual(other.user, { username, role });
      other.close();
    }

    assert.deepEqual(await ensureDemoWorkspace(home, { onCreate: () => assert.fail('not created twice') }), { path: first.path, created: false });
  });

  it('starts over from a staging folder left by an interrupted run', async () => {
    const home = tempDir('riskdesk-home-');
    const staging = path.join(path.dirname(demoWorkspacePath(home)), '.creating');
    fs.mkdirSync(staging, { recursive: true });
    fs.writeFileSync(path.join(staging, 'RiskDesk demo.rdw'), 'half-written');
    const { created } = await ensureDemoWorkspace(home, { now: () => FIXED_NOW });
    assert.equal(created, true);
    assert.equal(fs.existsSync(staging), false);
  });
});
