/**
 * The fast fuzzed-call tests that each transport's suite declares (main/host/fuzzed-calls.test.ts for the browser
 * host, main/electron/ipc-bridge-fuzz.test.ts for the IPC bridge): one test per phase (locked, and unlocked as each
 * role) sending every method a few generated calls, then one for what no answer shows. tests/soak/fuzz-contract.ts
 * is the long run of the same fuzzer.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type fc from 'fast-check';
import { METHOD_NAMES, type MethodName } from '../../preload/contract/index.ts';
import type { TestApi } from './api-test-workspace.ts';
import { fuzzEveryMethod, internalJobFailures, PHASES, unexpectedFailureLogs, type FuzzTally, type Phase, type Transport } from './contract-fuzz.ts';

/** Generated calls per method in `npm test`, and per costly one (a scrypt, a relock or the engine workers each). */
const RUNS_PER_METHOD = 2;
const COSTLY_RUNS = 1;

export interface FuzzedCallTestOptions {
  /** The suite's service, made in its before(): read when a test runs. */
  readonly service: () => TestApi;
  readonly transport: Transport;
  /** wireArgs for JSON transports, ipcArgs for the IPC bridge. */
  readonly args: (method: MethodName) => fc.Arbitrary<unknown>;
  /** Each suite its own, so that the transports are sent different calls. */
  readonly seed: number;
  /** The suite's own checks after each phase: at least that its transport still answers. */
  readonly afterPhase: (phase: Phase, tally: FuzzTally) => Promise<void>;
}

/** Declares the tests (call it inside the suite's describe). */
export function fuzzedCallTests(options: FuzzedCallTestOptions): void {
  for (const phase of PHASES) {
    it(`answers every method ok or with a typed error other than INTERNAL, ${phase === 'locked' ? 'locked' : `unlocked as ${phase}`}`, async () => {
      const tally = await fuzzEveryMethod({ service: options.service(), phase, transport: options.transport, args: options.args, runs: RUNS_PER_METHOD, costlyRuns: COSTLY_RUNS, seed: options.seed });
      assert.ok(tally.total() >= METHOD_NAMES.length * COSTLY_RUNS, `${tally.total()} calls`);
      await options.afterPhase(phase, tally);
    });
  }

  // What a fuzz run can break without a wrong answer showing it: Object.prototype polluted through a `__proto__`
  // key, a failure only the service's log tells (an event dropped as off the contract), a job that failed as
  // INTERNAL after it started.
  it('kept Object.prototype clean, logged no unexpected failure and had no job fail as INTERNAL', () => {
    const service = options.service();
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(unexpectedFailureLogs(service.logs), []);
    assert.deepEqual(internalJobFailures(service.events), []);
  });
}
