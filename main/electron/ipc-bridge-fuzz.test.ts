// Property-based: every contract method, sent generated arguments through the IPC bridge's handler (structured
// clones, so also NaN, BigInt, dates, maps, typed arrays), locked and unlocked as each role, answers ok or with a
// contract error code other than INTERNAL, in time; afterwards session.status still answers. A bounded, seeded run;
// tests/soak/fuzz-contract.ts --transports ipc is the long one.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { createTestWorkspace, type TestApi, type TestWorkspace } from '../test-support/api-test-workspace.ts';
import { ipcArgs, type Transport } from '../test-support/contract-fuzz.ts';
import { fuzzedCallTests } from '../test-support/fuzzed-call-tests.ts';
import { ipcTransport } from '../test-support/ipc-transport.ts';

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

  fuzzedCallTests({
    service: () => service,
    transport: (method, args) => transport(method, args),
    args: ipcArgs,
    seed: SEED,
    afterPhase: async () => assert.equal((await transport('session.status', undefined)).ok, true, 'session.status still answers'),
  });
});
