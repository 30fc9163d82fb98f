import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { JobDone } from '../../../preload/contract/jobs.ts';
import type { CreditAnalytics, CreditRunResult } from '../../../preload/contract/credit.ts';
import type { WriterSpec } from '../../store/write-connection.ts';
import { JobRegistry } from './job-registry.ts';
import { WriteLock } from './write-lock.ts';

const WRITER: WriterSpec = { access: 'write', path: '/workspace.rdw', key: new Uint8Array(32) };
const ANALYTICS: CreditAnalytics = { currency: 'CNY', vintages: [], rollRates: [], concentration: [] };
const RUN: CreditRunResult = {
  runId: 1,
  asOf: '2025-12-31',
  startedBy: 'ana',
  finishedAt: 't',
  modelId: 1,
  modelName: 'm',
  parameterVersion: 1,
  currency: 'CNY',
  totals: { loans: 0, eadMinor: 0, eclMinor: 0, byStage: [], byGrade: [], byStageGrade: [], pricing: { below: 0, belowOutstandingMinor: 0 } },
  alerts: { raised: 0, repeated: 0, casesOpened: 0 },
};

/** A registry on a real write lock, with its job.done events and log lines collected. */
function registry() {
  const writeLock = new WriteLock();
  const done = new Map<string, (payload: JobDone) => void>();
  const logs: string[] = [];
  let writerSpecs = 0;
  const jobs = new JobRegistry({
    emit: (name, payload) => {
      if (name === 'job.done') done.get((payload as JobDone).job.jobId)?.(payload as JobDone);
    },
    writeLock,
    writerSpec: () => {
      writerSpecs += 1;
      return WRITER;
    },
    now: () => new Date('2026-01-01T00:00:00Z'),
    log: (line) => logs.push(line),
  });
  /** A job just started, with a promise of its job.done (which the registry emits a turn later at the soonest). */
  const started = (jobId: string): { jobId: string; done: Promise<JobDone> } => ({ jobId, done: new Promise<JobDone>((resolve) => done.set(jobId, resolve)) });
  return { jobs, writeLock, logs, started, writerSpecs: () => writerSpecs };
}

describe('JobRegistry', () => {
  it('runs a kind that writes under the write lock, with the writer spec, and a kind that reads at once, without', async () => {
    const { jobs, writeLock, started, writerSpecs } = registry();
    let release = (): void => {};
    const held = writeLock.run(() => new Promise<void>((resolve) => (release = resolve)));
    const calls: string[] = [];
    const run = started(
      jobs.start('credit-run', 'Credit run', async (control) => {
        calls.push('credit-run');
        assert.equal(control.writer, WRITER);
        return RUN;
      }),
    );
    const analytics = started(
      jobs.start('credit-analytics', 'Credit analytics', async (control) => {
        calls.push('credit-analytics');
        assert.ok(!('writer' in control), 'a reading job gets no writer spec');
        return ANALYTICS;
      }),
    );
    assert.deepEqual((await analytics.done).result, ANALYTICS);
    assert.deepEqual(calls, ['credit-analytics']);
    assert.equal(writerSpecs(), 0, 'no writer spec is handed out before the lock is held');
    assert.equal(jobs.list().find((job) => job.kind === 'credit-run')?.phase, 'queued');
    release();
    await held;
    assert.deepEqual((await run.done).result, RUN);
    assert.deepEqual(calls, ['credit-analytics', 'credit-run']);
    assert.equal(writerSpecs(), 1);
  });

  it('hands on a result as its kind declares it, in job.done and to whoever reads the finished job', async () => {
    const { jobs, started } = registry();
    const summary = { fileName: 'loans.csv', rows: 2, bytes: 40, sha256: 'ab' };
    const { jobId, done } = started(jobs.start('export-loans', 'Loan export (CSV)', async () => ({ ...summary, path: '/tmp/loans.csv' }) as typeof summary));
    const ended = await done;
    assert.deepEqual([ended.job.state, ended.result], ['done', summary], 'nothing undeclared crosses');
    assert.deepEqual(jobs.finished(jobId, 'export-loans').result, summary);
    assert.throws(() => jobs.finished(jobId, 'backup'), { code: 'NOT_FOUND' });
  });

  it('fails a job whose result its kind does not declare, and logs which part', async () => {
    const { jobs, started, logs } = registry();
    const { jobId, done } = started(jobs.start('backup', 'Backup to b.rdw', async () => ({ path: 'b.rdw' }) as never));
    const ended = await done;
    assert.equal(ended.job.state, 'failed');
    assert.equal(ended.error?.code, 'INTERNAL');
    assert.equal(ended.result, undefined);
    assert.match(logs.join('\n'), /the backup job returned a result its kind does not declare: keyringPath, bytes, sha256/);
    assert.throws(() => jobs.finished(jobId, 'backup'), { code: 'NOT_FOUND' });
  });
});
