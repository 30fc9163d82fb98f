import path from 'node:path';
import { createApiService, fixedWorkspaceLocator, type ApiService } from '../services/api/api-service.ts';
import { folderFileAccess } from '../services/api/file-access.ts';
import { createWorkspace } from '../services/workspace-service.ts';
import type { HostSocket } from './host-client.ts';
import { ADMIN_PASSPHRASE, FIXED_NOW } from './temp-workspace.ts';

/** The real API service over a fresh encrypted workspace, as `riskdesk serve` runs it, for the browser host's tests. */
export interface HostedTestApi {
  readonly service: ApiService;
  readonly workspacePath: string;
  /** Unlocks the workspace as its admin through `socket`. */
  unlockThrough(socket: HostSocket): Promise<void>;
  /** Makes the service push an event (unlock, then lock: `session.locked`) and waits until `socket` has it. */
  pushEvent(socket: HostSocket): Promise<void>;
  close(): Promise<void>;
}

export async function startHostedApi(dir: string): Promise<HostedTestApi> {
  const workspacePath = path.join(dir, 'hosted.rdw');
  (await createWorkspace({ path: workspacePath, username: 'admin', passphrase: ADMIN_PASSPHRASE, now: FIXED_NOW })).close();
  const service = createApiService({ workspaces: fixedWorkspaceLocator(workspacePath, { demo: false }), files: folderFileAccess(dir) });

  async function unlockThrough(socket: HostSocket): Promise<void> {
    const outcome = await socket.call('session.unlock', { passphrase: ADMIN_PASSPHRASE });
    if (!outcome.ok) throw new Error(`unlock through the host failed: ${outcome.error.code} ${outcome.error.message}`);
  }

  return {
    service,
    workspacePath,
    unlockThrough,
    async pushEvent(socket) {
      await unlockThrough(socket);
      const locked = await socket.call('session.lock', {});
      if (!locked.ok) throw new Error(`lock through the host failed: ${locked.error.code}`);
      while (!socket.events.some((event) => event.event === 'session.locked')) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    close: () => service.close(),
  };
}
