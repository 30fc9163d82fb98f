import type { BorrowerRecord, LoanRecord, PerformanceRecord } from '../../../store/records.ts';
import { between, nonNegative, positive } from '../numbers.ts';
import { defineKind } from './kind-spec.ts';

const LOAN_MISSING = 'is not a loan in this workspace; import the loans first';

export const borrowers = defineKind({
  kind: 'borrowers',
  required: ['borrower_id', 'region', 'annual_income'],
  optional: ['birth_date', 'occupation', 'employment_type', 'industry', 'monthly_debt', 'credit_history_months', 'home_ownership', 'registered_at', 'id_verified'],
  read(r, env): BorrowerRecord {
    const record: BorrowerRecord = {
      borrower_id: r.id('borrower_id'),
      region: r.text('region'),
      annual_income_minor: r.money('annual_income', env.baseCurrency, nonNegative),
      birth_date: r.date('birth_date'),
      occupation: r.text('occupation'),
      employment_type: r.text('employment_type'),
      industry: r.text('industry'),
      monthly_debt_minor: r.money('monthly_debt', env.baseCurrency, nonNegative),
      credit_history_months: r.integer('credit_history_months', nonNegative),
      home_ownership: r.text('home_ownership'),
      registered_at: r.timestamp('registered_at'),
      id_verified: r.boolean('id_verified'),
    };
    if (r.ok && record.birth_date !== null && record.birth_date > env.today) r.problem('birth_date', 'is in the future');
    return record;
  },
});

export const loans = defineKind({
  kind: 'loans',
  required: ['loan_id', 'borrower_id', 'product', 'origination_date', 'principal', 'interest_rate', 'term_months'],
  optional: ['currency', 'maturity_date', 'repayment_type', 'collateral_type', 'collateral_value', 'channel', 'status', 'outstanding_balance', 'dpd', 'undrawn_amount'],
  reference: { column: 'borrower_id', reason: 'is not a borrower in this workspace; import the borrowers first' },
  read(r, env): LoanRecord {
    const currency = r.currencyOr('currency', env.baseCurrency);
    const record: LoanRecord = {
      loan_id: r.id('loan_id'),
      borrower_id: r.id('borrower_id'),
      product: r.text('product'),
      origination_date: r.date('origination_date'),
      principal_minor: r.money('principal', currency, positive),
      interest_rate: r.decimal('interest_rate', between(0, 10, ' (a decimal: 0.125 is 12.5 %)')),
      term_months: r.integer('term_months', positive),
      currency: currency ?? '',
      maturity_date: r.date('maturity_date'),
      repayment_type: r.text('repayment_type'),
      collateral_type: r.text('collateral_type'),
      collateral_value_minor: r.money('collateral_value', currency, nonNegative),
      channel: r.text('channel'),
      status: r.text('status'),
      outstanding_balance_minor: r.money('outstanding_balance', currency, nonNegative),
      dpd: r.integer('dpd', nonNegative),
      undrawn_amount_minor: r.money('undrawn_amount', currency, nonNegative),
    };
    if (r.ok && record.maturity_date !== null && record.maturity_date < record.origination_date) {
      r.problem('maturity_date', `is before the origination date ${record.origination_date}`);
    }
    return record;
  },
});

export const performance = defineKind({
  kind: 'performance',
  required: ['loan_id', 'as_of', 'balance', 'dpd'],
  optional: ['paid_amount', 'status'],
  reference: { column: 'loan_id', reason: LOAN_MISSING },
  read(r, env): PerformanceRecord {
    const loanId = r.id('loan_id');
    // Balances are in the loan's own currency, so the loan is looked up here (which also checks that it exists).
    let currency: string | null = null;
    if (loanId !== null) {
      currency = env.loanCurrency(loanId) ?? null;
      if (currency === null) r.problem('loan_id', LOAN_MISSING);
    }
    return {
      loan_id: loanId,
      as_of: r.yearMonth('as_of'),
      balance_minor: r.money('balance', currency, nonNegative),
      dpd: r.integer('dpd', nonNegative),
      paid_amount_minor: r.money('paid_amount', currency, nonNegative),
      status: r.text('status'),
    };
  },
});
