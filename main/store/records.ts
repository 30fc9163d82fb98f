/**
 * One typed record per import kind, as stored: column names of the tables, money in integer minor units
 * (`*_minor`), dates as ISO 8601 text, booleans as 0/1, absent optional values as null. The CSV importer
 * and the demo generator both produce these and write them through `row-writers.ts`.
 */
export interface BorrowerRecord {
  borrower_id: string;
  region: string;
  annual_income_minor: number;
  birth_date: string | null;
  occupation: string | null;
  employment_type: string | null;
  industry: string | null;
  monthly_debt_minor: number | null;
  credit_history_months: number | null;
  home_ownership: string | null;
  registered_at: string | null;
  id_verified: 0 | 1 | null;
}

export interface LoanRecord {
  loan_id: string;
  borrower_id: string;
  product: string;
  origination_date: string;
  principal_minor: number;
  interest_rate: number;
  term_months: number;
  currency: string;
  maturity_date: string | null;
  repayment_type: string | null;
  collateral_type: string | null;
  collateral_value_minor: number | null;
  channel: string | null;
  status: string | null;
  outstanding_balance_minor: number | null;
  dpd: number | null;
  undrawn_amount_minor: number | null;
}

export interface PerformanceRecord {
  loan_id: string;
  /** YYYY-MM */
  as_of: string;
  balance_minor: number;
  dpd: number;
  paid_amount_minor: number | null;
  status: string | null;
}

export interface AccountRecord {
  account_id: string;
  opened_at: string;
  borrower_id: string | null;
  country: string | null;
  kyc_level: number | null;
  phone_changed_at: string | null;
  password_changed_at: string | null;
}

export interface TransactionRecord {
  tx_id: string;
  account_id: string;
  /** ISO 8601 UTC */
  ts: string;
  amount_minor: number;
  currency: string;
  type: string | null;
  channel: string | null;
  merchant_id: string | null;
  merchant_category: string | null;
  counterparty_account: string | null;
  country: string | null;
  device_id: string | null;
  ip: string | null;
  card_id: string | null;
}

export interface LabelRecord {
  subject_type: 'transaction' | 'account' | 'loan';
  subject_id: string;
  label: string;
  /** '' when the file gives none: part of the key, so labels from different sources coexist. */
  source: string;
  labeled_at: string | null;
}

export interface LiquidityLineRecord {
  line_id: string;
  category: string;
  amount_minor: number;
  as_of: string | null;
  currency: string;
  maturity_date: string | null;
  counterparty: string | null;
  description: string | null;
}

export interface DailyFlowRecord {
  date: string;
  product: string;
  inflow_minor: number;
  outflow_minor: number;
}

export interface InvestorBalanceRecord {
  investor_id: string;
  product: string;
  balance_minor: number;
  currency: string;
  as_of: string;
}

/** The record of each of the contract's IMPORT_KINDS. */
export interface RecordsByKind {
  borrowers: BorrowerRecord;
  loans: LoanRecord;
  performance: PerformanceRecord;
  accounts: AccountRecord;
  transactions: TransactionRecord;
  labels: LabelRecord;
  liquidity_lines: LiquidityLineRecord;
  daily_flows: DailyFlowRecord;
}
