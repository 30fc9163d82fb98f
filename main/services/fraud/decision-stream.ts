// Streaming decisions beside the payment flow: one transaction in (a JSON object, as an NDJSON line), one decision
// out, scored by the active rule set on features whose windows, first uses and rings carry the workspace's whole
// history. Nothing is written: a decision is an answer, not a run (a run stores flags and raises alerts).
import { z } from 'zod';
import { FeatureStream, type FraudAccount, type RuleSetDecision } from '../../engines/fraud/index.ts';
import { fraudAccounts, transactionsInOrder } from '../../store/fraud-runs.ts';
import { activeScoringRuleSet, type ScoringRuleSet } from '../../workers/active-rule-set.ts';
import type { ServiceContext } from '../context.ts';
import { parseTimestamp } from '../import/date-values.ts';
import { Invalid } from '../import/invalid.ts';
import { parseCurrency, parseMoney } from '../import/money.ts';
import { requirePermission } from '../permissions.ts';

const text = z.string().min(1).max(128);
const optionalText = text.nullable().optional();

/** A transaction as `riskdesk fraud score` reads it: the columns of a transactions CSV (DOMAIN.md), amount in major units. */
const streamedTransactionSchema = z
  .object({
    tx_id: text,
    account_id: text,
    ts: z.string().max(40),
    amount: z.union([z.string().max(40), z.number().finite()]),
    currency: z.string().max(8),
    type: optionalText,
    channel: optionalText,
    merchant_id: optionalText,
    merchant_category: optionalText,
    counterparty_account: optionalText,
    country: optionalText,
    device_id: optionalText,
    ip: optionalText,
    card_id: optionalText,
  })
  .strict();

/** What a line gets back: the decision, or why there is none (its line number, and its tx_id when it had one). */
export type DecisionLine =
  | { readonly tx_id: string; readonly score: number; readonly action: RuleSetDecision['action']; readonly rules: string[] }
  | { readonly line: number; readonly tx_id: string | null; readonly error: string };

export interface DecisionStream {
  readonly ruleSetVersion: number;
  /** Transactions of the workspace read to build the window state. */
  readonly historyRead: number;
  /** Decides one NDJSON line (its 1-based number names it in an error). */
  decide(line: string, lineNumber: number): DecisionLine;
}

function refusal(lineNumber: number, txId: string | null, error: string): DecisionLine {
  return { line: lineNumber, tx_id: txId, error };
}

/**
 * Reads the workspace's history into the feature state (every transaction in time order: seconds per million) and
 * returns the stream. A transaction must come after the last one seen (the history's last, then the previous line):
 * features never look back into a past they did not see. New accounts must be in the workspace already.
 */
export function openDecisionStream(ctx: ServiceContext): DecisionStream {
  requirePermission(ctx.actor, 'runs.start');
  const ruleSet: ScoringRuleSet = activeScoringRuleSet(ctx.reader);
  const accounts: Map<string, FraudAccount> = fraudAccounts(ctx.reader);
  const stream = new FeatureStream(accounts);
  let historyRead = 0;
  for (const tx of transactionsInOrder(ctx.reader, null)) {
    stream.next(tx);
    historyRead += 1;
  }
  return {
    ruleSetVersion: ruleSet.version,
    historyRead,
    decide(line, lineNumber) {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        return refusal(lineNumber, null, 'is not JSON: each line is one transaction object');
      }
      const parsed = streamedTransactionSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const txId = typeof (json as { tx_id?: unknown } | null)?.tx_id === 'string' ? (json as { tx_id: string }).tx_id : null;
        return refusal(lineNumber, txId, `field ${issue?.path.map(String).join('.') || '(the line)'}: ${issue?.message ?? 'not a transaction'}`);
      }
      const tx = parsed.data;
      const ts = parseTimestamp(tx.ts);
      if (ts instanceof Invalid) return refusal(lineNumber, tx.tx_id, `field ts: "${tx.ts}" ${ts.reason}`);
      const currency = parseCurrency(tx.currency);
      if (currency instanceof Invalid) return refusal(lineNumber, tx.tx_id, `field currency: "${tx.currency}" ${currency.reason}`);
      const amount = parseMoney(String(tx.amount), currency);
      if (amount instanceof Invalid) return refusal(lineNumber, tx.tx_id, `field amount: "${String(tx.amount)}" ${amount.reason}`);
      if (!accounts.has(tx.account_id)) return refusal(lineNumber, tx.tx_id, `field account_id: there is no account ${tx.account_id} in the workspace`);
      let vector;
      try {
        vector = stream.next({
          txId: tx.tx_id,
          accountId: tx.account_id,
          tsMs: Date.parse(ts),
          amountMinor: amount,
          channel: tx.channel ?? null,
          merchantCategory: tx.merchant_category ?? null,
          country: tx.country ?? null,
          deviceId: tx.device_id ?? null,
          ip: tx.ip ?? null,
          cardId: tx.card_id ?? null,
        });
      } catch (error) {
        // The stream refuses a transaction out of time order, naming both times.
        if (error instanceof RangeError) return refusal(lineNumber, tx.tx_id, error.message);
        throw error;
      }
      const decision = ruleSet.evaluator.evaluate(vector);
      return { tx_id: tx.tx_id, score: decision.score, action: decision.action, rules: decision.fired.map((rule) => rule.id) };
    },
  };
}
