import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { withInterrupt } from './interrupt.ts';
import { capturedIo } from '../test-support/captured-cli-io.ts';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function listenerCounts(): number[] {
  return STOP_SIGNALS.map((signal) => process.listenerCount(signal));
}

// The listener withInterrupt added is called directly rather than through a real signal: the test runner has its
// own SIGINT and SIGTERM handlers in this process, which would end the run. tests/demo-interrupt.test.ts sends
// real signals to a real command.
describe('withInterrupt', () => {
  for (const signal of STOP_SIGNALS) {
    test(`${signal} cancels the job, and the handlers step aside so that a second signal acts as usual`, async () => {
      const others = process.rawListeners(signal);
      const before = listenerCounts();
      const io = capturedIo();
      const afterFirstSignal = await withInterrupt(io, async (abort) => {
        const added = process.rawListeners(signal).filter((listener) => !others.includes(listener));
        assert.equal(added.length, 1);
        added[0]?.(signal);
        assert.equal(abort.aborted, true);
        return listenerCounts();
      });
      assert.deepEqual(afterFirstSignal, before);
      assert.match(io.err(), signal === 'SIGINT' ? /cancelling… \(Ctrl-C again to stop at once\)/ : new RegExp(`${signal}: cancelling…`));
    });
  }

  test('a job that ends by itself leaves no handlers behind', async () => {
    const before = listenerCounts();
    assert.equal(await withInterrupt(capturedIo(), async () => 42), 42);
    assert.deepEqual(listenerCounts(), before);
  });
});
