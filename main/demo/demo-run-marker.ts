// The marker that a demo run is under way (stored by store/demo-run-markers.ts), and what undoing the run takes.
//
// The generator commits in batches (generate-demo.ts says why), so a run that stops half-way has committed
// rows. A run that is cancelled or fails undoes them itself; one whose process dies (SIGKILL, a crash, a power
// cut) cannot. So the marker is committed before the first demo row and removed in the same transaction as the
// run's `data.demo` audit event: whenever it is found without a process still running the demo, the run was
// interrupted, and the services undo it (demo-service.ts, at every unlock).
//
// Another process may be generating into the same file right now (`riskdesk demo --scale large` in one terminal,
// `riskdesk audit verify` in another), and rolling that run back under its feet would be the very bug this
// prevents. Hence the host and process id: a marker whose process is still alive on this host is left alone.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Db, inTransaction } from '../store/database.ts';
import { clearDemoRunMarker, type DemoRunMarker, insertDemoRunMarker } from '../store/demo-run-markers.ts';
import { hasBaseCurrency } from '../store/workspace-meta.ts';
import { removeDemoData } from './demo-workspace.ts';

/** Runs under way in this process: here the process is alive by definition, so only the run itself can tell. */
const runningHere = new Set<string>();

/**
 * Records a run as under way, before it writes anything; call it in the transaction that checks the workspace
 * is empty, so that no other run can slip in between. The run counts as alive until `releaseDemoRun`.
 */
export function markDemoRun(db: Db, run: Pick<DemoRunMarker, 'scale' | 'seed' | 'startedBy' | 'startedAt'>): DemoRunMarker {
  const marker: DemoRunMarker = { runId: randomUUID(), ...run, addsBaseCurrency: !hasBaseCurrency(db), host: hostname(), pid: process.pid };
  insertDemoRunMarker(db, marker);
  runningHere.add(marker.runId);
  return marker;
}

/** The run ended in this process, finished or undone (or failed to undo: then the next unlock does it). */
export function releaseDemoRun(marker: DemoRunMarker): void {
  runningHere.delete(marker.runId);
}

/**
 * Whether the process that started the run may still be generating (`isProcessRunning` asks the OS about another
 * process of this machine). A marker from another host is taken as dead: a workspace is a local file, and SQLite's
 * locking does not hold across network file systems anyway. A reused process id makes a dead run look alive;
 * that only delays the undo until that process ends.
 */
export function demoRunAlive(marker: DemoRunMarker, isProcessRunning: (pid: number) => boolean): boolean {
  if (runningHere.has(marker.runId)) return true;
  if (marker.pid === process.pid || marker.host !== hostname()) return false;
  return isProcessRunning(marker.pid);
}

/**
 * Takes the workspace back to where the run found it, all at once: its rows, suspended indexes, base currency
 * and marker (in the caller's transaction if there is one, so that an audit event can join it).
 */
export function undoDemoRun(db: Db, marker: DemoRunMarker): void {
  inTransaction(db, () => {
    removeDemoData(db, { removeBaseCurrency: marker.addsBaseCurrency });
    clearDemoRunMarker(db, marker);
  });
}
