import { type DemoProgress, type DemoSummary, generateDemoAsync } from '../demo/generate-demo.ts';
import { demoRunAlive, markDemoRun, releaseDemoRun, undoDemoRun } from '../demo/demo-run-marker.ts';
import { nonEmptyDemoTables } from '../demo/demo-workspace.ts';
import type { DemoScale } from '../../preload/contract/vocabulary.ts';
import { requireDemoScale, requireDemoSeed } from '../demo/scales.ts';
import { appendAuditEvent } from '../store/audit.ts';
import { type Db, inTransaction } from '../store/database.ts';
import { type DemoRunMarker, clearDemoRunMarker, demoRunMarker } from '../store/demo-run-markers.ts';
import { restoreSuspendedIndexes } from '../store/suspended-indexes.ts';
import { RiskDeskError } from '../../preload/contract/errors.ts';
import type { CallOptions, ServiceContext } from './context.ts';
import { requirePermission } from './permissions.ts';
import { isProcessRunning } from '../store/process-liveness.ts';

export interface RunDemoArgs {
  readonly scale: DemoScale;
  readonly seed: number;
}

/**
 * Fills an empty workspace with the seeded demo portfolio, as of today's date (UTC) from the context's clock.
 *
 * The generator commits in batches so that large runs neither hold a huge transaction nor block the main
 * process (it yields to the event loop between batches); the price is that a stopped run has already committed
 * rows. That is why the demo only runs into empty data tables: undoing it is emptying them, and the workspace
 * is then exactly as before. A run that is cancelled or fails undoes itself at once; one whose process dies is
 * undone by the next unlock (`recoverInterruptedDemo`), which the run's marker makes possible (demo-run-marker.ts).
 * One audit event, in the transaction that removes the marker, records a completed run; a cancelled run leaves
 * none, because it leaves no change.
 */
export async function runDemo(ctx: ServiceContext, args: RunDemoArgs, call: CallOptions<DemoProgress> = {}): Promise<DemoSummary> {
  requirePermission(ctx.actor, 'data.demo');
  const { db } = ctx.workspace;
  const scale = requireDemoScale(args.scale);
  const seed = requireDemoSeed(args.seed);
  // What the next unlock would have undone is undone before the workspace is judged empty.
  recoverInterruptedDemo(ctx);
  // A run alive in another process is refused before anything takes the write lock (it may hold it for a whole
  // batch) or touches the indexes (it suspended them on purpose); checked again under the lock below.
  refuseWhileRunning(db);
  // Indexes suspended by a bulk load that left no marker (a run killed before there were markers, bench/grid.ts)
  // are put back, committed even if the workspace is then refused.
  restoreSuspendedIndexes(db);
  const marker = inTransaction(db, () => {
    refuseWhileRunning(db);
    refuseUnlessEmpty(db);
    return markDemoRun(db, { scale, seed, startedBy: ctx.actor.username, startedAt: ctx.now().toISOString() });
  });
  try {
    const summary = await generateDemoAsync(db, { scale, seed, asOf: ctx.now().toISOString().slice(0, 10), onProgress: call.onProgress, signal: call.signal });
    inTransaction(db, () => {
      if (!clearDemoRunMarker(db, marker)) {
        throw new RiskDeskError('INVALID_STATE', 'Another session took this demo run for an interrupted one and rolled it back while it ran; the workspace is empty again. Run the demo again.');
      }
      appendAuditEvent(db, { actor: ctx.actor.username, action: 'data.demo', subject: 'portfolio', details: { scale, seed, counts: summary.counts }, at: ctx.now().toISOString() });
    });
    return summary;
  } catch (error) {
    undoDemoRun(db, marker);
    throw error;
  } finally {
    releaseDemoRun(marker);
  }
}

/** After `recoverInterruptedDemo`, a marker left is that of a run still alive. */
function refuseWhileRunning(db: Db): void {
  const running = demoRunMarker(db);
  if (running) {
    throw new RiskDeskError(
      'INVALID_STATE',
      `A demo run (${running.scale}, started by ${running.startedBy} at ${running.startedAt}, process ${running.pid}) is still generating into this workspace. Wait for it to finish, or stop it.`,
    );
  }
}

function refuseUnlessEmpty(db: Db): void {
  const occupied = nonEmptyDemoTables(db);
  if (occupied.length > 0) {
    throw new RiskDeskError(
      'INVALID_ARGUMENT',
      `This workspace already holds data (${occupied.join(', ')}), and demo data would mix with it. Generate the demo into a new, empty workspace.`,
    );
  }
}

/**
 * Undoes a demo run whose process died before it finished (the marker is there, its process is not), with a
 * `data.demo_rolled_back` audit event in the same transaction, so that the trail says what happened to it.
 * Called at every unlock (workspace-service.ts) and by `runDemo`. No permission is checked: this repairs an
 * interrupted change rather than making one, and must happen whoever unlocks next; the trail names them.
 * Returns the run it undid, if any.
 */
export function recoverInterruptedDemo(ctx: ServiceContext): DemoRunMarker | undefined {
  const { db } = ctx.workspace;
  // A plain read first: an unlock must neither wait for nor disturb a run still writing in another process.
  if (!interruptedRun(db)) return undefined;
  return inTransaction(db, () => {
    // Again under the write lock: another session may have undone it meanwhile.
    const run = interruptedRun(db);
    if (!run) return undefined;
    undoDemoRun(db, run);
    appendAuditEvent(db, {
      actor: ctx.actor.username,
      action: 'data.demo_rolled_back',
      subject: 'portfolio',
      details: { scale: run.scale, seed: run.seed, startedBy: run.startedBy, startedAt: run.startedAt },
      at: ctx.now().toISOString(),
    });
    return run;
  });
}

function interruptedRun(db: Db): DemoRunMarker | undefined {
  const run = demoRunMarker(db);
  return run && !demoRunAlive(run, isProcessRunning) ? run : undefined;
}
