import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { BacktestResult } from '../../../preload/contract/fraud-backtests.ts';
import type { JobProgressOf, ParsedJobInput } from '../../../preload/contract/jobs.ts';
import { BacktestTally } from '../../engines/fraud/index.ts';
import type { Db } from '../../store/database.ts';
import { transactionTruths } from '../../store/fraud-backtests.ts';
import { fraudRuleSets } from '../../store/fraud-rule-sets.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { baseCurrency } from '../../store/workspace-meta.ts';
import { compiledRuleSet } from '../active-rule-set.ts';
import { PeriodFeatures } from '../period-features.ts';
import type { EngineJob, ReportProgress } from '../protocol.ts';

/**
 * Runs a rule set version (any status: a draft is what a backtest is most often for) over a period, beside the version
 * active now, against what is known of each transaction. It only reads: main stores the result it returns.
 */
export const fraudBacktestJob: EngineJob<'fraud-backtest'> = ({ reader }, input, report) => inReadSnapshot(reader, () => backtest(reader, input, report));

function backtest(reader: Db, input: ParsedJobInput<'fraud-backtest'>, report: ReportProgress<JobProgressOf<'fraud-backtest'>>): BacktestResult {
  const tested = fraudRuleSets.get(reader, input.version);
  if (tested === undefined) throw new RiskDeskError('NOT_FOUND', `There is no fraud rule set v${input.version} in this workspace.`, { version: input.version });
  const candidate = compiledRuleSet(input.version, tested.ruleSet, 'tested');
  const active = fraudRuleSets.active(reader);
  const baseline = active && active.version !== input.version ? compiledRuleSet(active.version, active.ruleSet, 'active') : null;
  const truths = transactionTruths(reader);
  const features = new PeriodFeatures(reader, input);
  const total = features.total;
  const tally = new BacktestTally({
    version: input.version,
    candidate: tested.ruleSet,
    baselineVersion: baseline?.version ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
    currency: baseCurrency(reader),
  });
  for (const [tx, vector] of features.inPeriod((done) => report({ done, total, phase: 'scoring transactions' }))) {
    const known = truths.get(tx.txId);
    tally.add(tx, known?.truth ?? null, known?.fromCase ?? false, candidate.evaluator.evaluate(vector), baseline ? baseline.evaluator.evaluate(vector) : null);
  }
  return tally.result();
}
