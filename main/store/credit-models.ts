import type { DevelopmentReport, ModelDetail, ModelSummary, StoredScorecard } from '../../preload/contract/credit.ts';
import type { Db } from './database.ts';
import { LIFECYCLE_COLUMNS, lifecycleOf } from './lifecycle.ts';

/**
 * Scorecard models: the stored scorecard (everything needed to re-score), its development report, and the
 * lifecycle. The summary's features and metrics are copied out of the documents at insert into columns of
 * their own, so that listing models never reads a report (curves and bands make it the largest value here).
 */
export interface NewModel {
  readonly name: string;
  readonly scorecard: StoredScorecard;
  readonly report: DevelopmentReport;
  readonly trainingHash: string;
  readonly rows: number;
  readonly createdBy: string;
  readonly at: string;
}

export interface ActiveModel {
  readonly modelId: number;
  readonly name: string;
  readonly scorecard: StoredScorecard;
}

interface SummaryRow extends Omit<ModelSummary, 'features' | 'metrics'> {
  readonly features: string;
  readonly metrics: string | null;
}

const SUMMARY_COLUMNS = `model_id AS modelId, name, ${LIFECYCLE_COLUMNS}, training_hash AS trainingHash, rows, features, metrics`;

function summaryOf(row: SummaryRow): ModelSummary {
  return { ...row, features: JSON.parse(row.features) as string[], metrics: row.metrics === null ? null : (JSON.parse(row.metrics) as ModelSummary['metrics']) };
}

function summary(db: Db, modelId: number): ModelSummary | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM credit_models WHERE model_id = ?`).get(modelId) as SummaryRow | undefined;
  return row && summaryOf(row);
}

export function insertDraftModel(db: Db, model: NewModel): ModelSummary {
  const row = db
    .prepare(
      `INSERT INTO credit_models (name, status, training_hash, rows, features, metrics, created_by, created_at, scorecard, report)
       VALUES (?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${SUMMARY_COLUMNS}`,
    )
    .get(
      model.name,
      model.trainingHash,
      model.rows,
      JSON.stringify(model.scorecard.features),
      model.report.metrics === null ? null : JSON.stringify(model.report.metrics),
      model.createdBy,
      model.at,
      JSON.stringify(model.scorecard),
      JSON.stringify(model.report),
    ) as SummaryRow;
  return summaryOf(row);
}

/** The model of that name, compared without case (SQLite's lower() folds ASCII only), if there is one. */
export function findModelByName(db: Db, name: string): { modelId: number; name: string; status: string } | undefined {
  return db.prepare('SELECT model_id AS modelId, name, status FROM credit_models WHERE lower(name) = lower(?) LIMIT 1').get(name) as
    | { modelId: number; name: string; status: string }
    | undefined;
}

/** Newest first. */
export function listModels(db: Db): ModelSummary[] {
  return (db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM credit_models ORDER BY model_id DESC`).all() as SummaryRow[]).map(summaryOf);
}

export function getModel(db: Db, modelId: number): ModelDetail | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, report FROM credit_models WHERE model_id = ?`).get(modelId) as (SummaryRow & { report: string }) | undefined;
  if (!row) return undefined;
  const { report, ...rest } = row;
  return { ...summaryOf(rest), report: JSON.parse(report) as DevelopmentReport };
}

export function activeModel(db: Db): ActiveModel | null {
  const row = db.prepare(`SELECT model_id AS modelId, name, scorecard FROM credit_models WHERE status = 'active'`).get() as
    | { modelId: number; name: string; scorecard: string }
    | undefined;
  return row ? { modelId: row.modelId, name: row.name, scorecard: JSON.parse(row.scorecard) as StoredScorecard } : null;
}

/** Submit, approve, reject and activate models (lifecycle.ts); each step returns the model's summary. */
export const modelLifecycle = lifecycleOf({ table: 'credit_models', idColumn: 'model_id', label: (id) => `credit model ${id}`, read: summary });
