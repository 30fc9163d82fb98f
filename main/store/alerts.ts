import type { Alert, AlertExplanation, AlertRow, AlertSeverity, AlertSource, AlertSubject } from '../../preload/contract/alerts.ts';
import { fileAlertsIntoCases } from './case-filing.ts';
import type { Db } from './database.ts';
import { viewRows, type GridFilterModel, type GridSortModel, type GridSpec } from './grid-sql.ts';
import type { RunArtefacts } from './runs.ts';

/**
 * Alerts from every source (migration 0090). Every engine emits through emitAlerts, and so does a person raising one
 * by hand: at most one alert is open per type and subject, so emitting one that is open already updates it (its
 * latest severity, score, explanation, artefacts and run, one more occurrence, last seen now) instead of adding a
 * second. Every new alert is filed into a case in the same transaction (case-filing.ts); closing its case closes it.
 */

/** One alert as an engine (or a person) emits it; what a whole emission shares is in AlertEmission. */
export interface EmittedAlert {
  /** `<source>.<what>`: the schema refuses a type outside its source's namespace. */
  readonly type: string;
  readonly subject: AlertSubject;
  readonly severity: AlertSeverity;
  readonly score: number;
  readonly explanation: AlertExplanation;
}

export interface AlertEmission {
  readonly source: AlertSource;
  /** The run that found them (it must be in runs already: inside the run's transaction, after insertRun); null for a manual alert. */
  readonly runId: number | null;
  /** The versions of the artefacts behind them, as the run records them. */
  readonly artefacts: RunArtefacts;
  /** Who raised a manual alert; an engine's alerts name their run instead (null). */
  readonly raisedBy: string | null;
  /** ISO 8601 UTC: when new ones are created and repeated ones last seen. */
  readonly at: string;
  readonly alerts: Iterable<EmittedAlert>;
}

export interface EmissionCounts {
  /** New alerts opened. */
  readonly raised: number;
  /** Alerts open already for the same type and subject, updated and counted again. */
  readonly repeated: number;
  /** The alert each emitted one became (new or repeated), in emission order. */
  readonly alertIds: number[];
  /** Cases opened for new alerts that had no open case of their group to join (case-filing.ts). */
  readonly casesOpened: number;
}

/**
 * The UPSERT on alerts_open_subject, the partial unique index of open alerts: its ON CONFLICT target repeats the
 * index's WHERE, which is how SQLite picks a partial index. RETURNING tells a new alert (occurrences 1) from a repeated
 * one without a SELECT of its own. run_id and created_at stay those of the first occurrence.
 */
const UPSERT = `INSERT INTO alerts (source, type, subject_type, subject_id, severity, score, status, occurrences, created_at, last_seen_at, run_id, last_run_id, raised_by, artefacts, explanation)
  VALUES (?, ?, ?, ?, ?, ?, 'open', 1, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (type, subject_type, subject_id) WHERE status = 'open' DO UPDATE SET
    severity = excluded.severity, score = excluded.score, explanation = excluded.explanation, artefacts = excluded.artefacts,
    last_run_id = excluded.last_run_id, raised_by = excluded.raised_by, last_seen_at = excluded.last_seen_at, occurrences = occurrences + 1
  RETURNING alert_id, occurrences`;

/**
 * Opens each alert, or updates the open alert of the same type and subject (one statement each, no SELECT), and files
 * the new ones into cases (and refreshes the cases of repeated ones: their priority may rise). Call it
 * inside the transaction of the change that found the alerts (an engine run's, with its rows and audit event; a
 * manual raise's, with its audit event), so that they commit or roll back together. A row the schema refuses (a type
 * outside its source, an unknown severity, a run that is not there) throws, and the caller's transaction rolls back.
 */
export function emitAlerts(db: Db, emission: AlertEmission): EmissionCounts {
  if (!db.inTransaction) throw new Error('internal: alerts are emitted inside the transaction of the run (or raise) that found them');
  // Prepared once per emission and reused for every alert (an engine may emit 100k in a run).
  const upsert = db.prepare(UPSERT).raw(true);
  const { source, runId, raisedBy, at } = emission;
  const artefacts = JSON.stringify(emission.artefacts);
  const alertIds: number[] = [];
  let raised = 0;
  for (const alert of emission.alerts) {
    const [alertId, occurrences] = upsert.get(
      source,
      alert.type,
      alert.subject.type,
      alert.subject.id,
      alert.severity,
      alert.score,
      at,
      at,
      runId,
      runId,
      raisedBy,
      artefacts,
      JSON.stringify(alert.explanation),
    ) as [number, number];
    alertIds.push(alertId);
    if (occurrences === 1) raised += 1;
  }
  const { opened } = fileAlertsIntoCases(db, alertIds, at);
  return { raised, repeated: alertIds.length - raised, alertIds, casesOpened: opened };
}

/**
 * The alerts as a grid, newest first unless sorted otherwise. A sort on severity is by rank (low … critical), which
 * alerts_queue holds after the status: the open queue by severity and age is an index walk.
 */
export const ALERT_GRID: GridSpec<keyof AlertRow> = {
  table: 'alerts a',
  key: 'a.alert_id',
  joins: {},
  columns: {
    alert_id: { sql: 'a.alert_id', kind: 'number' },
    source: { sql: 'a.source', kind: 'text' },
    type: { sql: 'a.type', kind: 'text' },
    subject_type: { sql: 'a.subject_type', kind: 'text' },
    subject_id: { sql: 'a.subject_id', kind: 'text' },
    severity: { sql: 'a.severity', kind: 'text', orderSql: 'a.severity_rank' },
    score: { sql: 'a.score', kind: 'number' },
    status: { sql: 'a.status', kind: 'text' },
    occurrences: { sql: 'a.occurrences', kind: 'number' },
    created_at: { sql: 'a.created_at', kind: 'date' },
    last_seen_at: { sql: 'a.last_seen_at', kind: 'date' },
    run_id: { sql: 'a.run_id', kind: 'number' },
    last_run_id: { sql: 'a.last_run_id', kind: 'number' },
    raised_by: { sql: 'a.raised_by', kind: 'text' },
  },
};

/** Every alert of the view, in order: the command line's list. */
export function alertViewRows(db: Db, filterModel: GridFilterModel, sortModel: GridSortModel): AlertRow[] {
  return [...viewRows<AlertRow>(db, ALERT_GRID, filterModel, sortModel, Object.keys(ALERT_GRID.columns))];
}

interface AlertRecord extends AlertRow {
  readonly artefacts: string;
  readonly explanation: string;
}

export function getAlert(db: Db, alertId: number): Alert | undefined {
  const row = db.prepare('SELECT alert_id, source, type, subject_type, subject_id, severity, score, status, occurrences, created_at, last_seen_at, run_id, last_run_id, raised_by, artefacts, explanation FROM alerts WHERE alert_id = ?').get(alertId) as AlertRecord | undefined;
  if (!row) return undefined;
  return {
    alertId: row.alert_id,
    source: row.source,
    type: row.type,
    subject: { type: row.subject_type, id: row.subject_id },
    severity: row.severity,
    score: row.score,
    explanation: JSON.parse(row.explanation) as AlertExplanation,
    runId: row.run_id,
    lastRunId: row.last_run_id,
    artefacts: JSON.parse(row.artefacts) as RunArtefacts,
    raisedBy: row.raised_by,
    status: row.status,
    occurrences: row.occurrences,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
  };
}
