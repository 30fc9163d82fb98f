// Property-based: every contract method, sent generated arguments through the IPC bridge's handler (structured
// clones, so also NaN, BigInt, dates, maps, typed arrays), locked and unlocked as each role, answers ok or with a
// contract error code other than INTERNAL, in time; afterwards session.status still answers. A bounded, seeded run;
// tests/soak/fuzz-contract.ts --transports ipc is the long one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { METHOD_NAMES } from '../../preload/contract/index.ts';
import { createTestWorkspace, type TestApi, type TestWorkspace } from '../test-support/api-test-workspace.ts';
import { COSTLY_METHODS, fuzzMethod, FuzzTally, internalJobFailures, ipcArgs, PHASES, PhaseKeeper, type Transport } from '../test-support/contract-fuzz.ts';
import { ipcTransport } from '../test-support/ipc-transport.ts';

const RUNS_PER_METHOD = 2;
const COSTLY_RUNS = 1;
const SEED = 20_261_206;

let workspace: TestWorkspace;
let service: TestApi;
let transport: Transport;
let dispose: () => void;

describe('the IPC bridge with generated calls', () => {
  before(async () => {
    workspace = await createTestWorkspace({ roles: true });
    service = workspace.service();
    ({ transport, dispose } = ipcTransport(service.api));
  });
  after(async () => {
    dispose();
    await workspace.dispose();
  });

  for (const phase of PHASES) {
    it(`answers every method ok or with a typed error other than INTERNAL, ${phase === 'locked' ? 'locked' : `unlocked as ${phase}`}`, async () => {
      const tally = new FuzzTally();
      const keeper = new PhaseKeeper(service.api, phase);
      for (const [index, method] of METHOD_NAMES.entries()) {
        await fuzzMethod({
          method,
          transport,
          args: ipcArgs(method),
          api: service.api,
          keeper,
          numRuns: COSTLY_METHODS.has(method) ? COSTLY_RUNS : RUNS_PER_METHOD,
          seed: SEED + index,
          tally,
          diagnose: () => service.logs.slice(-3).join('\n'),
        });
      }
      assert.ok(tally.total() >= METHOD_NAMES.length, `${tally.total()} calls`);
      assert.equal((await transport('session.status', undefined)).ok, true, 'session.status still answers');
    });
  }

  it('kept Object.prototype clean, logged no unexpected failure and had no job fail as INTERNAL', () => {
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(service.logs.filter((line) => /failed unexpectedly|does not match the contract/.test(line)), []);
    assert.deepEqual(internalJobFailures(service.events), []);
  });
});
