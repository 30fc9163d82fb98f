// What a free-text loan status (imported CSVs spell it as they like) means for risk. The store's SQL reads the
// same spellings (main/store/loan-status-sql.ts), so a loan counts as defaulted everywhere alike.

export type StatusClass = 'written_off' | 'defaulted' | 'paid_off';

const CLASSES: ReadonlyMap<string, StatusClass> = new Map([
  ['written_off', 'written_off'],
  ['write_off', 'written_off'],
  ['writeoff', 'written_off'],
  ['charged_off', 'written_off'],
  ['default', 'defaulted'],
  ['defaulted', 'defaulted'],
  ['paid_off', 'paid_off'],
  ['paidoff', 'paid_off'],
  ['repaid', 'paid_off'],
]);

/** The class of a status after lower-casing, with spaces and hyphens as underscores; null for any other status. */
export function statusClass(status: string | null): StatusClass | null {
  if (status === null) return null;
  return CLASSES.get(status.trim().toLowerCase().replace(/[\s-]+/g, '_')) ?? null;
}
