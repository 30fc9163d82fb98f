import type { AccountRecord, LabelRecord, TransactionRecord } from '../../../store/records.ts';
import { nonNegative } from '../numbers.ts';
import { defineKind, type SubjectType } from './kind-spec.ts';

const SUBJECT_TYPES: readonly SubjectType[] = ['transaction', 'account', 'loan'];
const SUBJECT_MISSING: Record<SubjectType, string> = {
  transaction: 'is not a transaction in this workspace; import the transactions first',
  account: 'is not an account in this workspace; import the accounts first',
  loan: 'is not a loan in this workspace; import the loans first',
};

function isSubjectType(value: string): value is SubjectType {
  return (SUBJECT_TYPES as readonly string[]).includes(value);
}

export const accounts = defineKind({
  kind: 'accounts',
  required: ['account_id', 'opened_at'],
  optional: ['borrower_id', 'country', 'kyc_level', 'phone_changed_at', 'password_changed_at'],
  reference: { column: 'borrower_id', reason: 'is not a borrower in this workspace; import the borrowers first' },
  read: (r): AccountRecord => ({
    account_id: r.id('account_id'),
    opened_at: r.timestamp('opened_at'),
    borrower_id: r.id('borrower_id'),
    country: r.text('country'),
    kyc_level: r.integer('kyc_level', nonNegative),
    phone_changed_at: r.timestamp('phone_changed_at'),
    password_changed_at: r.timestamp('password_changed_at'),
  }),
});

export const transactions = defineKind({
  kind: 'transactions',
  required: ['tx_id', 'account_id', 'ts', 'amount', 'currency'],
  optional: ['type', 'channel', 'merchant_id', 'merchant_category', 'counterparty_account', 'country', 'device_id', 'ip', 'card_id'],
  reference: { column: 'account_id', reason: 'is not an account in this workspace; import the accounts first' },
  read(r): TransactionRecord {
    const currency = r.currency('currency');
    // Signed: refunds and reversals are negative amounts.
    return {
      tx_id: r.id('tx_id'),
      account_id: r.id('account_id'),
      ts: r.timestamp('ts'),
      amount_minor: r.money('amount', currency),
      currency,
      type: r.text('type'),
      channel: r.text('channel'),
      merchant_id: r.id('merchant_id'),
      merchant_category: r.text('merchant_category'),
      counterparty_account: r.id('counterparty_account'),
      country: r.text('country'),
      device_id: r.id('device_id'),
      ip: r.id('ip'),
      card_id: r.id('card_id'),
    };
  },
});

export const labels = defineKind({
  kind: 'labels',
  required: ['subject_type', 'subject_id', 'label'],
  optional: ['source', 'labeled_at'],
  read(r, env): LabelRecord {
    const record: LabelRecord = {
      subject_type: r.choice('subject_type', isSubjectType, SUBJECT_TYPES.join(', ')),
      subject_id: r.id('subject_id'),
      label: r.text('label'),
      // '' rather than null: the source is part of the key, and NULLs never conflict in SQLite.
      source: r.text('source') ?? '',
      labeled_at: r.timestamp('labeled_at'),
    };
    // Labels point at three tables, so there is no foreign key to lean on: check the subject explicitly.
    if (r.ok && !env.subjectExists(record.subject_type, record.subject_id)) {
      r.problem('subject_id', SUBJECT_MISSING[record.subject_type]);
    }
    return record;
  },
});
