import type { CliIo } from './cli-io.ts';

/**
 * The signals that ask a command to stop: Ctrl-C (SIGINT), `kill` or a service manager (SIGTERM), and a closed
 * terminal or SSH session (SIGHUP). Node's default for each is to end the process on the spot, in the middle of
 * whatever it was writing; a command that catches them stops the way Ctrl-C stops it.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Calls `handler` on the first stop signal, after which the signals' default behaviour is back; returns a remover. */
export function onFirstStopSignal(handler: (signal: NodeJS.Signals) => void): () => void {
  const stopListening = (): void => {
    for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
  };
  function onSignal(signal: NodeJS.Signals): void {
    stopListening();
    handler(signal);
  }
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  return stopListening;
}

/**
 * Runs a long job with an AbortSignal that a stop signal trips (or `io.interrupt`, for tests). The first one asks
 * the job to cancel cleanly (the services roll back, so nothing is half-written); the handler then steps aside,
 * so a second one ends the process the ordinary way (what that leaves behind, the next unlock undoes: see
 * services/demo-service.ts).
 */
export async function withInterrupt<T>(io: CliIo, job: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (io.interrupt) return job(io.interrupt);
  const controller = new AbortController();
  const stopListening = onFirstStopSignal((signal) => {
    const why = signal === 'SIGINT' ? 'cancelling… (Ctrl-C again to stop at once)' : `${signal}: cancelling… (a second signal stops at once)`;
    io.stderr.write(`\nriskdesk: ${why}\n`);
    controller.abort();
  });
  try {
    return await job(controller.signal);
  } finally {
    stopListening();
  }
}
