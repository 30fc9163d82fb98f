import type { TransactionChannel, TransactionType } from '../../preload/contract/data-vocabulary.ts';
import type { TransactionRecord } from '../store/records.ts';
import { DEFAULT_BASE_CURRENCY } from '../../preload/contract/vocabulary.ts';
import { utcIso } from './beijing-time.ts';
import type { FraudPattern, LegitPattern } from './account-profile.ts';


/** What the generator knows about a transaction that the table does not: its time as a number and its truth. */
export interface TransactionDraft {
  readonly ms: number;
  readonly amountMinor: number;
  readonly type: TransactionType;
  readonly channel: TransactionChannel;
  readonly merchantId: string | null;
  readonly merchantCategory: string | null;
  readonly counterparty: string | null;
  readonly country: string;
  readonly deviceId: string;
  readonly ip: string;
  readonly cardId: string | null;
  readonly truth: { readonly label: 'fraud'; readonly pattern: FraudPattern } | { readonly label: 'legit'; readonly pattern: LegitPattern } | null;
}

export function transactionId(sequence: number): string {
  return `T${String(sequence + 1).padStart(9, '0')}`;
}

export function toTransactionRecord(draft: TransactionDraft, txId: string, accountId: string): TransactionRecord {
  return {
    tx_id: txId,
    account_id: accountId,
    ts: utcIso(draft.ms),
    amount_minor: draft.amountMinor,
    currency: DEFAULT_BASE_CURRENCY,
    type: draft.type,
    channel: draft.channel,
    merchant_id: draft.merchantId,
    merchant_category: draft.merchantCategory,
    counterparty_account: draft.counterparty,
    country: draft.country,
    device_id: draft.deviceId,
    ip: draft.ip,
    card_id: draft.cardId,
  };
}

/** Rounds a yuan amount to minor units, at least one yuan. */
export function yuanToMinor(yuan: number): number {
  return Math.max(100, Math.round(yuan * 100));
}
