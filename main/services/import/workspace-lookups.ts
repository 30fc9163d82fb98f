import type { Db } from '../../store/database.ts';
import { baseCurrency } from '../../store/workspace-meta.ts';
import { prepareReferenceLookups } from '../../store/reference-lookups.ts';
import { RiskDeskError } from '../../../preload/contract/errors.ts';
import type { ImportEnv } from './kinds/kind-spec.ts';
import { isCurrencyCode } from '../../engines/currency.ts';

function checkedBaseCurrency(db: Db): string {
  const currency = baseCurrency(db);
  if (!isCurrencyCode(currency)) {
    throw new RiskDeskError('INVALID_ARGUMENT', `The workspace's base currency ${JSON.stringify(currency)} is not an ISO 4217 code; set a valid one before importing.`);
  }
  return currency;
}

/** The workspace facts rows are checked against, read inside the import's transaction. */
export function workspaceLookups(db: Db, now: Date): ImportEnv {
  return {
    ...prepareReferenceLookups(db),
    baseCurrency: checkedBaseCurrency(db),
    today: now.toISOString().slice(0, 10),
  };
}
