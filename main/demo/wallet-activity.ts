import type { LabelRecord } from '../store/records.ts';
import { type AccountProfile, type WalletLayout, accountProfile } from './account-profile.ts';
import { MS_PER_DAY } from '../engines/calendar.ts';
import { beijingMs, utcIso } from './beijing-time.ts';
import type { DemoSink } from './demo-sink.ts';
import { fraudTransactions } from './fraud-patterns.ts';
import { legitimateTransactions } from './normal-activity.ts';
import { toTransactionRecord, transactionId } from './transaction-draft.ts';

/**
 * Writes one account, its transactions in time order and their labels.
 *
 * Labels (documented for every consumer of demo data):
 * - source `demo`: label `fraud` on each injected fraud transaction, and on the account itself for the
 *   account-level patterns (mule ring members, taken-over accounts); label `legit` on transactions that look
 *   suspicious but are genuine (trips abroad, one large purchase), as a reviewed false positive would be.
 * - source `demo_pattern`: the same subjects again, with the pattern's name as the label
 *   (shared_device_ring, velocity_burst, account_takeover, amount_spike, travel, large_purchase), so a
 *   backtest can break its results down by pattern without changing what `label` means.
 * Everything unlabelled is genuine. Labels are dated when the fraud would have been reported (1–20 days
 * later, capped at the as-of day).
 */
export const DEMO_LABEL_SOURCE = 'demo';
export const DEMO_PATTERN_SOURCE = 'demo_pattern';

function labelPair(subjectType: LabelRecord['subject_type'], subjectId: string, label: string, pattern: string, labeledAt: string): LabelRecord[] {
  return [
    { subject_type: subjectType, subject_id: subjectId, label, source: DEMO_LABEL_SOURCE, labeled_at: labeledAt },
    { subject_type: subjectType, subject_id: subjectId, label: pattern, source: DEMO_PATTERN_SOURCE, labeled_at: labeledAt },
  ];
}

export class WalletActivityWriter {
  private transactions = 0;
  private readonly sink: DemoSink;
  private readonly layout: WalletLayout;
  private readonly endMs: number;

  constructor(sink: DemoSink, layout: WalletLayout) {
    this.sink = sink;
    this.layout = layout;
    this.endMs = beijingMs(layout.asOfDay + 1, 0) - 1;
  }

  private reportedAt(profile: AccountProfile, ms: number): string {
    return utcIso(Math.min(this.endMs, ms + profile.random.int(1, 20) * MS_PER_DAY));
  }

  writeAccount(index: number): void {
    const profile = accountProfile(this.layout, index);
    let drafts = legitimateTransactions(profile, this.layout);
    const plan = profile.fraud;
    if (plan) {
      // After a takeover the owner is locked out: their own activity stops.
      if (plan.pattern === 'account_takeover') drafts = drafts.filter((d) => d.ms < plan.takeoverMs);
      drafts.push(...fraudTransactions(profile, this.layout, plan));
    }
    drafts = drafts.filter((d) => d.ms <= this.endMs).sort((a, b) => a.ms - b.ms);

    const accountId = profile.record.account_id;
    this.sink.write('accounts', profile.record);
    let firstFraudMs: number | null = null;
    for (const draft of drafts) {
      const txId = transactionId(this.transactions);
      this.transactions += 1;
      this.sink.write('transactions', toTransactionRecord(draft, txId, accountId));
      if (draft.truth) {
        if (draft.truth.label === 'fraud') firstFraudMs ??= draft.ms;
        for (const label of labelPair('transaction', txId, draft.truth.label, draft.truth.pattern, this.reportedAt(profile, draft.ms))) this.sink.write('labels', label);
      }
    }
    const accountLevel = plan?.pattern === 'shared_device_ring' || plan?.pattern === 'account_takeover';
    if (plan && accountLevel && firstFraudMs !== null) {
      for (const label of labelPair('account', accountId, 'fraud', plan.pattern, this.reportedAt(profile, firstFraudMs))) this.sink.write('labels', label);
    }
  }
}
