import type { DemoScale } from '../../preload/contract/vocabulary.ts';
import type { Db } from './database.ts';

/**
 * The record in `meta` that a demo run is under way, and what undoing it takes (main/demo/demo-run-marker.ts says
 * why there is one and when it counts as abandoned). There is at most one: the key is the primary key.
 */
const IN_PROGRESS_KEY = 'demo.in_progress';

export interface DemoRunMarker {
  /** Tells this run's marker from any other's, so a run only ever finishes or undoes its own. */
  readonly runId: string;
  readonly scale: DemoScale;
  readonly seed: number;
  readonly startedBy: string;
  readonly startedAt: string;
  /** Whether the run inserted the base currency; undoing it removes it again (workspaces made by RiskDesk have one). */
  readonly addsBaseCurrency: boolean;
  readonly host: string;
  readonly pid: number;
}

/** Fails (primary key) while another run's marker is there. */
export function insertDemoRunMarker(db: Db, marker: DemoRunMarker): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(IN_PROGRESS_KEY, JSON.stringify(marker));
}

export function demoRunMarker(db: Db): DemoRunMarker | undefined {
  const value = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(IN_PROGRESS_KEY) as string | undefined;
  return value === undefined ? undefined : (JSON.parse(value) as DemoRunMarker);
}

/**
 * Removes the marker if it is still this run's, inside the transaction that records the run's audit event.
 * False means another session took the run for interrupted and undid it.
 */
export function clearDemoRunMarker(db: Db, marker: DemoRunMarker): boolean {
  return db.prepare(`DELETE FROM meta WHERE key = ? AND json_extract(value, '$.runId') = ?`).run(IN_PROGRESS_KEY, marker.runId).changes === 1;
}
