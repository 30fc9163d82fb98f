import type { ServiceContext } from '../services/context.ts';
import type { Workspace } from '../services/workspace-service.ts';
import type { CliIo, CommandOutput } from './cli-io.ts';
import { withInterrupt } from './interrupt.ts';
import { progressDisplay, type ProgressUpdate } from './progress.ts';
import { withServiceContext, type UnlockOptions } from './workspace-session.ts';

/** What a long command hands its service as the job's call options. */
export interface LongCommandCall {
  readonly signal: AbortSignal;
  readonly onProgress: (progress: ProgressUpdate) => void;
}

/**
 * How every long command (import, demo, credit run and develop, audit verify) does its work: in the workspace unlocked
 * as --user, cancelled by Ctrl-C, SIGTERM or SIGHUP with nothing half-done kept, and followed by a progress bar on
 * stderr for a person at a terminal, gone before the result or an error is printed. `work` passes `call` on to the
 * service as its call options; the workspace is there for what the context leaves out (a writing job's writer spec).
 */
export function runLongCommand<T>(
  io: CliIo,
  out: CommandOutput,
  unlock: { readonly options: UnlockOptions; readonly passphrase: string },
  progress: { readonly title: string; readonly unit: 'bytes' | 'items' },
  work: (ctx: ServiceContext, call: LongCommandCall, workspace: Workspace) => Promise<T>,
): Promise<T> {
  return withServiceContext(unlock.options, unlock.passphrase, (ctx, workspace) =>
    withInterrupt(io, async (signal) => {
      const bar = progressDisplay(out, progress.title, progress.unit);
      try {
        return await work(ctx, { signal, onProgress: (update) => bar.update(update) }, workspace);
      } finally {
        bar.stop();
      }
    }),
  );
}
