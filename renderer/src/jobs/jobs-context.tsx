import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiError, Job, JobDone } from '../../../preload/contract/index.ts';
import { api } from '../api/client.ts';

export interface JobEntry {
  readonly job: Job;
  /** The result job.done carried (read it with resultOf, by the job's kind). */
  readonly result?: JobDone['result'];
  readonly error?: ApiError;
  readonly finished: boolean;
}

interface JobsValue {
  /** Newest first. */
  readonly jobs: readonly JobEntry[];
  get(jobId: string): JobEntry | undefined;
  /** Resolves when main reports the job done (at once if it already has). */
  waitFor(jobId: string): Promise<JobDone>;
  cancel(jobId: string): Promise<void>;
  dismiss(jobId: string): void;
}

const JobsContext = createContext<JobsValue | null>(null);

/**
 * Every job of this session, kept current from main's job.progress and job.done events. It listens from
 * the moment the workspace is unlocked, so a job that finishes before its starter hears back is not missed.
 */
export function JobsProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<ReadonlyMap<string, JobEntry>>(new Map());
  const doneRef = useRef(new Map<string, JobDone>());
  const waitersRef = useRef(new Map<string, Array<(done: JobDone) => void>>());

  const upsert = useCallback((jobId: string, update: (current: JobEntry | undefined) => JobEntry) => {
    setEntries((current) => new Map(current).set(jobId, update(current.get(jobId))));
  }, []);

  useEffect(() => {
    const offProgress = api.on('job.progress', (job) => {
      if (doneRef.current.has(job.jobId)) return; // a late progress event after done
      upsert(job.jobId, (current) => ({ ...current, job, finished: job.state !== 'running' }));
    });
    const finish = (done: JobDone) => {
      doneRef.current.set(done.job.jobId, done);
      upsert(done.job.jobId, () => ({ job: done.job, result: done.result, error: done.error, finished: true }));
      for (const resolve of waitersRef.current.get(done.job.jobId) ?? []) resolve(done);
      waitersRef.current.delete(done.job.jobId);
    };
    const offDone = api.on('job.done', finish);
    // Catch up from main's list: at start, and after a dropped connection (events sent meanwhile are lost).
    const catchUp = () =>
      api.call('jobs.list').then(
        (jobs) => {
          for (const job of jobs) {
            // Its job.done was lost with the connection: it ends here without a result, which its starter reads instead.
            if (job.state !== 'running' && !doneRef.current.has(job.jobId) && waitersRef.current.has(job.jobId)) finish({ job } as JobDone);
            else upsert(job.jobId, (current) => (current && current.finished ? current : { ...current, job, finished: job.state !== 'running' }));
          }
        },
        () => undefined,
      );
    void catchUp();
    const offConnection = api.onConnection((state) => {
      if (state === 'open') void catchUp();
    });
    return () => {
      offProgress();
      offDone();
      offConnection();
    };
  }, [upsert]);

  const value = useMemo<JobsValue>(() => {
    const jobs = [...entries.values()].sort((a, b) => b.job.startedAt.localeCompare(a.job.startedAt));
    return {
      jobs,
      get: (jobId) => entries.get(jobId),
      waitFor(jobId) {
        const done = doneRef.current.get(jobId);
        if (done) return Promise.resolve(done);
        return new Promise((resolve) => {
          const waiters = waitersRef.current.get(jobId) ?? [];
          waiters.push(resolve);
          waitersRef.current.set(jobId, waiters);
        });
      },
      async cancel(jobId) {
        await api.call('jobs.cancel', { jobId });
      },
      dismiss(jobId) {
        setEntries((current) => {
          const next = new Map(current);
          next.delete(jobId);
          return next;
        });
      },
    };
  }, [entries]);

  return <JobsContext.Provider value={value}>{children}</JobsContext.Provider>;
}

export function useJobs(): JobsValue {
  const value = useContext(JobsContext);
  if (!value) throw new Error('useJobs outside JobsProvider');
  return value;
}

/**
 * Start a job and follow it: `start` calls the method that returns a job id; the hook exposes that job's
 * entry (progress, then result or error) for a progress bar.
 */
export function useJobRunner() {
  const jobs = useJobs();
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<unknown>(null);

  const start = useCallback(
    async (begin: () => Promise<{ jobId: string }>): Promise<JobDone | null> => {
      setStartError(null);
      setJobId(null);
      try {
        const { jobId: id } = await begin();
        setJobId(id);
        return await jobs.waitFor(id);
      } catch (error) {
        setStartError(error);
        return null;
      }
    },
    [jobs],
  );

  return { start, jobId, entry: jobId ? jobs.get(jobId) : undefined, startError, reset: () => setJobId(null) };
}
