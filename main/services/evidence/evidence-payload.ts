// What an evidence pack's scope covers, as the payload files the pack's writer streams into the zip one after another:
// the scope's own record, CSVs of cases, alerts, dispositions, case actions and notes and runs, the fraud rule set
// versions in force with the diffs between them, credit model cards, the parameter sets in force, and the audit
// chain's slice for the period. The caller holds one read transaction over the export, so every file and every count
// reflects one moment.
//
// Money: the only amounts are inside a run's `totals` (JSON text as the engine stored it, in integer minor units, the
// `…Minor` fields) beside the run's `currency` column; nothing is converted.
import { auditChainHead } from '../../store/audit.ts';
import type { EvidencePreview, EvidenceScope } from '../../../preload/contract/evidence.ts';
import type { Db } from '../../store/database.ts';
import {
  ALERT_COLUMNS,
  alertListing,
  auditSliceBatches,
  auditSliceRange,
  CASE_ACTION_COLUMNS,
  CASE_COLUMNS,
  CASE_NOTE_COLUMNS,
  caseActionListing,
  caseListing,
  caseNoteListing,
  DISPOSITION_COLUMNS,
  dispositionListing,
  evidencePeriod,
  listingCount,
  missingIds,
  RUN_COLUMNS,
  runListing,
  versionsInForce,
  type AuditSliceRange,
  type ChoosableField,
  type Listing,
  type Selection,
} from '../../store/evidence-queries.ts';
import { validationFailure } from '../validation-failure.ts';
import { auditEventLine } from './audit-slice.ts';
import { AUDIT_EVENTS_PATH, AUDIT_SLICE_PATH, type AuditSliceHeader, type PayloadFile } from './payload-file.ts';
import { modelCardDocument, PARAMETER_SET_KINDS, ruleSetDiffDocument, ruleSetDocument, versionDocument } from './payload-documents.ts';
import { csvPayloadFile, inChunks, jsonPayloadFile, PAYLOAD_BATCH_ROWS } from './payload-text.ts';

/**
 * Average UTF-8 bytes per row, for the preview's rough size. Measured once by streaming the files and dividing by their
 * rows: alerts on 200k rows with a two-figure explanation (254, as evidence-payload.test.ts makes them); cases,
 * dispositions, actions and audit lines on the hand-made rows of evidence-test-data.ts (168, 136, 106, 294); notes
 * and runs rounded up from those (93, 169), since real notes are longer and a credit run's totals carry its
 * stage-by-grade table.
 */
const BYTES_PER_ROW = {
  'cases/cases.csv': 170,
  'cases/alerts.csv': 260,
  'cases/dispositions.csv': 140,
  'cases/case-actions.csv': 110,
  'cases/case-notes.csv': 300,
  'runs/runs.csv': 2_000,
  [AUDIT_EVENTS_PATH]: 300,
} as const;
/**
 * Per JSON document: the shipped rule set and the average of the shipped parameter sets, SLA table and playbooks as
 * written here (pretty-printed, with their lifecycle fields); a diff and the slice header from the fixture; a model
 * card is the fixture's (3 KB for one feature of two bins) scaled to a dozen features of several bins.
 */
const BYTES_PER_DOCUMENT = { ruleSet: 5_600, ruleSetDiff: 1_000, modelCard: 20_000, parameterSet: 2_600, small: 1_500 } as const;

/** One file of the plan: its path, rows, size estimate and how to write it. */
interface PlannedFile {
  readonly path: string;
  readonly rows: number;
  readonly estimatedBytes: number;
  readonly file: () => PayloadFile;
}

interface CsvPart {
  readonly path: keyof typeof BYTES_PER_ROW;
  readonly listing: Listing;
  readonly columns: readonly string[];
}

/** Sorted, without repeats: a scope's chosen ids as the pack records and reads them. */
function chosen(ids: readonly number[] | undefined): readonly number[] | undefined {
  return ids === undefined ? undefined : [...new Set(ids)].sort((a, b) => a - b);
}

/** The scope with its keys in one order and its ids sorted, as scope.json records it. */
function normalScope(scope: EvidenceScope): EvidenceScope {
  const picks = { cases: chosen(scope.cases), models: chosen(scope.models), ruleSetVersions: chosen(scope.ruleSetVersions), runs: chosen(scope.runs) };
  return { from: scope.from, to: scope.to, ...Object.fromEntries(Object.entries(picks).filter(([, ids]) => ids !== undefined)) };
}

const CHOSEN_WHAT: Readonly<Record<ChoosableField, string>> = {
  cases: 'cases',
  models: 'credit models',
  ruleSetVersions: 'fraud rule set versions',
  runs: 'credit or fraud runs',
};

/** VALIDATION naming every chosen id that names nothing, field by field (a lookup per id: cheap at any scale). */
export function requireChosenExist(db: Db, scope: EvidenceScope): void {
  const issues = (Object.keys(CHOSEN_WHAT) as ChoosableField[]).flatMap((field) => {
    const ids = scope[field];
    const missing = ids === undefined ? [] : missingIds(db, field, ids);
    return missing.length === 0 ? [] : [{ path: [field], message: `there are no ${CHOSEN_WHAT[field]} ${missing.join(', ')} in this workspace` }];
  });
  if (issues.length > 0) throw validationFailure('evidence scope', issues);
}

function selectionOf(ids: readonly number[] | undefined, period: ReturnType<typeof evidencePeriod>): Selection {
  return ids === undefined ? { period } : { chosen: ids };
}

function jsonDocument(path: string, estimatedBytes: number, build: () => unknown): PlannedFile {
  return { path, rows: 1, estimatedBytes, file: () => jsonPayloadFile(path, build) };
}

/** Every payload file of a scope but scope.json, in the order the pack writes them, counted in SQL. */
function planFiles(db: Db, scope: EvidenceScope): PlannedFile[] {
  requireChosenExist(db, scope);
  const period = evidencePeriod(scope.from, scope.to);
  const cases = selectionOf(scope.cases, period);
  const csvParts: CsvPart[] = [
    { path: 'cases/cases.csv', listing: caseListing(cases), columns: CASE_COLUMNS },
    { path: 'cases/alerts.csv', listing: alertListing(cases), columns: ALERT_COLUMNS },
    { path: 'cases/dispositions.csv', listing: dispositionListing(cases), columns: DISPOSITION_COLUMNS },
    { path: 'cases/case-actions.csv', listing: caseActionListing(cases), columns: CASE_ACTION_COLUMNS },
    { path: 'cases/case-notes.csv', listing: caseNoteListing(cases), columns: CASE_NOTE_COLUMNS },
    { path: 'runs/runs.csv', listing: runListing(selectionOf(scope.runs, period)), columns: RUN_COLUMNS },
  ];
  const csvs = csvParts.map(({ path, listing, columns }): PlannedFile => {
    const rows = listingCount(db, listing);
    return { path, rows, estimatedBytes: rows * BYTES_PER_ROW[path], file: () => csvPayloadFile(db, path, listing, columns) };
  });

  const ruleSets = chosen(scope.ruleSetVersions) ?? versionsInForce(db, 'fraudRuleSets', period);
  const ruleSetFiles = ruleSets.map((version) => jsonDocument(`rule-sets/fraud-rule-set-v${version}.json`, BYTES_PER_DOCUMENT.ruleSet, () => ruleSetDocument(db, version)));
  const diffFiles = ruleSets.slice(1).map((to, i) => {
    const from = ruleSets[i] ?? to;
    return jsonDocument(`rule-sets/fraud-rule-set-diff-v${from}-v${to}.json`, BYTES_PER_DOCUMENT.ruleSetDiff, () => ruleSetDiffDocument(db, from, to));
  });
  const models = chosen(scope.models) ?? versionsInForce(db, 'creditModels', period);
  const modelFiles = models.map((modelId) => jsonDocument(`models/credit-model-${modelId}.json`, BYTES_PER_DOCUMENT.modelCard, () => modelCardDocument(db, modelId)));
  const parameterFiles = PARAMETER_SET_KINDS.flatMap((kind) =>
    versionsInForce(db, kind.table, period).map((version) =>
      jsonDocument(`parameter-sets/${kind.name}-v${version}.json`, BYTES_PER_DOCUMENT.parameterSet, () => versionDocument(kind.read(db, version), `${kind.name} v${version}`)),
    ),
  );

  const slice = auditSliceRange(db, period);
  const audit: PlannedFile[] = [
    { path: AUDIT_EVENTS_PATH, rows: slice.events, estimatedBytes: slice.events * BYTES_PER_ROW[AUDIT_EVENTS_PATH], file: () => auditEventsFile(db, slice) },
    jsonDocument(AUDIT_SLICE_PATH, BYTES_PER_DOCUMENT.small, () => auditSliceHeader(db, slice)),
  ];
  return [...csvs, ...ruleSetFiles, ...diffFiles, ...modelFiles, ...parameterFiles, ...audit];
}

const SCOPE_PATH = 'scope.json';

/** Counts per payload file for the preview (and VALIDATION for chosen ids that do not exist), all in SQL. */
export function evidencePreview(db: Db, scope: EvidenceScope): EvidencePreview {
  const files = planFiles(db, scope);
  const all = [{ path: SCOPE_PATH, rows: 1 }, ...files.map(({ path, rows }) => ({ path, rows }))];
  return { scope: normalScope(scope), files: all, estimatedBytes: BYTES_PER_DOCUMENT.small + files.reduce((sum, file) => sum + file.estimatedBytes, 0) };
}

/** The payload files of a scope, each streamed when the zip writer asks for it (bounded memory: batches of rows, never a whole table). */
export function evidencePayloadFiles(db: Db, scope: EvidenceScope, about: { exportedBy: string; exportedAt: string; fingerprint: string; workspaceName: string }): PayloadFile[] {
  const files = planFiles(db, scope);
  const record = {
    scope: normalScope(scope),
    exportedBy: about.exportedBy,
    exportedAt: about.exportedAt,
    workspaceName: about.workspaceName,
    fingerprint: about.fingerprint,
    files: files.map(({ path, rows }) => ({ path, rows })),
  };
  return [jsonPayloadFile(SCOPE_PATH, () => record), ...files.map((file) => file.file())];
}

function auditEventsFile(db: Db, slice: AuditSliceRange): PayloadFile {
  function* lines(): Generator<string> {
    for (const batch of auditSliceBatches(db, slice, PAYLOAD_BATCH_ROWS)) for (const row of batch) yield `${auditEventLine(row)}\n`;
  }
  return { path: AUDIT_EVENTS_PATH, content: () => inChunks(lines()) };
}

function auditSliceHeader(db: Db, slice: AuditSliceRange): AuditSliceHeader {
  const { fromSeq, toSeq, events, hashBeforeFirst, lastHash } = slice;
  return { fromSeq, toSeq, events, hashBeforeFirst, lastHash, chainHead: auditChainHead(db) };
}

/** One line for bag-info's External-Description: the period and what was chosen. */
export function describeScope(scope: EvidenceScope): string {
  const part = (what: string, ids: readonly number[] | undefined, otherwise: string): string => (ids === undefined ? otherwise : `${what} ${(chosen(ids) ?? []).join(', ')}`);
  return [
    `Evidence for ${scope.from} to ${scope.to} (UTC days, both included)`,
    part('cases', scope.cases, 'every case open in the period'),
    part('credit models', scope.models, 'the credit models active in the period'),
    part('fraud rule set versions', scope.ruleSetVersions, 'the fraud rule set versions in force in the period'),
    part('runs', scope.runs, 'the credit and fraud runs finished in the period'),
  ].join('; ');
}
