import { useEffect, useRef, useState, type DependencyList } from 'react';
import type { JobResult, SessionJobKind } from '../../../preload/contract/index.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import { useJobRunner } from './jobs-context.tsx';
import { resultOf } from './job-result.ts';

export interface JobResultState<T> {
  readonly data: T | null;
  readonly error: unknown;
  /** The job while it runs (for a progress bar); null before it starts and once its result is here. */
  readonly runningJobId: string | null;
}

/**
 * Long reads (seconds at a million loans) run as jobs of `kind`: started when the screen opens and whenever `deps`
 * change, followed with a progress bar, then their result is the one job.done carried. Only a job whose job.done was
 * lost with the connection (caught up from jobs.list) is read again, with `read`. An older job's answer is dropped.
 */
export function useJobResult<K extends SessionJobKind>(
  kind: K,
  begin: () => Promise<{ jobId: string }>,
  read: (jobId: string) => Promise<JobResult<K>>,
  deps: DependencyList,
): JobResultState<JobResult<K>> {
  const runner = useJobRunner();
  // The runner's start changes with every job event of the session; only `deps` may start another job.
  const start = useRef(runner.start);
  start.current = runner.start;
  const [data, setData] = useState<JobResult<K> | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    void start.current(begin).then(async (done) => {
      if (!live || !done) return;
      if (done.error) {
        setError(new RiskDeskError(done.error.code, done.error.message, done.error.details));
        return;
      }
      try {
        const result = resultOf(done, kind) ?? (await read(done.job.jobId));
        if (live) setData(result);
      } catch (failure) {
        if (live) setError(failure);
      }
    });
    return () => {
      live = false;
    };
  }, deps);

  const finished = data !== null || error !== null || runner.startError !== null;
  return { data, error: error ?? runner.startError, runningJobId: finished ? null : runner.jobId };
}
