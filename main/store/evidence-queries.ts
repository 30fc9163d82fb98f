import { AUDIT_GENESIS_HASH, auditHashAt, type AuditEventRow } from './audit.ts';
import type { Db } from './database.ts';
import { keysetBatches, type KeysetQuery } from './keyset.ts';

/**
 * The SQL of an evidence pack's payload: which rows a scope covers, counted for the preview and read in keyset
 * batches for the pack (never a whole table at once). The caller holds one read transaction over all of it, so the
 * counts and the files agree.
 *
 * A period is UTC calendar days, both included, compared as text against the ISO 8601 timestamps services write
 * (`toISOString()`: `2026-11-30T23:59:59.999Z`). Midnight bounds also place a timestamp written without milliseconds
 * (`…T00:00:00Z`) on the right side, since 'Z' sorts after '.'.
 */
export interface EvidencePeriod {
  /** The first instant in the period and the first one after it: `start <= at < end`. */
  readonly start: string;
  readonly end: string;
}

const DAY_MS = 86_400_000;

export function evidencePeriod(from: string, to: string): EvidencePeriod {
  return { start: `${from}T00:00:00.000Z`, end: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS).toISOString() };
}

/** Chosen ids, or everything the period's default takes. */
export type Selection = { readonly chosen: readonly number[] } | { readonly period: EvidencePeriod };

/** A JSON array for `json_each(?)`: one bound value however many ids were chosen. */
function idList(ids: readonly number[]): string {
  return JSON.stringify(ids);
}

// ── Chosen ids that do not exist ───────────────────────────────────────────────────────────────────────────

/** The scope fields that choose ids, and what each may choose (internal constants, spliced into SQL). */
const CHOOSABLE = {
  cases: { table: 'cases', id: 'case_id', where: 'TRUE' },
  models: { table: 'credit_models', id: 'model_id', where: 'TRUE' },
  ruleSetVersions: { table: 'fraud_rule_sets', id: 'version', where: 'TRUE' },
  // A liquidity run has no place in a pack's runs: its results are the report's, not a CSV of runs.
  runs: { table: 'runs', id: 'run_id', where: `engine IN ('credit', 'fraud') AND status = 'finished'` },
} as const;
export type ChoosableField = keyof typeof CHOOSABLE;

/** The chosen ids that name nothing this field may choose, in ascending order. */
export function missingIds(db: Db, field: ChoosableField, ids: readonly number[]): number[] {
  const { table, id, where } = CHOOSABLE[field];
  return db
    .prepare(`SELECT DISTINCT value FROM json_each(?) WHERE value NOT IN (SELECT ${id} FROM ${table} WHERE ${where}) ORDER BY value`)
    .pluck()
    .all(idList(ids)) as number[];
}

// ── Listings: the rows of one CSV ──────────────────────────────────────────────────────────────────────────

/** The rows of one payload CSV: counted by `listingCount`, read by `listingBatches`, in key order. */
export type Listing = Omit<KeysetQuery, 'batchSize'>;

export function listingCount(db: Db, listing: Listing): number {
  return db.prepare(`SELECT count(*) FROM ${listing.table} WHERE ${listing.where ?? 'TRUE'}`).pluck().get(...(listing.params ?? [])) as number;
}

export function listingBatches<Row extends Record<string, unknown>>(db: Db, listing: Listing, batchSize: number): Generator<Row[]> {
  return keysetBatches<Row>(db, { ...listing, batchSize });
}

/** The ids of the cases in scope, as a subquery and its values: the chosen ones, or every case open at some time in the period. */
function casesInScope(selection: Selection): { sql: string; params: unknown[] } {
  if ('chosen' in selection) return { sql: 'SELECT value FROM json_each(?)', params: [idList(selection.chosen)] };
  // Opened before the period ended, and not closed before it began.
  const { start, end } = selection.period;
  return { sql: 'SELECT case_id FROM cases WHERE created_at < ? AND (closed_at IS NULL OR closed_at >= ?)', params: [end, start] };
}

export const CASE_COLUMNS = [
  'case_id', 'type', 'title', 'group_key', 'priority', 'status', 'assignee', 'alert_count', 'created_at', 'updated_at', 'due_at', 'sla_version', 'playbook_version',
  'closed_by', 'closed_at',
] as const;

export function caseListing(selection: Selection): Listing {
  const cases = casesInScope(selection);
  return { table: 'cases', columns: CASE_COLUMNS, key: 'case_id', where: `case_id IN (${cases.sql})`, params: cases.params };
}

export const DISPOSITION_COLUMNS = ['case_id', 'type', 'priority', 'disposition', 'disposition_note', 'proposed_by', 'proposed_at', 'closed_by', 'closed_at', 'merged_into'] as const;

/** The cases in scope that carry a disposition, proposed or closed with. */
export function dispositionListing(selection: Selection): Listing {
  const cases = casesInScope(selection);
  return { table: 'cases', columns: DISPOSITION_COLUMNS, key: 'case_id', where: `case_id IN (${cases.sql}) AND disposition IS NOT NULL`, params: cases.params };
}

export const ALERT_COLUMNS = [
  'alert_id', 'case_id', 'source', 'type', 'subject_type', 'subject_id', 'severity', 'score', 'status', 'occurrences', 'created_at', 'last_seen_at', 'run_id', 'last_run_id',
  'raised_by', 'artefacts', 'explanation',
] as const;

/**
 * The alerts filed in the cases in scope, with the case each is in; and, for a period's default scope, every alert
 * raised in the period as well (one still unfiled, or in a case the scope leaves out).
 */
export function alertListing(selection: Selection): Listing {
  const cases = casesInScope(selection);
  const raised = 'chosen' in selection ? null : selection.period;
  return {
    table: 'alerts a LEFT JOIN case_alerts ca ON ca.alert_id = a.alert_id',
    columns: ALERT_COLUMNS.map((column) => (column === 'case_id' ? 'ca.case_id' : `a.${column}`)),
    key: 'a.alert_id',
    keyName: 'alert_id',
    where: raised === null ? `ca.case_id IN (${cases.sql})` : `ca.case_id IN (${cases.sql}) OR (a.created_at >= ? AND a.created_at < ?)`,
    params: raised === null ? cases.params : [...cases.params, raised.start, raised.end],
  };
}

export const CASE_ACTION_COLUMNS = ['action_id', 'case_id', 'action', 'subject_type', 'subject_id', 'note', 'by', 'at'] as const;

export function caseActionListing(selection: Selection): Listing {
  const cases = casesInScope(selection);
  return { table: 'case_actions', columns: CASE_ACTION_COLUMNS, key: 'action_id', where: `case_id IN (${cases.sql})`, params: cases.params };
}

export const CASE_NOTE_COLUMNS = ['note_id', 'case_id', 'author', 'at', 'markdown'] as const;

export function caseNoteListing(selection: Selection): Listing {
  const cases = casesInScope(selection);
  return { table: 'case_notes', columns: CASE_NOTE_COLUMNS, key: 'note_id', where: `case_id IN (${cases.sql})`, params: cases.params };
}

export const RUN_COLUMNS = ['run_id', 'engine', 'as_of', 'artefacts', 'started_by', 'started_at', 'finished_at', 'currency', 'totals'] as const;

/** Credit and fraud runs: the chosen ones (checked by missingIds first), or those finished in the period. */
export function runListing(selection: Selection): Listing {
  if ('chosen' in selection) return { table: 'runs', columns: RUN_COLUMNS, key: 'run_id', where: 'run_id IN (SELECT value FROM json_each(?))', params: [idList(selection.chosen)] };
  const { start, end } = selection.period;
  return { table: 'runs', columns: RUN_COLUMNS, key: 'run_id', where: `engine IN ('credit', 'fraud') AND status = 'finished' AND finished_at >= ? AND finished_at < ?`, params: [start, end] };
}

// ── Versions in force ──────────────────────────────────────────────────────────────────────────────────────

/** The lifecycle tables whose versions a pack carries, with their id columns (internal constants, spliced into SQL). */
export const VERSIONED_TABLES = {
  fraudRuleSets: { table: 'fraud_rule_sets', id: 'version' },
  creditModels: { table: 'credit_models', id: 'model_id' },
  creditParameterSets: { table: 'credit_parameter_sets', id: 'version' },
  liquidityParameterSets: { table: 'liquidity_parameter_sets', id: 'version' },
  slaTables: { table: 'sla_tables', id: 'version' },
  playbookSets: { table: 'playbook_sets', id: 'version' },
} as const;
export type VersionedTable = keyof typeof VERSIONED_TABLES;

/**
 * The versions in force at some time in the period, ascending. A version is in force from its activation until the
 * next activation of its kind (retiring it), so a retired version counts if the period overlaps that span; a version
 * never activated was never in force.
 */
export function versionsInForce(db: Db, kind: VersionedTable, period: EvidencePeriod): number[] {
  const { table, id } = VERSIONED_TABLES[kind];
  return db
    .prepare(
      `SELECT id FROM (
         SELECT ${id} AS id, activated_at AS since, lead(activated_at) OVER (ORDER BY activated_at, ${id}) AS until
         FROM ${table} WHERE activated_at IS NOT NULL
       ) WHERE since < ? AND (until IS NULL OR until > ?) ORDER BY id`,
    )
    .pluck()
    .all(period.end, period.start) as number[];
}

/** A model's scorecard as stored (what re-scores), beside the development report's copy. */
export function modelScorecard(db: Db, modelId: number): unknown {
  const text = db.prepare('SELECT scorecard FROM credit_models WHERE model_id = ?').pluck().get(modelId) as string | undefined;
  return text === undefined ? undefined : JSON.parse(text);
}

/** The audit events about one subject, in chain order (few per subject; read through the subject index). */
export function auditEventsAbout(db: Db, subject: string): AuditEventRow[] {
  return db.prepare('SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_events WHERE subject = ? ORDER BY seq').all(subject) as AuditEventRow[];
}

// ── The audit slice ────────────────────────────────────────────────────────────────────────────────────────

/** Where the period's events sit in the chain: an unbroken seq range, and the hash it continues from. */
export interface AuditSliceRange {
  readonly fromSeq: number | null;
  readonly toSeq: number | null;
  readonly events: number;
  readonly hashBeforeFirst: string;
  /** The hash of the slice's last event (hashBeforeFirst for an empty slice). */
  readonly lastHash: string;
}

/**
 * The seq range from the first to the last event whose time is in the period (so the slice is one unbroken run of
 * the chain, even should a clock have stepped back inside it). For a period without events, the slice is empty and
 * continues from the last event before the period (the chain as it stood when the period began).
 */
export function auditSliceRange(db: Db, period: EvidencePeriod): AuditSliceRange {
  // By time through audit_events_at (migration 160), not by seq: seq order is not trusted to follow time order.
  const range = db.prepare('SELECT min(seq) AS fromSeq, max(seq) AS toSeq FROM audit_events WHERE at >= ? AND at < ?').get(period.start, period.end) as {
    fromSeq: number | null;
    toSeq: number | null;
  };
  // Seq 0 (or none) is before the first event: the genesis hash.
  const hashAt = (seq: number | null): string => (seq === null ? undefined : auditHashAt(db, seq)) ?? AUDIT_GENESIS_HASH;
  if (range.fromSeq === null || range.toSeq === null) {
    const before = db.prepare('SELECT max(seq) FROM audit_events WHERE at < ?').pluck().get(period.start) as number | null;
    const hashBeforeFirst = hashAt(before);
    return { fromSeq: null, toSeq: null, events: 0, hashBeforeFirst, lastHash: hashBeforeFirst };
  }
  const events = db.prepare('SELECT count(*) FROM audit_events WHERE seq BETWEEN ? AND ?').pluck().get(range.fromSeq, range.toSeq) as number;
  return { fromSeq: range.fromSeq, toSeq: range.toSeq, events, hashBeforeFirst: hashAt(range.fromSeq - 1), lastHash: hashAt(range.toSeq) };
}

/** The slice's events in seq order, `batchSize` at a time. */
export function auditSliceBatches(db: Db, range: AuditSliceRange, batchSize: number): Generator<AuditEventRow[]> {
  const listing: Listing = {
    table: 'audit_events',
    columns: ['seq', 'at', 'actor', 'action', 'subject', 'details', 'prev_hash', 'hash'],
    key: 'seq',
    where: 'seq BETWEEN ? AND ?',
    // An empty range reads nothing (no seq lies between 1 and 0).
    params: [range.fromSeq ?? 1, range.toSeq ?? 0],
  };
  return keysetBatches<AuditEventRow & Record<string, unknown>>(db, { ...listing, batchSize });
}

