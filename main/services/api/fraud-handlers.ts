import { backtestRuleSet, listRuleSetBacktests, ruleSetBacktest } from '../fraud/backtest-service.ts';
import { listFraudRuns, runFraud } from '../fraud/fraud-run-service.ts';
import type { HandlerTable } from './handler.ts';
import { startJob } from './start-job.ts';

type FraudEngineMethods = 'fraud.startRun' | 'fraud.runs' | 'rules.startBacktest' | 'rules.backtests' | 'rules.backtest';

function periodLabel(period: { from?: string | undefined; to?: string | undefined }): string {
  return period.from || period.to ? ` ${period.from ?? '…'} to ${period.to ?? '…'}` : '';
}

/**
 * Fraud runs and backtests are jobs (progress, cancel). A run waits for the write lock, as a credit run does; a
 * backtest only reads while it computes, then stores its result behind the write lock.
 */
export const fraudHandlers: HandlerTable<FraudEngineMethods> = {
  'fraud.startRun': (core, period) => startJob(core, 'fraud-run', `Fraud run${periodLabel(period)}`, (session, control) => runFraud(session.ctx, period, control)),
  'fraud.runs': (core) => listFraudRuns(core.requireSession().ctx),
  'rules.startBacktest': (core, request) =>
    startJob(core, 'rules-backtest', `Backtest of rule set v${request.version}${periodLabel(request)}`, (session, control) =>
      backtestRuleSet(session.ctx, request, control, (change) => session.write(change)),
    ),
  'rules.backtests': (core, { version }) => listRuleSetBacktests(core.requireSession().ctx, version ?? null),
  'rules.backtest': (core, { backtestId }) => ruleSetBacktest(core.requireSession().ctx, backtestId),
};
