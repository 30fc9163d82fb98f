import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../../store/database.ts';
import { baseCurrency } from '../../store/portfolio-queries.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ImportEnv, SubjectType } from './kinds/kind-spec.ts';
import { isCurrencyCode } from './money.ts';

function checkedBaseCurrency(db: Db): string {
  const currency = baseCurrency(db);
  if (!isCurrencyCode(currency)) {
    throw new RiskDeskError('INVALID_ARGUMENT', `The workspace's base currency ${JSON.stringify(currency)} is not an ISO 4217 code; set a valid one before importing.`);
  }
  return currency;
}

/** The workspace facts rows are checked against, with statements prepared once per import rather than per row. */
export function workspaceLookups(db: Db, now: Date): ImportEnv {
  const loanCurrency = db.prepare('SELECT currency FROM loans WHERE loan_id = ?').pluck();
  const subjectStatements: Record<SubjectType, Statement> = {
    transaction: db.prepare('SELECT 1 FROM transactions WHERE tx_id = ?').pluck(),
    account: db.prepare('SELECT 1 FROM accounts WHERE account_id = ?').pluck(),
    loan: db.prepare('SELECT 1 FROM loans WHERE loan_id = ?').pluck(),
  };
  return {
    baseCurrency: checkedBaseCurrency(db),
    today: now.toISOString().slice(0, 10),
    loanCurrency: (loanId) => loanCurrency.get(loanId) as string | undefined,
    subjectExists: (type, id) => subjectStatements[type].get(id) !== undefined,
  };
}
