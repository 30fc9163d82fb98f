import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database.ts';
import type { InvestorBalanceRecord, RecordsByKind } from './records.ts';

interface TableSpec {
  table: string;
  key: readonly string[];
  columns: readonly string[];
}

const TABLES = {
  borrowers: {
    table: 'borrowers',
    key: ['borrower_id'],
    columns: ['borrower_id', 'region', 'annual_income_minor', 'birth_date', 'occupation', 'employment_type', 'industry', 'monthly_debt_minor', 'credit_history_months', 'home_ownership', 'registered_at', 'id_verified'],
  },
  loans: {
    table: 'loans',
    key: ['loan_id'],
    columns: ['loan_id', 'borrower_id', 'product', 'origination_date', 'principal_minor', 'interest_rate', 'term_months', 'currency', 'maturity_date', 'repayment_type', 'collateral_type', 'collateral_value_minor', 'channel', 'status', 'outstanding_balance_minor', 'dpd', 'undrawn_amount_minor'],
  },
  performance: {
    table: 'loan_performance',
    key: ['loan_id', 'as_of'],
    columns: ['loan_id', 'as_of', 'balance_minor', 'dpd', 'paid_amount_minor', 'status'],
  },
  accounts: {
    table: 'accounts',
    key: ['account_id'],
    columns: ['account_id', 'opened_at', 'borrower_id', 'country', 'kyc_level', 'phone_changed_at', 'password_changed_at'],
  },
  transactions: {
    table: 'transactions',
    key: ['tx_id'],
    columns: ['tx_id', 'account_id', 'ts', 'amount_minor', 'currency', 'type', 'channel', 'merchant_id', 'merchant_category', 'counterparty_account', 'country', 'device_id', 'ip', 'card_id'],
  },
  labels: {
    table: 'labels',
    key: ['subject_type', 'subject_id', 'source'],
    columns: ['subject_type', 'subject_id', 'label', 'source', 'labeled_at'],
  },
  liquidity_lines: {
    table: 'liquidity_lines',
    key: ['line_id'],
    columns: ['line_id', 'category', 'amount_minor', 'as_of', 'currency', 'maturity_date', 'counterparty', 'description'],
  },
  daily_flows: {
    table: 'daily_flows',
    key: ['date', 'product'],
    columns: ['date', 'product', 'inflow_minor', 'outflow_minor'],
  },
  investor_balances: {
    table: 'investor_balances',
    key: ['investor_id', 'product'],
    columns: ['investor_id', 'product', 'balance_minor', 'currency', 'as_of'],
  },
} as const satisfies Record<string, TableSpec>;

type WritableRecords = RecordsByKind & { investor_balances: InvestorBalanceRecord };
export type WritableKind = keyof WritableRecords;

/**
 * Upsert by the record's natural key, so re-importing the same ids converges to the same rows instead of
 * failing or duplicating. Callers own the transaction (an import is one transaction; demo batches are many).
 */
export interface RowWriter<K extends WritableKind> {
  write(record: WritableRecords[K]): void;
}

function upsertSql(spec: TableSpec): string {
  const names = spec.columns.join(', ');
  const values = spec.columns.map((c) => `@${c}`).join(', ');
  const updates = spec.columns.filter((c) => !spec.key.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ');
  return `INSERT INTO ${spec.table} (${names}) VALUES (${values}) ON CONFLICT (${spec.key.join(', ')}) DO UPDATE SET ${updates}`;
}

export function createRowWriter<K extends WritableKind>(db: Db, kind: K): RowWriter<K> {
  const statement: Statement = db.prepare(upsertSql(TABLES[kind]));
  return { write: (record) => void statement.run(record) };
}

export function tableOf(kind: WritableKind): string {
  return TABLES[kind].table;
}

/** The columns that identify a record of `kind` (what an upsert conflicts on), in the order the table declares them. */
export function naturalKeyOf(kind: WritableKind): readonly string[] {
  return TABLES[kind].key;
}
