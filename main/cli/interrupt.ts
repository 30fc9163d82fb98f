import type { CliIo } from './cli-io.ts';

/**
 * Runs a long job with an AbortSignal that Ctrl-C trips (or `io.interrupt`, for tests). The first Ctrl-C asks
 * the job to cancel cleanly (the services roll back, so nothing is half-written); the handler then steps
 * aside, so a second Ctrl-C ends the process the ordinary way.
 */
export async function withInterrupt<T>(io: CliIo, job: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (io.interrupt) return job(io.interrupt);
  const controller = new AbortController();
  const onSigint = (): void => {
    io.stderr.write('\nriskdesk: cancelling… (Ctrl-C again to stop at once)\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    return await job(controller.signal);
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
