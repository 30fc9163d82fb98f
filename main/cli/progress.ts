import { Presets, SingleBar } from 'cli-progress';
import type { CommandOutput } from './cli-io.ts';

export interface ProgressUpdate {
  readonly done: number;
  readonly total: number;
  /** What is happening now, e.g. "loans" while a demo writes loans. */
  readonly phase?: string;
}

export interface ProgressDisplay {
  update(progress: ProgressUpdate): void;
  /** Removes the bar; call it before printing the result or an error. */
  stop(): void;
}

const MIB = 1024 * 1024;

function formatAmount(value: number, unit: 'bytes' | 'items'): string {
  return unit === 'bytes' ? `${(value / MIB).toFixed(1)} MiB` : value.toLocaleString('en-US');
}

const silent: ProgressDisplay = { update: () => undefined, stop: () => undefined };

/**
 * A progress bar on stderr for a person at a terminal; with --json or when stderr is a file or a pipe,
 * nothing at all (the command's result is the one final line).
 */
export function progressDisplay(out: CommandOutput, title: string, unit: 'bytes' | 'items'): ProgressDisplay {
  if (!out.interactive) return silent;
  const bar = new SingleBar(
    {
      stream: out.io.stderr,
      format: `${title} [{bar}] {percentage}% {amount} {phase}`,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 30,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update({ done, total, phase }) {
      const payload = { amount: `${formatAmount(done, unit)} / ${formatAmount(total, unit)}`, phase: phase ?? '' };
      if (!started) {
        bar.start(Math.max(total, 1), done, payload);
        started = true;
        return;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done, payload);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
