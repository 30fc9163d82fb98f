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
import { COSTLY_METHODS, fuzzMethod, FuzzTally, internalJobFailures, PHASES, PhaseKeeper, wireArgs, wireJson, type Transport } from '../test-support/contract-fuzz.ts';
import { HostSocket, postApi } from '../test-support/host-client.ts';
import { startBrowserHost, type BrowserHost } from './browser-host.ts';

const RUNS_PER_METHOD = 2;
const COSTLY_RUNS = 1;
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

  for (const phase of PHASES) {
    it(`answers every method ok or with a typed error other than INTERNAL, ${phase === 'locked' ? 'locked' : `unlocked as ${phase}`}`, async () => {
      const tally = new FuzzTally();
      const keeper = new PhaseKeeper(service.api, phase);
      for (const [index, method] of METHOD_NAMES.entries()) {
        const transport: Transport = (m, args) => hostTransport(index % 2 === 0 ? 'ws' : 'http')(m, args);
        await fuzzMethod({
          method,
          transport,
          args: wireArgs(method),
          api: service.api,
          keeper,
          numRuns: COSTLY_METHODS.has(method) ? COSTLY_RUNS : RUNS_PER_METHOD,
          seed: SEED + index,
          tally,
          diagnose: () => service.logs.slice(-3).join('\n'),
        });
      }
      assert.ok(tally.total() >= METHOD_NAMES.length * COSTLY_RUNS, `${tally.total()} calls`);
      if (phase === 'locked') {
        const answered = [...tally.counts.values()].flatMap((perMethod) => [...perMethod.keys()]);
        assert.ok(answered.includes('LOCKED'), 'locked, the methods that need a session answer LOCKED');
      }
      const status = await socket.call('session.status', {});
      assert.equal(status.ok, true, 'the host still answers session.status');
      assert.equal((await postApi(host.port, host.token, 'session.status', '{"args":{}}')).outcome.ok, true, 'over HTTP too');
    });
  }

  it('kept Object.prototype clean, logged no unexpected failure and had no job fail as INTERNAL', () => {
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(service.logs.filter((line) => /failed unexpectedly|does not match the contract/.test(line)), []);
    assert.deepEqual(internalJobFailures(service.events), []);
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
