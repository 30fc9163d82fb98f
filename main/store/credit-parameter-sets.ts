import type { CreditParameters, ParameterSet } from '../../preload/contract/credit.ts';
import { lifecycleOf } from './credit-lifecycle.ts';
import type { Db } from './database.ts';

/** IFRS 9 parameter sets (master scale, staging, LGD, CCF, pricing): numbered versions with the credit lifecycle. */
export interface NewParameterSet {
  readonly parameters: CreditParameters;
  readonly note: string;
  readonly createdBy: string;
  readonly at: string;
}

interface ParameterSetRow extends Omit<ParameterSet, 'parameters'> {
  readonly parameters: string;
}

const COLUMNS = `version, note, status, created_by AS createdBy, created_at AS createdAt, approved_by AS approvedBy, approved_at AS approvedAt,
  activated_by AS activatedBy, activated_at AS activatedAt, parameters`;

const PARAMETER_SETS = lifecycleOf({ table: 'credit_parameter_sets', idColumn: 'version', label: (version) => `parameter set version ${version}` });

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

function existing(db: Db, version: number): ParameterSet {
  const set = getParameterSet(db, version);
  if (!set) throw new Error(`internal: parameter set version ${version} vanished inside its own transaction`);
  return set;
}

/** Throws NOT_FOUND, INVALID_STATE (not a draft) or FOUR_EYES (the approver wrote it). */
export function approveParameterSet(db: Db, version: number, actor: string, at: string): ParameterSet {
  PARAMETER_SETS.approve(db, version, actor, at);
  return existing(db, version);
}

/** Throws NOT_FOUND or INVALID_STATE (not approved); the set active before is retired. */
export function activateParameterSet(db: Db, version: number, actor: string, at: string): ParameterSet {
  PARAMETER_SETS.activate(db, version, actor, at);
  return existing(db, version);
}
