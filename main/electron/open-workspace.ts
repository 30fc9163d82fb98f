import type { OpenDialogOptions, OpenDialogReturnValue } from 'electron';

export const OPEN_WORKSPACE_DIALOG: OpenDialogOptions = {
  title: 'Open RiskDesk Workspace',
  buttonLabel: 'Open',
  properties: ['openFile'],
  filters: [
    { name: 'RiskDesk workspace', extensions: ['rdw'] },
    { name: 'All files', extensions: ['*'] },
  ],
};

/**
 * File › Open Workspace…: the user picks a file in main's native dialog, which is the only way a workspace
 * other than the demo becomes unlockable. The open workspace (if any) is locked and the page reloaded, so the
 * unlock screen comes back with the chosen workspace first in its list.
 */
export async function openWorkspaceFromDialog(steps: {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  choose(file: string): void;
  lock(): Promise<void>;
  reload(): void;
}): Promise<string | null> {
  const picked = await steps.showOpenDialog(OPEN_WORKSPACE_DIALOG);
  const file = picked.filePaths[0];
  if (picked.canceled || file === undefined) return null;
  steps.choose(file);
  await steps.lock();
  steps.reload();
  return file;
}
