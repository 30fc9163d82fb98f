import path from 'node:path';
import { createTestWorkspace } from './main/test-support/api-test-workspace.ts';
import { HostSocket, postApi } from './main/test-support/host-client.ts';
import { startBrowserHost } from './main/host/browser-host.ts';
import { wireJson } from './main/test-support/contract-fuzz.ts';
const ws = await createTestWorkspace({ roles: true });
const s = ws.service();
const host = await startBrowserHost({ api: s.api, staticDir: path.join(ws.dir, 'x') });
const socket = await HostSocket.open(host.port, { token: host.token });
for (const d of [500, 5000]) {
  const deep = JSON.parse('['.repeat(d) + ']'.repeat(d));
  try { console.log(d, wireJson(deep).length); } catch (e) { console.log('wireJson', d, String(e)); }
  console.log(d, JSON.stringify(await socket.call('session.status', undefined, wireJson(deep))).slice(0, 300));
  console.log(d, JSON.stringify(await socket.call('portfolio.loans', undefined, wireJson({startRow: deep}))).slice(0, 300));
}
console.log(s.logs);
await socket.close(); await host.close(); await ws.dispose();
