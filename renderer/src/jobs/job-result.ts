import type { JobDone, JobResult, SessionJobKind } from '../../../preload/contract/index.ts';

/**
 * The result job.done carried for a job of `kind`; undefined for another kind, a job that failed, or one caught up
 * from jobs.list after a dropped connection (its result is then read with the method that reads it).
 */
export function resultOf<K extends SessionJobKind>(done: Pick<JobDone, 'job' | 'result'> | undefined, kind: K): JobResult<K> | undefined {
  if (!done || done.job.kind !== kind) return undefined;
  // job.done's schema parsed this result with the schema of this very kind (preload/contract/jobs.ts).
  return done.result as JobResult<K> | undefined;
}
