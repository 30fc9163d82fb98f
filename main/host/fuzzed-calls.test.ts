// Property-based: every contract method, sent generated arguments through the browser host (WebSocket and HTTP),
// locked and unlocked as each role, answers ok or with a contract error code other than INTERNAL, in time and
// without a throw; afterwards the host still answers session.status. A bounded, seeded run for `npm test`;
// tests/soak/fuzz-contract.ts is the long one.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { METHOD_NAMES, type ApiOutcome } from '../../preload/contract/index.ts';
import { createTestWorkspace, type TestApi, type TestWorkspace } from '../test-support/api-test-workspace.ts';
import { PhaseKeeper, wireArgs, wireJson, type Transport } from '../test-support/contract-fuzz.ts';
import { fuzzedCallTests } from '../test-support/fuzzed-call-tests.ts';
import { HostSocket, postApi } from '../test-support/host-client.ts';
import { startBrowserHost, type BrowserHost } from './browser-host.ts';

const SEED = 20_261_205;

let workspace: TestWorkspace;
let service: TestApi;
let host: BrowserHost;
let socket: HostSocket;

/** The same call over either of the host's transports, chosen by the generator. */
function hostTransport(over: 'ws' | 'http'): Transport {
  return async (method, args) => {
    if (over === 'ws') return socket.call(method, undefined, args === undefined ? undefined : wireJson(args));
    const { status, outcome } = await postApi(host.port, host.token, method, args === undefined ? '{}' : `{"args":${wireJson(args)}}`);
    assert.equal(status, !outcome.ok && outcome.error.code === 'VALIDATION' ? 400 : 200, `${method}: HTTP status`);
    return outcome;
  };
}

describe('the browser host with generated calls', () => {
  before(async () => {
    workspace = await createTestWorkspace({ roles: true });
    service = workspace.service();
    host = await startBrowserHost({ api: service.api, staticDir: path.join(workspace.dir, 'no-renderer') });
    socket = await HostSocket.open(host.port, { token: host.token });
  });
  after(async () => {
    await socket.close();
    await host.close();
    await workspace.dispose();
  });

  fuzzedCallTests({
    service: () => service,
    // Half the methods over the WebSocket, half over HTTP.
    transport: (method, args) => hostTransport(METHOD_NAMES.indexOf(method) % 2 === 0 ? 'ws' : 'http')(method, args),
    args: wireArgs,
    seed: SEED,
    afterPhase: async (phase, tally) => {
      if (phase === 'locked') {
        const answered = [...tally.counts.values()].flatMap((perMethod) => [...perMethod.keys()]);
        assert.ok(answered.includes('LOCKED'), 'locked, the methods that need a session answer LOCKED');
      }
      const status = await socket.call('session.status', {});
      assert.equal(status.ok, true, 'the host still answers session.status');
      assert.equal((await postApi(host.port, host.token, 'session.status', '{"args":{}}')).outcome.ok, true, 'over HTTP too');
    },
  });

  it('answers INTERNAL-free to hostile numbers that only raw JSON text can carry (-0, 1e309)', async () => {
    await new PhaseKeeper(service.api, 'admin').ensure();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), fc.constantFrom('-0', '1e309', '-1e309', '{"offset":1e309}', '{"version":-0}', '{"seed":1e309,"scale":"small"}'), async (method, raw) => {
        const outcome: ApiOutcome<unknown> = await socket.call(method, undefined, raw);
        assert.notEqual(outcome.ok ? 'ok' : outcome.error.code, 'INTERNAL', `${method} ${raw}`);
      }),
      { numRuns: 30, seed: SEED },
    );
  });
});
