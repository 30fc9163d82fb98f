// The JSON documents of an evidence pack: versions of lifecycle artefacts (fraud rule sets and their diffs, parameter
// sets, SLA tables, playbooks) and credit model cards, read through the stores' own readers.
import { lifecycleFields, type LifecycleFields } from '../../../preload/contract/lifecycle.ts';
import type { AuditEventRow } from '../../store/audit.ts';
import { playbookSets, slaTables } from '../../store/case-sets.ts';
import { getModel } from '../../store/credit-models.ts';
import { getParameterSet } from '../../store/credit-parameter-sets.ts';
import type { Db } from '../../store/database.ts';
import { auditEventsAbout, modelScorecard, type VersionedTable } from '../../store/evidence-queries.ts';
import { fraudRuleSets } from '../../store/fraud-rule-sets.ts';
import { liquidityParameterSets } from '../../store/liquidity-parameter-sets.ts';
import { CREDIT_MODELS } from '../credit/credit-artefacts.ts';
import { diffRuleSets } from '../fraud/rule-set-diff.ts';

/** One version of a lifecycle artefact as its kind's store presents it, with its content named `document`. */
interface VersionRow extends LifecycleFields {
  readonly version: number;
  readonly note: string;
  readonly document: unknown;
}

/** The parameter-like sets a pack carries the versions in force of, by the name their files take. */
export const PARAMETER_SET_KINDS: readonly { readonly name: string; readonly table: VersionedTable; readonly read: (db: Db, version: number) => VersionRow | undefined }[] = [
  { name: 'credit-parameter-set', table: 'creditParameterSets', read: (db, version) => renamed(getParameterSet(db, version), 'parameters') },
  { name: 'liquidity-parameter-set', table: 'liquidityParameterSets', read: (db, version) => renamed(liquidityParameterSets.get(db, version), 'parameters') },
  { name: 'sla-table', table: 'slaTables', read: (db, version) => slaTables.get(db, version) },
  { name: 'playbooks', table: 'playbookSets', read: (db, version) => playbookSets.get(db, version) },
];

function renamed<K extends string, R extends LifecycleFields & { version: number; note: string } & Record<K, unknown>>(row: R | undefined, field: K): VersionRow | undefined {
  return row && { ...row, document: row[field] };
}

const LIFECYCLE_KEYS = Object.keys(lifecycleFields) as (keyof LifecycleFields)[];

/** Lifecycle fields in the contract's order, so that every file lists them alike. */
function lifecycleOf(row: LifecycleFields): LifecycleFields {
  return Object.fromEntries(LIFECYCLE_KEYS.map((key) => [key, row[key]])) as unknown as LifecycleFields;
}

/** A version's file: number, note, who took each lifecycle step and when, then the stored document. */
export function versionDocument(row: VersionRow | undefined, label: string): unknown {
  if (row === undefined) throw new Error(`internal: ${label} vanished inside the export's read transaction`);
  return { version: row.version, note: row.note, ...lifecycleOf(row), document: row.document };
}

export function ruleSetDocument(db: Db, version: number): unknown {
  return versionDocument(ruleSetRow(db, version), fraudRuleSets.lifecycle.label(version));
}

function ruleSetRow(db: Db, version: number): VersionRow | undefined {
  return renamed(fraudRuleSets.get(db, version), 'ruleSet');
}

/** What changed from one version to the next, as the fraud rules screen shows it. */
export function ruleSetDiffDocument(db: Db, from: number, to: number): unknown {
  const [before, after] = [fraudRuleSets.get(db, from), fraudRuleSets.get(db, to)];
  if (before === undefined || after === undefined) throw new Error(`internal: fraud rule set ${from} or ${to} vanished inside the export's read transaction`);
  return diffRuleSets(before, after);
}

function auditEvent(row: AuditEventRow): unknown {
  return { seq: row.seq, at: row.at, actor: row.actor, action: row.action, details: JSON.parse(row.details) as unknown, hash: row.hash };
}

/**
 * A credit model's card: its scorecard as stored (what re-scores) and as points per bin, its development and
 * validation figures (fit, metrics per sample, calibration bands, stability), who developed, submitted, approved and
 * activated it, and every audit event about it. The report's curves are left out: they are chart data, thinned.
 */
export function modelCardDocument(db: Db, modelId: number): unknown {
  const model = getModel(db, modelId);
  if (model === undefined) throw new Error(`internal: credit model ${modelId} vanished inside the export's read transaction`);
  const { report } = model;
  return {
    modelId: model.modelId,
    name: model.name,
    ...lifecycleOf(model),
    trainingHash: model.trainingHash,
    rows: model.rows,
    scorecard: modelScorecard(db, modelId),
    points: report.features.filter((feature) => feature.selected).map(({ name, type, iv, ivBand, bins }) => ({ name, type, iv, ivBand, bins })),
    development: {
      rows: report.rows,
      events: report.events,
      sample: report.sample,
      model: report.model,
      metrics: report.metrics,
      bands: report.bands,
      stability: report.stability,
      features: report.features.map(({ name, type, iv, ivBand, selected, reason }) => ({ name, type, iv, ivBand, selected, reason })),
    },
    auditEvents: auditEventsAbout(db, CREDIT_MODELS.subject(modelId)).map(auditEvent),
  };
}
