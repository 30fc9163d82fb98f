import type { MethodName } from '../../../preload/contract/index.ts';
import { listFraudRuns, runFraud } from '../fraud/fraud-run-service.ts';
import type { HandlerTable } from './handler.ts';
import { startJob } from './start-job.ts';

/** A fraud run is a job (progress, cancel) that waits for the write lock, as a credit run does. */
export const fraudRunHandlers: HandlerTable<'fraud.startRun' | 'fraud.runs'> = {
  'fraud.startRun': (core, period) => {
    const label = period.from || period.to ? `Fraud run ${period.from ?? '…'} to ${period.to ?? '…'}` : 'Fraud run';
    return startJob(core, 'fraud-run', label, (session, control) => runFraud(session.ctx, period, control));
  },
  'fraud.runs': (core) => listFraudRuns(core.requireSession().ctx),
} satisfies HandlerTable<Extract<MethodName, 'fraud.startRun' | 'fraud.runs'>>;
