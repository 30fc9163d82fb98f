import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './database.ts';
import type { LabelRecord } from './records.ts';

/** What an imported row may refer to that is already in the workspace. */
export interface ReferenceLookups {
  /** The loan's currency, or undefined when there is no such loan. */
  loanCurrency(loanId: string): string | undefined;
  /** Whether the transaction, account or loan a label is about exists. */
  subjectExists(type: LabelRecord['subject_type'], id: string): boolean;
}

/** Point lookups by primary key, prepared once for a whole import rather than once per row. */
export function prepareReferenceLookups(db: Db): ReferenceLookups {
  const loanCurrency = db.prepare('SELECT currency FROM loans WHERE loan_id = ?').pluck();
  const subjects: Record<LabelRecord['subject_type'], Statement> = {
    transaction: db.prepare('SELECT 1 FROM transactions WHERE tx_id = ?').pluck(),
    account: db.prepare('SELECT 1 FROM accounts WHERE account_id = ?').pluck(),
    loan: db.prepare('SELECT 1 FROM loans WHERE loan_id = ?').pluck(),
  };
  return {
    loanCurrency: (loanId) => loanCurrency.get(loanId) as string | undefined,
    subjectExists: (type, id) => subjects[type].get(id) !== undefined,
  };
}
