import { FRAUD_ALERT_TYPE, type FraudRunResult } from '../../../preload/contract/fraud-runs.ts';
import type { AlertFigure, AlertSeverity } from '../../../preload/contract/alerts.ts';
import type { JobProgressOf, ParsedJobInput } from '../../../preload/contract/jobs.ts';
import type { RuleSet } from '../../engines/fraud/index.ts';
import { activeScoringRuleSet } from '../active-rule-set.ts';
import { PeriodFeatures } from '../period-features.ts';
import { emitAlerts, type EmittedAlert } from '../../store/alerts.ts';
import { appendAuditEvent } from '../../store/audit.ts';
import { inTransaction } from '../../store/database.ts';
import { flagWriter, runFlagPages, type FlagRow } from '../../store/fraud-runs.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { finishRun, insertRun, type RunArtefacts } from '../../store/runs.ts';
import { baseCurrency } from '../../store/workspace-meta.ts';
import type { EngineJob, ReportProgress, WriteConnections } from '../protocol.ts';

/** Flags turned into alerts per page (each page read whole, then emitted). */
const ALERT_PAGE = 5_000;
/** An alert carries at most 32 figures: the score, the amount and the first 30 distinct feature values read. */
const MAX_READ_FIGURES = 30;

/**
 * Scores transactions with the active rule set and stores what it flags, as the run's single writer (main holds the
 * write lock meanwhile, as for a credit run). One streaming pass over every transaction up to the period's end, in
 * time order: those before the period are read for their history only (the windows, first uses and rings of a
 * transaction need everything before it), those in it are scored. The run, its flags, their alerts (filed into cases
 * by account, or by ring) and its audit event commit in one transaction or not at all.
 */
export const fraudRunJob: EngineJob<'fraud-run'> = ({ reader, writer }, input, report) =>
  inTransaction(writer, () => inReadSnapshot(reader, () => scoreAndStore({ reader, writer }, input, report)));

/** Block at twice the block threshold or more is critical; block is high; review is medium. */
function severityOf(flag: FlagRow, thresholds: RuleSet['thresholds']): AlertSeverity {
  if (flag.action === 'review') return 'medium';
  return flag.score >= 2 * thresholds.block ? 'critical' : 'high';
}

/** A flagged transaction as an alert: its score against the threshold it reached, its amount, and what its rules read. */
function fraudAlert(flag: FlagRow, thresholds: RuleSet['thresholds']): EmittedAlert {
  const figures: AlertFigure[] = [
    { name: 'score', value: flag.score, threshold: flag.action === 'block' ? thresholds.block : thresholds.review },
    { name: 'amount', value: flag.amountMinor, unit: flag.currency },
  ];
  const named = new Set(figures.map((figure) => figure.name));
  for (const rule of flag.fired) {
    for (const [name, value] of Object.entries(rule.reads)) {
      if (named.has(name) || named.size >= MAX_READ_FIGURES + 2) continue;
      named.add(name);
      figures.push({ name, value: typeof value === 'boolean' ? String(value) : value });
    }
  }
  return {
    type: FRAUD_ALERT_TYPE,
    subject: { type: 'transaction', id: flag.txId },
    severity: severityOf(flag, thresholds),
    score: flag.score,
    explanation: { key: FRAUD_ALERT_TYPE, figures, rules: flag.fired.map((rule) => rule.id) },
  };
}

function scoreAndStore({ reader, writer }: WriteConnections, input: ParsedJobInput<'fraud-run'>, report: ReportProgress<JobProgressOf<'fraud-run'>>): FraudRunResult {
  const ruleSet = activeScoringRuleSet(writer);
  const features = new PeriodFeatures(reader, input);
  const total = features.total;
  const currency = baseCurrency(reader);
  const artefacts: RunArtefacts = { 'fraud.ruleSet': ruleSet.version };
  const runId = insertRun(writer, { engine: 'fraud', asOf: input.to ?? input.startedAt.slice(0, 10), artefacts, startedBy: input.actor, startedAt: input.startedAt, currency });
  const writeFlag = flagWriter(writer, runId);
  const counts = { transactions: 0, review: 0, block: 0, flaggedMinor: 0 };
  for (const [tx, vector] of features.inPeriod((done) => report({ done, total, phase: 'scoring transactions' }))) {
    counts.transactions += 1;
    const decision = ruleSet.evaluator.evaluate(vector);
    if (decision.action === 'allow') continue;
    counts[decision.action] += 1;
    // Money flagged is summed in the workspace's currency; a flag in another currency is counted but not summed.
    if (tx.currency === currency) counts.flaggedMinor += tx.amountMinor;
    writeFlag({
      txId: tx.txId,
      accountId: tx.accountId,
      ts: tx.ts,
      amountMinor: tx.amountMinor,
      currency: tx.currency,
      score: decision.score,
      action: decision.action,
      ringId: features.ringOf(tx.accountId),
      ringSize: vector.ring_size,
      fired: decision.fired,
    });
  }
  const flagged = counts.review + counts.block;
  report({ done: 0, total: flagged, phase: 'alerts' });
  const finishedAt = new Date().toISOString();
  const alerts = { raised: 0, repeated: 0, casesOpened: 0 };
  let emittedCount = 0;
  for (const page of runFlagPages(writer, runId, ALERT_PAGE)) {
    const emitted = emitAlerts(writer, { source: 'fraud', runId, artefacts, raisedBy: null, at: finishedAt, alerts: page.map((flag) => fraudAlert(flag, ruleSet.thresholds)) });
    alerts.raised += emitted.raised;
    alerts.repeated += emitted.repeated;
    alerts.casesOpened += emitted.casesOpened;
    emittedCount += page.length;
    report({ done: emittedCount, total: flagged, phase: 'alerts' });
  }
  const result: FraudRunResult = {
    runId,
    ruleSetVersion: ruleSet.version,
    from: input.from ?? null,
    to: input.to ?? null,
    startedBy: input.actor,
    finishedAt,
    currency,
    transactions: counts.transactions,
    flagged,
    review: counts.review,
    block: counts.block,
    flaggedMinor: counts.flaggedMinor,
    alerts,
  };
  finishRun(writer, runId, { totals: result, finishedAt });
  appendAuditEvent(writer, { actor: input.actor, action: 'fraud.run', subject: `fraud run ${runId}`, at: finishedAt, details: { ...result } });
  return result;
}
