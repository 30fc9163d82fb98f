import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../test-support/temp-workspace.ts';
import { createWorkspaceLocator } from './workspace-locator.ts';

function setup(files: string[] = []) {
  const dataDir = tempDir('riskdesk-locator-');
  const demoPath = path.join(dataDir, 'demo', 'RiskDesk demo.rdw');
  fs.mkdirSync(path.dirname(demoPath));
  for (const file of [demoPath, ...files.map((f) => path.join(dataDir, f))]) fs.writeFileSync(file, '');
  let minute = 0;
  const now = () => new Date(Date.UTC(2026, 10, 1, 9, minute++));
  return { dataDir, demoPath, now, locator: () => createWorkspaceLocator({ dataDir, demoPath, now }) };
}

describe('desktop workspace locator', () => {
  it('offers the demo workspace before anything was chosen, labelled as demo', () => {
    const { demoPath, locator } = setup();
    const workspaces = locator();
    assert.deepEqual(workspaces.recent(), [{ path: demoPath, name: 'Demo workspace (synthetic data)', lastOpenedAt: null, demo: true }]);
    assert.equal(workspaces.resolve(), demoPath);
    assert.equal(workspaces.resolve(demoPath), demoPath);
    assert.equal(workspaces.isDemo(demoPath), true);
  });

  it('refuses a path the renderer names that was never chosen in the open dialog', () => {
    const { dataDir, locator } = setup(['secret.rdw']);
    const workspaces = locator();
    for (const requested of [path.join(dataDir, 'secret.rdw'), '/etc/passwd', 'secret.rdw']) {
      assert.throws(() => workspaces.resolve(requested), (error: Error & { code?: string }) => error.code === 'INVALID_ARGUMENT');
    }
    workspaces.remember(path.join(dataDir, 'secret.rdw'));
    assert.throws(() => workspaces.resolve(path.join(dataDir, 'secret.rdw')), /File › Open Workspace/);
  });

  it('allows a chosen workspace, puts it first and keeps the list across restarts', () => {
    const { dataDir, demoPath, locator } = setup(['risk.rdw', 'other.rdw']);
    const risk = path.join(dataDir, 'risk.rdw');
    const other = path.join(dataDir, 'other.rdw');
    const first = locator();
    first.choose(risk);
    first.choose(other);
    assert.equal(first.resolve(), other);
    first.remember(risk);
    assert.equal(first.resolve(), risk);
    assert.equal(first.resolve(path.join(dataDir, '.', 'risk.rdw')), risk);

    const again = locator();
    assert.deepEqual(again.recent().map((w) => [w.name, w.demo, w.lastOpenedAt !== null]), [
      ['risk', false, true],
      ['other', false, false],
      ['Demo workspace (synthetic data)', true, false],
    ]);
    again.remember(demoPath);
    assert.equal(locator().resolve(), demoPath);
  });

  it('leaves out workspaces whose file is gone, and says what to do when none is left', () => {
    const { dataDir, demoPath, locator } = setup(['gone.rdw']);
    const workspaces = locator();
    workspaces.choose(path.join(dataDir, 'gone.rdw'));
    fs.rmSync(path.join(dataDir, 'gone.rdw'));
    fs.rmSync(demoPath);
    assert.deepEqual(workspaces.recent(), []);
    assert.throws(() => workspaces.resolve(), (error: Error & { code?: string }) => error.code === 'WORKSPACE_NOT_FOUND' && /Open Workspace/.test(error.message));
  });

  it('keeps a workspace whose restore or re-key was cut short between its renames: opening it finishes the swap', () => {
    const { dataDir, locator } = setup(['swapping.rdw']);
    const swapping = path.join(dataDir, 'swapping.rdw');
    const marker = `${swapping}.swap`; // main/store/workspace-swap.ts's marker, written before the first rename
    const workspaces = locator();
    workspaces.choose(swapping);
    fs.rmSync(swapping);
    fs.writeFileSync(marker, '{}');
    assert.deepEqual(workspaces.recent().map((w) => w.path).slice(0, 1), [swapping]);
    assert.equal(workspaces.resolve(), swapping);
    fs.rmSync(marker);
    assert.notEqual(workspaces.resolve(), swapping);
  });

  it('starts with an empty list when the file is damaged, and drops malformed entries', () => {
    const { dataDir, demoPath, locator } = setup(['ok.rdw']);
    const listFile = path.join(dataDir, 'recent-workspaces.json');
    fs.writeFileSync(listFile, '{ not json');
    assert.deepEqual(locator().recent().map((w) => w.path), [demoPath]);
    const ok = path.join(dataDir, 'ok.rdw');
    fs.writeFileSync(
      listFile,
      JSON.stringify({ version: 1, entries: [{ path: 'relative.rdw', chosenAt: 'x', lastOpenedAt: null }, { path: ok, chosenAt: '2026-01-01T00:00:00.000Z', lastOpenedAt: null }, 42] }),
    );
    assert.deepEqual(locator().recent().map((w) => w.path), [ok, demoPath]);
  });
});
