import type { JobResult, SessionJobKind } from '../../../preload/contract/jobs.ts';
import type { ApiCore } from './api-core.ts';
import type { JobControl } from './job-registry.ts';
import type { Session } from './session.ts';

/**
 * What every method that starts a job answers: the job's id, at once. Progress and the result follow as
 * job.progress and job.done; whether the job waits for the write lock (and gets the writer spec) is its kind's,
 * in the contract's registry. `run` gets the session the job belongs to and the job's control, which is the call
 * options services take (signal, onProgress and, for a kind that writes, writer).
 */
export function startJob<K extends SessionJobKind>(core: ApiCore, kind: K, label: string, run: (session: Session, control: JobControl<K>) => Promise<JobResult<K>>): { jobId: string } {
  const session = core.requireSession();
  return { jobId: session.jobs.start(kind, label, (control) => run(session, control)) };
}
