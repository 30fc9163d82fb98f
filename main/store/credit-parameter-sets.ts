import type { CreditParameters, ParameterSet } from '../../preload/contract/credit.ts';
import type { Db } from './database.ts';
import { LIFECYCLE_COLUMNS, lifecycleOf } from './lifecycle.ts';

/** IFRS 9 parameter sets (master scale, staging, LGD, CCF, pricing): numbered versions with the artefact lifecycle. */
export interface NewParameterSet {
  readonly parameters: CreditParameters;
  readonly note: string;
  readonly createdBy: string;
  readonly at: string;
}

interface ParameterSetRow extends Omit<ParameterSet, 'parameters'> {
  readonly parameters: string;
}

const COLUMNS = `version, note, ${LIFECYCLE_COLUMNS}, parameters`;

function parameterSetOf(row: ParameterSetRow): ParameterSet {
  return { ...row, parameters: JSON.parse(row.parameters) as CreditParameters };
}

/** The next version number is taken inside the insert, so the caller's transaction makes it race-free. */
export function insertDraftParameterSet(db: Db, set: NewParameterSet): ParameterSet {
  const row = db
    .prepare(
      `INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, parameters)
       SELECT coalesce(max(version), 0) + 1, ?, 'draft', ?, ?, ? FROM credit_parameter_sets
       RETURNING ${COLUMNS}`,
    )
    .get(set.note, set.createdBy, set.at, JSON.stringify(set.parameters)) as ParameterSetRow;
  return parameterSetOf(row);
}

/**
 * The set RiskDesk ships (resources/parameter-sets/), as version 1 of a workspace that has none: authored, approved
 * and activated by 'system' (the one version the schema lets approve itself) and never submitted.
 */
export function insertShippedParameterSet(db: Db, set: { readonly parameters: CreditParameters; readonly note: string; readonly at: string }): ParameterSet {
  const row = db
    .prepare(
      `INSERT INTO credit_parameter_sets (version, note, status, created_by, created_at, approved_by, approved_at, activated_by, activated_at, parameters)
       VALUES (1, ?, 'active', 'system', ?, 'system', ?, 'system', ?, ?)
       RETURNING ${COLUMNS}`,
    )
    .get(set.note, set.at, set.at, set.at, JSON.stringify(set.parameters)) as ParameterSetRow;
  return parameterSetOf(row);
}

/** Newest first. */
export function listParameterSets(db: Db): ParameterSet[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM credit_parameter_sets ORDER BY version DESC`).all() as ParameterSetRow[]).map(parameterSetOf);
}

export function getParameterSet(db: Db, version: number): ParameterSet | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM credit_parameter_sets WHERE version = ?`).get(version) as ParameterSetRow | undefined;
  return row && parameterSetOf(row);
}

export function activeParameterSet(db: Db): ParameterSet | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM credit_parameter_sets WHERE status = 'active'`).get() as ParameterSetRow | undefined;
  return row ? parameterSetOf(row) : null;
}

/** Submit, approve, reject and activate parameter sets (lifecycle.ts); each step returns the set. */
export const parameterSetLifecycle = lifecycleOf({ table: 'credit_parameter_sets', idColumn: 'version', label: (version) => `parameter set version ${version}`, read: getParameterSet });
