import type { ArtefactKind } from '../../preload/contract/lifecycle.ts';
import type { Db } from './database.ts';

/**
 * The runs of every engine, one row each (migration 0080): the engine, the reporting date, the versions of the
 * artefacts it used (by lifecycle kind: model, parameter set, rule set), who started it and when, its totals as JSON
 * and its status. Each engine keeps its result rows in a table of its own keyed by run_id (credit_run_loans).
 *
 * A run is written whole by the job that computes it, in one transaction: insertRun (status 'running'), the
 * engine's result rows, finishRun (status 'finished', with its totals) and the run's audit event. Outside that
 * transaction every run is finished; a failed or cancelled one leaves no row, and the next run takes its id.
 */

/** Engines that record runs. */
export type RunEngine = 'credit' | 'fraud' | 'liquidity';

/** The version (or id) of each artefact a run used, by its lifecycle kind. */
export type RunArtefacts = Partial<Readonly<Record<ArtefactKind, number>>>;

export interface NewRun {
  readonly engine: RunEngine;
  /** Reporting date, YYYY-MM-DD. */
  readonly asOf: string;
  readonly artefacts: RunArtefacts;
  readonly startedBy: string;
  readonly startedAt: string;
  /** The currency its totals are summed in, for engines whose totals are money. */
  readonly currency: string | null;
}

/** The run's row, still running: no totals yet (finishRun sets them inside the same transaction). Returns its id. */
export function insertRun(db: Db, run: NewRun): number {
  if (!db.inTransaction) throw new Error('internal: a run is written inside one transaction with its rows and its audit event');
  const inserted = db
    .prepare(
      `INSERT INTO runs (engine, as_of, artefacts, started_by, started_at, status, finished_at, currency, totals)
       VALUES (?, ?, ?, ?, ?, 'running', NULL, ?, 'null')`,
    )
    .run(run.engine, run.asOf, JSON.stringify(run.artefacts), run.startedBy, run.startedAt, run.currency);
  return Number(inserted.lastInsertRowid);
}

export function finishRun(db: Db, runId: number, finished: { totals: unknown; finishedAt: string }): void {
  const { changes } = db
    .prepare(`UPDATE runs SET status = 'finished', totals = ?, finished_at = ? WHERE run_id = ? AND status = 'running'`)
    .run(JSON.stringify(finished.totals), finished.finishedAt, runId);
  if (changes !== 1) throw new Error(`internal: run ${runId} is not running, so it cannot be finished`);
}

/** The id of an engine's latest finished run, for joins (evaluated once per statement; there are few runs). */
export function latestFinishedRunIdSql(engine: RunEngine): string {
  return `(SELECT max(run_id) FROM runs WHERE engine = '${engine}' AND status = 'finished')`;
}

/** An engine's finished runs, newest first, for engines whose totals are the result their job returned. */
export function finishedRunResults<Result>(db: Db, engine: RunEngine): Result[] {
  return (db.prepare(`SELECT totals FROM runs WHERE engine = ? AND status = 'finished' ORDER BY run_id DESC`).pluck().all(engine) as string[]).map(
    (totals) => JSON.parse(totals) as Result,
  );
}
