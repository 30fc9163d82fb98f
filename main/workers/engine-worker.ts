import type { EngineJobs, JobKind, WorkerReply, WorkerTask } from './protocol.ts';
import { endProgress, serveJob, type Job } from './serve-job.ts';
import { verifyAuditJob } from './jobs/audit-verify.ts';
import { creditAnalyticsJob } from './jobs/credit-analytics.ts';
import { creditBinningJob } from './jobs/credit-binning.ts';
import { creditDevelopmentJob } from './jobs/credit-development.ts';
import { creditMonitoringJob } from './jobs/credit-monitoring.ts';
import { creditRunJob } from './jobs/credit-run.ts';
import { dashboardSummaryJob } from './jobs/dashboard-summary.ts';

/** The worker entry the pool loads: one job per kind. */
const ENGINE_JOBS: { readonly [K in JobKind]: Job<EngineJobs[K]['input'], EngineJobs[K]['result']> } = {
  'audit-verify': verifyAuditJob,
  'dashboard-summary': dashboardSummaryJob,
  'credit-development': creditDevelopmentJob,
  'credit-binning': creditBinningJob,
  'credit-run': creditRunJob,
  'credit-analytics': creditAnalyticsJob,
  'credit-monitoring': creditMonitoringJob,
};

function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(ENGINE_JOBS, kind);
}

export default function runEngineTask(task: WorkerTask): WorkerReply {
  const { kind } = task;
  if (!isJobKind(kind)) {
    endProgress(task);
    return { ok: false, message: `internal: no engine job is called ${JSON.stringify(kind)}` };
  }
  return serveJob(task, ENGINE_JOBS[kind] as Job<unknown, unknown>);
}
