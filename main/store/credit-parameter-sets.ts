import type { CreditParameters, ParameterSet } from '../../preload/contract/credit.ts';
import type { Db } from './database.ts';
import { documentSetStore } from './document-sets.ts';

/** IFRS 9 parameter sets (master scale, staging, LGD, CCF, pricing, alert thresholds): document sets named `parameters`. */
export interface NewParameterSet {
  readonly parameters: CreditParameters;
  readonly note: string;
  readonly createdBy: string;
  readonly at: string;
}

const sets = documentSetStore<CreditParameters, ParameterSet>({
  table: 'credit_parameter_sets',
  documentColumn: 'parameters',
  label: (version) => `parameter set version ${version}`,
  present: ({ document, ...row }) => ({ ...row, parameters: document }),
});

export function insertDraftParameterSet(db: Db, set: NewParameterSet): ParameterSet {
  return sets.insertDraft(db, { document: set.parameters, note: set.note, createdBy: set.createdBy, at: set.at });
}

/** The set RiskDesk ships (resources/parameter-sets/), as version 1 of a workspace that has none. */
export function insertShippedParameterSet(db: Db, set: { readonly parameters: CreditParameters; readonly note: string; readonly at: string }): ParameterSet {
  return sets.insertShipped(db, { document: set.parameters, note: set.note, at: set.at });
}

export const listParameterSets = sets.list;
export const getParameterSet = sets.get;
export const activeParameterSet = sets.active;

/** Submit, approve, reject and activate parameter sets (lifecycle.ts); each step returns the set. */
export const parameterSetLifecycle = sets.lifecycle;
