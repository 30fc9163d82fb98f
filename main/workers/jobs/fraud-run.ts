import { FRAUD_ALERT_TYPE, type FraudRunResult } from '../../../preload/contract/fraud-runs.ts';
import type { AlertFigure, AlertSeverity } from '../../../preload/contract/alerts.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { JobProgressOf, ParsedJobInput } from '../../../preload/contract/jobs.ts';
import { FeatureStream, compileRuleSet, type RuleSet, type RuleSetEvaluator } from '../../engines/fraud/index.ts';
import { emitAlerts, type EmittedAlert } from '../../store/alerts.ts';
import { appendAuditEvent } from '../../store/audit.ts';
import { inTransaction } from '../../store/database.ts';
import { countTransactions, dayAfter, flagWriter, fraudAccounts, runFlagPages, transactionsInOrder, type FlagRow } from '../../store/fraud-runs.ts';
import { inReadSnapshot } from '../../store/read-connection.ts';
import { finishRun, insertRun, type RunArtefacts } from '../../store/runs.ts';
import { baseCurrency } from '../../store/workspace-meta.ts';
import type { EngineJob, ReportProgress, WriteConnections } from '../protocol.ts';

/** Progress is posted every this many transactions read (a post per transaction would cost more than the pass). */
const PROGRESS_EVERY = 20_000;
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

interface ActiveRuleSet {
  readonly version: number;
  readonly evaluator: RuleSetEvaluator;
  readonly thresholds: RuleSet['thresholds'];
}

function activeRuleSet(db: WriteConnections['writer']): ActiveRuleSet {
  const row = db.prepare(`SELECT version, document FROM fraud_rule_sets WHERE status = 'active'`).get() as { version: number; document: string } | undefined;
  if (!row) throw new RiskDeskError('INVALID_STATE', 'No fraud rule set is active: have one approved by a second compliance user and activate it, then run again.');
  const ruleSet = JSON.parse(row.document) as RuleSet;
  const compiled = compileRuleSet(ruleSet);
  if (!compiled.ok) {
    const problems = compiled.problems.map((problem) => `${problem.ruleId ?? 'thresholds'}: ${problem.message}`).join('; ');
    throw new RiskDeskError('INVALID_STATE', `The active fraud rule set v${row.version} cannot be compiled (${problems}); activate another one.`);
  }
  return { version: row.version, evaluator: compiled.evaluator, thresholds: ruleSet.thresholds };
}

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
  const ruleSet = activeRuleSet(writer);
  const fromTs = input.from === undefined ? null : `${input.from}T00:00:00.000Z`;
  const beforeTs = input.to === undefined ? null : dayAfter(input.to);
  const total = countTransactions(reader, { fromTs, beforeTs });
  const currency = baseCurrency(reader);
  const artefacts = { 'fraud.ruleSet': ruleSet.version } as RunArtefacts;
  const runId = insertRun(writer, { engine: 'fraud', asOf: input.to ?? input.startedAt.slice(0, 10), artefacts, startedBy: input.actor, startedAt: input.startedAt, currency });
  const writeFlag = flagWriter(writer, runId);
  const stream = new FeatureStream(fraudAccounts(reader));
  const counts = { transactions: 0, review: 0, block: 0, flaggedMinor: 0 };
  let read = 0;
  report({ done: 0, total, phase: 'scoring transactions' });
  for (const tx of transactionsInOrder(reader, beforeTs)) {
    const vector = stream.next(tx);
    read += 1;
    if (read % PROGRESS_EVERY === 0) report({ done: counts.transactions, total, phase: 'scoring transactions' });
    if (fromTs !== null && tx.ts < fromTs) continue;
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
      ringId: stream.ringOf(tx.accountId),
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
