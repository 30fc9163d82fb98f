import { type DemoProgress, type DemoSummary, generateDemoAsync } from '../demo/generate-demo.ts';
import { hasBaseCurrency, nonEmptyDemoTables, removeDemoData, restoreSuspendedIndexes } from '../demo/demo-workspace.ts';
import { type DemoScale, requireDemoScale, requireDemoSeed } from '../demo/scales.ts';
import { appendAuditEvent } from '../store/audit.ts';
import { inTransaction } from '../store/database.ts';
import { RiskDeskError } from '../store/errors.ts';
import type { ServiceContext } from './context.ts';
import { requirePermission } from './permissions.ts';

export interface RunDemoArgs {
  readonly scale: DemoScale;
  readonly seed: number;
  readonly onProgress?: (progress: DemoProgress) => void;
  readonly signal?: AbortSignal;
}

/**
 * Fills an empty workspace with the seeded demo portfolio, as of today's date (UTC) from the context's clock.
 *
 * The generator commits in batches so that large runs neither hold a huge transaction nor block the main
 * process (it yields to the event loop between batches); the price is that a cancelled or failed run has
 * already committed rows. That is why the demo only runs into empty data tables: undoing it is emptying them,
 * and the workspace is then exactly as before. One audit event records a completed run; an undone run
 * leaves none, because it leaves no change.
 */
export async function runDemo(ctx: ServiceContext, args: RunDemoArgs): Promise<DemoSummary> {
  requirePermission(ctx.actor, 'data.demo');
  const scale = requireDemoScale(args.scale);
  const seed = requireDemoSeed(args.seed);
  // A run killed with the process (not cancelled) can have left indexes suspended; put them back first.
  restoreSuspendedIndexes(ctx.db);
  const occupied = nonEmptyDemoTables(ctx.db);
  if (occupied.length > 0) {
    throw new RiskDeskError(
      'INVALID_ARGUMENT',
      `This workspace already holds data (${occupied.join(', ')}), and demo data would mix with it. Generate the demo into a new, empty workspace.`,
    );
  }
  const addsBaseCurrency = !hasBaseCurrency(ctx.db);
  const asOf = ctx.now().toISOString().slice(0, 10);
  try {
    const summary = await generateDemoAsync(ctx.db, { scale, seed, asOf, onProgress: args.onProgress, signal: args.signal });
    inTransaction(ctx.db, () =>
      appendAuditEvent(ctx.db, {
        actor: ctx.actor.username,
        action: 'data.demo',
        subject: 'portfolio',
        details: { scale, seed, counts: summary.counts },
        at: ctx.now().toISOString(),
      }),
    );
    return summary;
  } catch (error) {
    removeDemoData(ctx.db, { removeBaseCurrency: addsBaseCurrency });
    throw error;
  }
}
