import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OPEN_WORKSPACE_DIALOG, openWorkspaceFromDialog } from './open-workspace.ts';

function steps(picked: { canceled: boolean; filePaths: string[] }) {
  const done: string[] = [];
  return {
    done,
    steps: {
      showOpenDialog: async (options: unknown) => (assert.equal(options, OPEN_WORKSPACE_DIALOG), picked),
      choose: (file: string) => done.push(`choose ${file}`),
      lock: async () => void done.push('lock'),
      reload: () => done.push('reload'),
    },
  };
}

describe('File › Open Workspace…', () => {
  it('allows the picked file, locks, and reloads to the unlock screen', async () => {
    const { done, steps: s } = steps({ canceled: false, filePaths: ['/data/risk.rdw'] });
    assert.equal(await openWorkspaceFromDialog(s), '/data/risk.rdw');
    assert.deepEqual(done, ['choose /data/risk.rdw', 'lock', 'reload']);
  });

  it('changes nothing when the dialog is cancelled', async () => {
    const { done, steps: s } = steps({ canceled: true, filePaths: [] });
    assert.equal(await openWorkspaceFromDialog(s), null);
    assert.deepEqual(done, []);
  });

  it('asks for one existing file, workspaces (.rdw) first', () => {
    assert.deepEqual(OPEN_WORKSPACE_DIALOG.properties, ['openFile']);
    assert.deepEqual(OPEN_WORKSPACE_DIALOG.filters?.[0]?.extensions, ['rdw']);
  });
});
