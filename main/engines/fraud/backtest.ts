// The tally of a backtest: a candidate rule set's decisions (and the baseline's, when there is one) over a period,
// against what is known of each transaction. Fed one transaction at a time by whoever runs the feature pass; memory
// holds the counters, the per-day rows and twenty examples each way, never the transactions.
import type { BacktestExample as Example, BacktestResult, BacktestRule, BacktestSummary } from '../../../preload/contract/fraud-backtests.ts';
import type { RuleSet, RuleSetDecision } from './rules.ts';

/** What the tally reads of a transaction. */
export interface BacktestTransaction {
  readonly txId: string;
  readonly accountId: string;
  /** ISO 8601 UTC: its first ten characters are the day. */
  readonly ts: string;
  readonly amountMinor: number;
  readonly currency: string;
}

/** What is known of a transaction: labelled or closed as fraud, known genuine, or nothing (treated as genuine). */
export type Truth = 'fraud' | 'legit' | null;

const MAX_EXAMPLES = 20;

class SummaryTally {
  flagged = 0;
  review = 0;
  block = 0;
  flaggedMinor = 0;
  truePositives = 0;

  add(decision: RuleSetDecision, fraud: boolean, minorInCurrency: number): void {
    if (decision.action === 'allow') return;
    this.flagged += 1;
    this[decision.action] += 1;
    this.flaggedMinor += minorInCurrency;
    if (fraud) this.truePositives += 1;
  }

  result(fraudTotal: number): BacktestSummary {
    return {
      flagged: this.flagged,
      review: this.review,
      block: this.block,
      flaggedMinor: this.flaggedMinor,
      truePositives: this.truePositives,
      precision: this.flagged === 0 ? null : this.truePositives / this.flagged,
      recall: fraudTotal === 0 ? null : this.truePositives / fraudTotal,
    };
  }
}

/** The highest-scoring examples (earlier first on equal scores), and how many there were in all. */
class ExampleTally {
  count = 0;
  fraud = 0;
  readonly examples: Example[] = [];

  add(example: Example): void {
    this.count += 1;
    if (example.fraud) this.fraud += 1;
    const at = this.examples.findIndex((kept) => kept.score < example.score);
    if (at === -1) {
      if (this.examples.length < MAX_EXAMPLES) this.examples.push(example);
      return;
    }
    this.examples.splice(at, 0, example);
    if (this.examples.length > MAX_EXAMPLES) this.examples.pop();
  }
}

export interface BacktestSpec {
  readonly version: number;
  readonly candidate: RuleSet;
  readonly baselineVersion: number | null;
  readonly from: string | null;
  readonly to: string | null;
  /** Money flagged is summed in this currency; a flag in another is counted, not summed. */
  readonly currency: string;
}

export class BacktestTally {
  private readonly spec: BacktestSpec;
  private readonly ruleIds: string[];
  private readonly ruleIndex: Map<string, number>;
  private readonly ruleScores: number[];
  private readonly hits: number[];
  private readonly fraudHits: number[];
  private readonly hitMinor: number[];
  private readonly marginalFlagged: number[];
  private readonly marginalFraud: number[];
  private readonly overlaps: number[][];
  private readonly candidate = new SummaryTally();
  private readonly baseline = new SummaryTally();
  private readonly gained = new ExampleTally();
  private readonly lost = new ExampleTally();
  private readonly perDay = new Map<string, { review: number; block: number; baseline: number }>();
  private transactions = 0;
  private fraud = 0;
  private legit = 0;
  private fromCases = 0;

  constructor(spec: BacktestSpec) {
    this.spec = spec;
    const enabled = spec.candidate.rules.filter((rule) => rule.enabled);
    this.ruleIds = enabled.map((rule) => rule.id);
    this.ruleIndex = new Map(this.ruleIds.map((id, i) => [id, i]));
    this.ruleScores = enabled.map((rule) => rule.score);
    const zeros = () => enabled.map(() => 0);
    this.hits = zeros();
    this.fraudHits = zeros();
    this.hitMinor = zeros();
    this.marginalFlagged = zeros();
    this.marginalFraud = zeros();
    this.overlaps = enabled.map(zeros);
  }

  /** One transaction of the period, its truth (and whether that came from a case), and each version's decision. */
  add(tx: BacktestTransaction, truth: Truth, truthFromCase: boolean, candidate: RuleSetDecision, baseline: RuleSetDecision | null): void {
    this.transactions += 1;
    const fraud = truth === 'fraud';
    if (fraud) this.fraud += 1;
    if (truth === 'legit') this.legit += 1;
    if (truth !== null && truthFromCase) this.fromCases += 1;
    const minor = tx.currency === this.spec.currency ? tx.amountMinor : 0;
    this.candidate.add(candidate, fraud, minor);
    if (baseline) this.baseline.add(baseline, fraud, minor);

    const flagged = candidate.action !== 'allow';
    const fired = candidate.fired.map((rule) => this.ruleIndex.get(rule.id) ?? -1).filter((i) => i >= 0);
    for (const i of fired) {
      this.hits[i] = (this.hits[i] ?? 0) + 1;
      if (fraud) this.fraudHits[i] = (this.fraudHits[i] ?? 0) + 1;
      this.hitMinor[i] = (this.hitMinor[i] ?? 0) + minor;
      const row = this.overlaps[i] as number[];
      for (const j of fired) row[j] = (row[j] ?? 0) + 1;
      // Without this rule the score drops by its score: below the review threshold, the flag is this rule's doing.
      if (flagged && candidate.score - (this.ruleScores[i] ?? 0) < this.spec.candidate.thresholds.review) {
        this.marginalFlagged[i] = (this.marginalFlagged[i] ?? 0) + 1;
        if (fraud) this.marginalFraud[i] = (this.marginalFraud[i] ?? 0) + 1;
      }
    }

    const baselineFlagged = baseline !== null && baseline.action !== 'allow';
    if (flagged || baselineFlagged) {
      const day = tx.ts.slice(0, 10);
      let row = this.perDay.get(day);
      if (!row) {
        row = { review: 0, block: 0, baseline: 0 };
        this.perDay.set(day, row);
      }
      if (candidate.action !== 'allow') row[candidate.action] += 1;
      if (baselineFlagged) row.baseline += 1;
    }
    if (baseline === null || flagged === baselineFlagged) return;
    const decision = flagged ? candidate : baseline;
    if (decision.action === 'allow') return;
    const example: Example = {
      txId: tx.txId,
      accountId: tx.accountId,
      ts: tx.ts,
      amountMinor: tx.amountMinor,
      currency: tx.currency,
      score: decision.score,
      action: decision.action,
      rules: decision.fired.map((rule) => rule.id),
      fraud,
    };
    (flagged ? this.gained : this.lost).add(example);
  }

  result(): BacktestResult {
    const { spec } = this;
    const rules: BacktestRule[] = this.ruleIds.map((id, i) => {
      const hits = this.hits[i] ?? 0;
      const fraudHits = this.fraudHits[i] ?? 0;
      return {
        id,
        hits,
        fraudHits,
        hitMinor: this.hitMinor[i] ?? 0,
        precision: hits === 0 ? null : fraudHits / hits,
        marginal: { flagged: this.marginalFlagged[i] ?? 0, fraud: this.marginalFraud[i] ?? 0 },
      };
    });
    const change = (tally: ExampleTally) => ({ count: tally.count, fraud: tally.fraud, examples: tally.examples });
    return {
      version: spec.version,
      baselineVersion: spec.baselineVersion,
      from: spec.from,
      to: spec.to,
      currency: spec.currency,
      transactions: this.transactions,
      labels: { fraud: this.fraud, legit: this.legit, fromCases: this.fromCases },
      candidate: this.candidate.result(this.fraud),
      baseline: spec.baselineVersion === null ? null : this.baseline.result(this.fraud),
      rules,
      overlaps: { ids: this.ruleIds, counts: this.overlaps },
      perDay: [...this.perDay].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, row]) => ({ day, ...row })),
      diff: spec.baselineVersion === null ? null : { gained: change(this.gained), lost: change(this.lost) },
    };
  }
}
