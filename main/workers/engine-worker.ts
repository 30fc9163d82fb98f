import { JOBS, type WorkerJobKind } from '../../preload/contract/jobs.ts';
import type { EngineJob, ReadConnections, ReportProgress, WorkerReply, WorkerTask } from './protocol.ts';
import { endProgress, serveJob } from './serve-job.ts';
import { verifyAuditJob } from './jobs/audit-verify.ts';
import { creditAnalyticsJob } from './jobs/credit-analytics.ts';
import { creditBinningJob } from './jobs/credit-binning.ts';
import { creditDevelopmentJob } from './jobs/credit-development.ts';
import { creditMonitoringJob } from './jobs/credit-monitoring.ts';
import { creditRunJob } from './jobs/credit-run.ts';
import { dashboardSummaryJob } from './jobs/dashboard-summary.ts';
import { fraudBacktestJob } from './jobs/fraud-backtest.ts';
import { fraudRunJob } from './jobs/fraud-run.ts';
import { liquidityMcPathsJob } from './jobs/liquidity-mc-paths.ts';
import { liquidityPositionJob, liquidityStressJob } from './jobs/liquidity-position.ts';
import { liquidityRunJob } from './jobs/liquidity-run.ts';
import { reportFiguresJob } from './jobs/report-figures.ts';

/** The worker entry the pool loads: one job for every kind the contract's registry runs on a worker. */
const ENGINE_JOBS: { readonly [K in WorkerJobKind]: EngineJob<K> } = {
  'audit-verify': verifyAuditJob,
  'dashboard-summary': dashboardSummaryJob,
  'credit-development': creditDevelopmentJob,
  'credit-binning': creditBinningJob,
  'credit-run': creditRunJob,
  'credit-analytics': creditAnalyticsJob,
  'credit-monitoring': creditMonitoringJob,
  'fraud-run': fraudRunJob,
  'fraud-backtest': fraudBacktestJob,
  'liquidity-position': liquidityPositionJob,
  'liquidity-stress': liquidityStressJob,
  'liquidity-run': liquidityRunJob,
  'liquidity-mc-paths': liquidityMcPathsJob,
  'report-figures': reportFiguresJob,
};

function isWorkerJobKind(kind: string): kind is WorkerJobKind {
  return Object.hasOwn(ENGINE_JOBS, kind);
}

/** The task's input as its kind declares it: main builds it, but nothing crosses into a job unchecked. */
function parsedInput(kind: WorkerJobKind, input: unknown): unknown {
  const parsed = JOBS[kind].input.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`internal: the ${kind} job was sent input it does not take (${issue ? `${issue.path.map(String).join('.') || 'input'}: ${issue.message}` : 'unreadable'})`);
}

export default function runEngineTask(task: WorkerTask): WorkerReply {
  const { kind } = task;
  if (!isWorkerJobKind(kind)) {
    endProgress(task);
    return { ok: false, message: `internal: no engine job is called ${JSON.stringify(kind)}` };
  }
  // Each job's connections, input and progress are typed by its kind; here the kind is only known at run time.
  const job = ENGINE_JOBS[kind] as unknown as (connections: ReadConnections, input: unknown, report: ReportProgress) => unknown;
  return serveJob(task, JOBS[kind].access, (connections, report) => job(connections, parsedInput(kind, task.input), report));
}
