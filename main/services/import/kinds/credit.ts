import type { BorrowerRecord, LoanRecord, PerformanceRecord } from '../../../store/records.ts';
import { BORROWER_CODES, LOAN_CODES, LOAN_RANGES, ORIGINATION_DATES } from '../../../../preload/contract/loan-vocabulary.ts';
import { nonNegative } from '../numbers.ts';
import { amountWithinLimits, codeChoice, rateWithinLimits, unusual, unusualAmount, withinLimits } from '../plausible-values.ts';
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
      employment_type: r.choice('employment_type', ...codeChoice(BORROWER_CODES.employment_type)),
      industry: r.choice('industry', ...codeChoice(BORROWER_CODES.industry)),
      monthly_debt_minor: r.money('monthly_debt', env.baseCurrency, nonNegative),
      credit_history_months: r.integer('credit_history_months', nonNegative),
      home_ownership: r.choice('home_ownership', ...codeChoice(BORROWER_CODES.home_ownership)),
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
      product: r.choice('product', ...codeChoice(LOAN_CODES.product)),
      origination_date: r.date('origination_date'),
      principal_minor: r.money('principal', currency, amountWithinLimits(LOAN_RANGES.principal, currency)),
      interest_rate: r.decimal('interest_rate', rateWithinLimits(LOAN_RANGES.interest_rate)),
      term_months: r.integer('term_months', withinLimits(LOAN_RANGES.term_months)),
      currency: currency ?? '',
      maturity_date: r.date('maturity_date'),
      repayment_type: r.choice('repayment_type', ...codeChoice(LOAN_CODES.repayment_type)),
      collateral_type: r.choice('collateral_type', ...codeChoice(LOAN_CODES.collateral_type)),
      collateral_value_minor: r.money('collateral_value', currency, nonNegative),
      channel: r.choice('channel', ...codeChoice(LOAN_CODES.channel)),
      status: r.choice('status', ...codeChoice(LOAN_CODES.status)),
      outstanding_balance_minor: r.money('outstanding_balance', currency, nonNegative),
      dpd: r.integer('dpd', nonNegative),
      undrawn_amount_minor: r.money('undrawn_amount', currency, nonNegative),
    };
    if (r.ok && record.maturity_date !== null && record.maturity_date < record.origination_date) {
      r.problem('maturity_date', `is before the origination date ${record.origination_date}`);
    }
    if (r.ok) {
      const origination = judgeOrigination(record.origination_date, env.today);
      if (origination.problem !== undefined) r.problem('origination_date', origination.problem);
      if (origination.warning !== undefined) r.warn('origination_date', origination.warning);
      for (const [column, reason] of unusualLoanValues(record)) r.warn(column, reason);
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
    const record: PerformanceRecord = {
      loan_id: loanId,
      as_of: r.yearMonth('as_of'),
      balance_minor: r.money('balance', currency, nonNegative),
      dpd: r.integer('dpd', nonNegative),
      paid_amount_minor: r.money('paid_amount', currency, nonNegative),
      status: r.choice('status', ...codeChoice(LOAN_CODES.status)),
    };
    if (r.ok && record.as_of !== null && record.as_of > env.today.slice(0, 7)) r.problem('as_of', `is after this month (${env.today.slice(0, 7)}); performance is recorded for months that have ended or begun`);
    return record;
  },
});

/** Not a placeholder (1900-01-01), not after the day of the import; long ago is possible, so only unusual. */
function judgeOrigination(origination: string, today: string): { readonly problem?: string; readonly warning?: string } {
  if (origination < ORIGINATION_DATES.earliest) return { problem: `is before ${ORIGINATION_DATES.earliest}; write the loan's real origination date, not a placeholder` };
  if (origination > today) return { problem: `is after today (${today}); a loan in the file must already have originated` };
  if (origination < yearsBefore(today, ORIGINATION_DATES.usualYearsBack)) {
    return { warning: `is more than ${ORIGINATION_DATES.usualYearsBack} years ago, which is unusual for a loan still reported; check the year` };
  }
  return {};
}

function yearsBefore(day: string, years: number): string {
  // Dates in one fixed shape compare as text; a 29 February moved to a common year still orders correctly.
  return `${String(Number(day.slice(0, 4)) - years).padStart(4, '0')}${day.slice(4)}`;
}

/** The loan's values that are within their limits but outside the usual band, with why. */
function unusualLoanValues(loan: LoanRecord): [column: 'interest_rate' | 'term_months' | 'principal', reason: string][] {
  const found: [column: 'interest_rate' | 'term_months' | 'principal', reason: string | null][] = [
    ['interest_rate', unusual(loan.interest_rate, LOAN_RANGES.interest_rate)],
    ['term_months', unusual(loan.term_months, LOAN_RANGES.term_months)],
    ['principal', unusualAmount(loan.principal_minor, loan.currency, LOAN_RANGES.principal)],
  ];
  return found.filter((entry): entry is [column: 'interest_rate' | 'term_months' | 'principal', reason: string] => entry[1] !== null);
}
