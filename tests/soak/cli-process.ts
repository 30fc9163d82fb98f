// The real `riskdesk` command in a child process, the way a user's shell starts it: the passphrase in the
// environment (never in argv, where `ps` shows it), and optionally a SIGKILL after a given delay.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/riskdesk.mjs', import.meta.url));

export interface CliExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** From spawn to exit. */
  ms: number;
}

/** Runs `riskdesk ...args`; with `killAfterMs`, sends SIGKILL then unless it has already exited. */
export function runCli(args: readonly string[], passphrase: string, options: { killAfterMs?: number } = {}): Promise<CliExit> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', RISKDESK_PASSPHRASE: passphrase }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const timer = options.killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** One line for a failure report: how the command ended and what it said. */
export function describeExit(exit: CliExit): string {
  const said = `${exit.stderr}${exit.stdout}`.trim().split('\n').slice(-3).join(' | ');
  return `exit ${exit.code ?? exit.signal}${said ? `: ${said}` : ''}`;
}
