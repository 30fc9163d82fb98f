import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { isRiskDeskError, type ApiErrorCode } from '../../preload/contract/errors.ts';
import type { TestJobs } from './fixtures/test-worker.ts';
import { appendTestAuditEvents, createTestWorkspace, type TestWorkspace } from './fixtures/workspace.ts';
import { EnginePool, defaultPoolSize } from './pool.ts';
import type { JobProgress } from './protocol.ts';

const TEST_WORKER = new URL('./fixtures/test-worker.ts', import.meta.url);

function rejectsWith(code: ApiErrorCode, message: RegExp): (error: unknown) => boolean {
  return (error) => {
    assert.ok(isRiskDeskError(error), `expected a RiskDeskError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  };
}

describe('EnginePool', () => {
  let workspace: TestWorkspace;
  let pool: EnginePool<TestJobs>;

  before(() => {
    workspace = createTestWorkspace();
    appendTestAuditEvents(workspace.db, 30);
    pool = new EnginePool<TestJobs>({ size: 1, workerFile: TEST_WORKER, maxHeapMb: 48, onStrayError: (error) => assert.fail(`stray worker error: ${error.message}`) });
  });
  after(async () => {
    await pool.close();
    workspace.dispose();
  });

  async function stillServes(): Promise<void> {
    const result = await pool.run('audit-verify', {}, { reader: workspace.reader });
    assert.deepEqual(result.ok && result.events, 30);
  }

  it('sizes itself to one fewer worker than the cores, at least one', () => {
    assert.equal(defaultPoolSize(), Math.max(1, availableParallelism() - 1));
    assert.equal(pool.size, 1);
    assert.throws(() => new EnginePool({ size: 0 }), RangeError);
  });

  it('delivers every progress message, in order, before the job settles', async () => {
    const seen: JobProgress[] = [];
    const result = await pool.run('audit-verify', { batchSize: 7 }, { reader: workspace.reader, onProgress: (p) => seen.push(p) });
    assert.equal(result.ok, true);
    assert.deepEqual(seen.map((p) => p.done), [0, 7, 14, 21, 28, 30]);
    assert.ok(seen.every((p) => p.total === 30 && p.phase === 'verifying'));
  });

  it('turns an error thrown by the job into JOB_FAILED with its message', async () => {
    await assert.rejects(pool.run('refuse', null, { reader: workspace.reader }), rejectsWith('JOB_FAILED', /^The refuse job failed: fixture: the job refused its input$/));
    await stillServes();
  });

  it('cancels a running job with JOB_CANCELLED, replaces its worker and runs the next job', async () => {
    const controller = new AbortController();
    const seen: JobProgress[] = [];
    const job = pool.run('hang-after-progress', null, {
      reader: workspace.reader,
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        controller.abort();
      },
    });
    await assert.rejects(job, rejectsWith('JOB_CANCELLED', /hang-after-progress job was cancelled/));
    assert.deepEqual(seen, [{ done: 1, total: 10, phase: 'waiting' }]);
    await stillServes();
  });

  it('does not start a job whose signal has already aborted', async () => {
    await assert.rejects(pool.run('audit-verify', {}, { reader: workspace.reader, signal: AbortSignal.abort() }), rejectsWith('JOB_CANCELLED', /cancelled/));
  });

  it('cancels a job still waiting in the queue', async () => {
    const controller = new AbortController();
    const running = new AbortController();
    const blocker = pool.run('hang-after-progress', null, { reader: workspace.reader, signal: running.signal });
    const queued = pool.run('audit-verify', {}, { reader: workspace.reader, signal: controller.signal });
    controller.abort();
    await assert.rejects(queued, rejectsWith('JOB_CANCELLED', /audit-verify job was cancelled/));
    running.abort();
    await assert.rejects(blocker, rejectsWith('JOB_CANCELLED', /cancelled/));
    await stillServes();
  });

  for (const [kind, cause] of [
    ['exit-3', /it exited with code 3$/],
    ['throw-in-timer', /fixture: thrown in a timer, outside any job code$/],
    ['exhaust-heap', /Worker terminated due to reaching memory limit/],
  ] as const) {
    it(`fails the job when its worker dies (${kind}) and keeps serving`, async () => {
      await assert.rejects(pool.run(kind, null, { reader: workspace.reader }), rejectsWith('JOB_FAILED', new RegExp(`^The ${kind} job's worker stopped unexpectedly: ${cause.source}`)));
      await stillServes();
    });
  }

  it('gives workers a read-only connection', async () => {
    await assert.rejects(pool.run('write-to-workspace', null, { reader: workspace.reader }), rejectsWith('JOB_FAILED', /readonly database/));
    const written = workspace.db.prepare(`SELECT count(*) AS n FROM meta WHERE key = 'written-by'`).get() as { n: number };
    assert.equal(written.n, 0);
  });

  it('neither opens the workspace with a wrong key nor names a key in the error', async () => {
    await stillServes(); // the worker now holds a connection opened with the right key
    const wrongKey = randomBytes(32);
    const error = await pool.run('audit-verify', {}, { reader: { path: workspace.reader.path, key: wrongKey } }).then(
      () => assert.fail('a wrong key opened the workspace'),
      (e: unknown) => e,
    );
    assert.ok(isRiskDeskError(error));
    assert.equal(error.code, 'JOB_FAILED');
    assert.deepEqual(error.details, { cause: 'WORKSPACE_DAMAGED' });
    for (const key of [wrongKey, workspace.reader.key]) {
      assert.ok(!error.message.toLowerCase().includes(key.toString('hex')), 'the message names a key');
      assert.ok(!error.message.includes(key.toString('base64')), 'the message names a key');
    }
    await stillServes();
  });

  it('refuses jobs after close', async () => {
    const closing = new EnginePool<TestJobs>({ size: 1, workerFile: TEST_WORKER });
    const running = closing.run('hang-after-progress', null, { reader: workspace.reader });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const stopped = assert.rejects(running, rejectsWith('JOB_CANCELLED', /engine pool was closed/));
    await closing.close();
    await stopped;
    await assert.rejects(closing.run('audit-verify', {}, { reader: workspace.reader }), rejectsWith('JOB_CANCELLED', /engine pool is closed/));
  });
});
